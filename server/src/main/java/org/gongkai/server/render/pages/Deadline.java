package org.gongkai.server.render.pages;

import java.time.Duration;

/**
 * The time a render may take, checked at every content-stream operator: PDFBox offers no cancellation, so the
 * engines call {@link #check()} and the page is abandoned by an exception once time is up or the thread was
 * interrupted.
 */
final class Deadline {
    private final long end;

    Deadline(Duration allowed) {
        this.end = System.nanoTime() + allowed.toNanos();
    }

    void check() {
        if (Thread.currentThread().isInterrupted() || System.nanoTime() - end > 0) {
            throw new Expired();
        }
    }

    /** Thrown from inside PDFBox when time is up; unchecked so that no PDFBox catch of IOException swallows it. */
    static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super("render time limit reached", null, false, false);
        }
    }
}
