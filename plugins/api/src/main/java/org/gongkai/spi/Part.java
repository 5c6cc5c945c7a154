package org.gongkai.spi;

/**
 * Where in a document a piece of text stands. Only {@link #BODY}, {@link #TABLE}, {@link #HEADER},
 * {@link #FOOTER} and {@link #ATTACHMENT} are what a reader of the published document sees; the rest is
 * hidden in the file and must be cleaned before publication.
 *
 * @since 0.1
 */
public enum Part {
    BODY, TABLE, HEADER, FOOTER, COMMENT, TRACKED_INSERTION, TRACKED_DELETION, HIDDEN, METADATA, ATTACHMENT;

    /** True for parts a reader of the printed or published document does not see. */
    public boolean hidden() {
        return switch (this) {
            case COMMENT, TRACKED_DELETION, HIDDEN, METADATA -> true;
            default -> false;
        };
    }

    /** True for the parts that make up the visible text of the 公文 itself (used by structure parsing). */
    public boolean visible() {
        return !hidden() && this != TRACKED_INSERTION;
    }
}
