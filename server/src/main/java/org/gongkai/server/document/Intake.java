package org.gongkai.server.document;

import java.io.InputStream;

/**
 * One upload as the HTTP layer or a tool hands it to {@link DocumentService#receive}: the file stream and
 * the 发文呈批单 fields, all unchecked strings (the service validates them).
 *
 * @param fileName       original file name (a hint only)
 * @param content        the file's bytes; read once, not closed by the service
 * @param attribute      declared attribute, or null
 * @param reason         stated reason, or null
 * @param department     drafting department, or null
 * @param supersedes     id of the returned document this one replaces, or null
 * @param interpretation the interpretation file (政策解读), or null
 */
public record Intake(String fileName, InputStream content, String attribute, String reason, String department, String supersedes,
                     Attachment interpretation) {

    /** A further file sent with the upload. */
    public record Attachment(String fileName, InputStream content) {
    }
}
