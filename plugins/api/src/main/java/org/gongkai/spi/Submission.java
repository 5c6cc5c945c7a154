package org.gongkai.spi;

/**
 * What the drafter declared with the upload (the 发文呈批单), as given to detectors and routers.
 *
 * @param fileName             original file name as uploaded (never trusted for type detection)
 * @param declared             the declared attribute, or {@code null} when none was given
 * @param reason               the stated reason for ON_REQUEST / NOT_PUBLIC / PARTIAL, or {@code null}
 * @param department           the drafting department, or {@code null}
 * @param interpretationAttached whether an interpretation file (政策解读) was uploaded with the document
 * @since 0.1
 */
public record Submission(String fileName, Attribute declared, String reason, String department, boolean interpretationAttached) {
    public static Submission of(String fileName) {
        return new Submission(fileName, null, null, null, false);
    }

    /** True when a non-blank reason was stated. */
    public boolean hasReason() {
        return reason != null && !reason.isBlank();
    }
}
