package org.gongkai.server.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Waiting for a document without a thread per waiter: a signal answers at once, silence answers at the deadline. */
class CheckedSignalsTest {

    @Test
    void a_signal_answers_every_waiter_of_that_document_and_no_other() throws Exception {
        try (CheckedSignals s = new CheckedSignals()) {
            AtomicReference<String> state = new AtomicReference<>("PROCESSING");
            CompletableFuture<String> first = s.await("d1", 60_000, () -> false, state::get);
            CompletableFuture<String> second = s.await("d1", 60_000, () -> false, state::get);
            CompletableFuture<String> other = s.await("d2", 60_000, () -> false, () -> "other");
            state.set("CHECKED");
            s.signal("d1");
            assertEquals("CHECKED", first.get(10, TimeUnit.SECONDS));
            assertEquals("CHECKED", second.get(10, TimeUnit.SECONDS));
            assertFalse(other.isDone(), "another document's waiter keeps waiting");
            assertEquals(1, s.waiting());
        }
    }

    @Test
    void without_a_signal_the_waiter_gets_the_state_at_the_deadline_and_is_forgotten() throws Exception {
        try (CheckedSignals s = new CheckedSignals()) {
            CompletableFuture<String> w = s.await("d1", 200, () -> false, () -> "RECEIVED");
            assertEquals("RECEIVED", w.get(10, TimeUnit.SECONDS));
            assertEquals(0, s.waiting(), "nothing left behind for a document nobody waits for");
        }
    }

    @Test
    void a_document_checked_before_the_waiter_registered_answers_at_once() throws Exception {
        try (CheckedSignals s = new CheckedSignals()) {
            CompletableFuture<String> w = s.await("d1", 60_000, () -> true, () -> "CHECKED");
            assertEquals("CHECKED", w.get(10, TimeUnit.SECONDS));
            assertTrue(s.waiting() == 0);
        }
    }
}
