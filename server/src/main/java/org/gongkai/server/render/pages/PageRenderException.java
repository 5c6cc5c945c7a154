package org.gongkai.server.render.pages;

/**
 * Why a page could not be rendered or read, with a message in Chinese and English for the reviewer.
 */
public final class PageRenderException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong; decides the HTTP answer. */
    public enum Kind {
        /** The page number is outside the document. */
        NO_SUCH_PAGE,
        /** The file needs a password. */
        ENCRYPTED,
        /** The file or the page cannot be read. */
        DAMAGED,
        /** The page is absurdly large or has no size. */
        PAGE_SIZE,
        /** Rendering took longer than allowed or needed more memory than allowed. */
        TOO_COMPLEX,
        /** Every renderer is busy; try again shortly. */
        BUSY
    }

    private final Kind kind;
    private final String chinese;
    private final String english;

    public PageRenderException(Kind kind, String chinese, String english) {
        super(chinese + " / " + english);
        this.kind = kind;
        this.chinese = chinese;
        this.english = english;
    }

    public Kind kind() {
        return kind;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }
}
