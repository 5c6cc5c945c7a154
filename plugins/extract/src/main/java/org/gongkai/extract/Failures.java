package org.gongkai.extract;

import java.io.IOException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.poifs.filesystem.OfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionException.Reason;

/** Turns what parsers throw into {@link ExtractionException}s with a message a drafter can act on. */
final class Failures {
    private Failures() {
    }

    static ExtractionException encrypted(String what) {
        return new ExtractionException(Reason.ENCRYPTED, "文件已加密或设有打开密码，无法读取；请去除密码后重新上传 / the " + what
                + " is encrypted or password-protected; remove the password and upload again");
    }

    static ExtractionException of(Throwable t, String what) {
        if (t instanceof ExtractionException e) {
            return e;
        }
        if (t instanceof EncryptedDocumentException || t.getClass().getSimpleName().equals("InvalidPasswordException")) {
            return new ExtractionException(Reason.ENCRYPTED, encrypted(what).getMessage(), t);
        }
        String m = String.valueOf(t.getMessage());
        if (t instanceof IOException && (m.contains("Zip bomb") || m.contains("ZipSecureFile") || m.contains("exceeds the max"))
                || t instanceof org.apache.poi.util.RecordFormatException && m.contains("too large")) {
            return new ExtractionException(Reason.LIMIT_EXCEEDED, "文件结构异常（疑似压缩炸弹或超出资源上限），为安全起见未读取 / the " + what
                    + " exceeds safety limits (possible zip bomb); it was not read", t);
        }
        if (t instanceof StackOverflowError || t instanceof OutOfMemoryError) {
            return new ExtractionException(Reason.LIMIT_EXCEEDED, "文件结构过深或过大，无法安全读取 / the " + what + " is too deeply nested or too large to read safely", t);
        }
        if (t instanceof NotOfficeXmlFileException || t instanceof OLE2NotOfficeXmlFileException || t instanceof OfficeXmlFileException
                || t instanceof InvalidFormatException) {
            return new ExtractionException(Reason.CORRUPT, "文件内容与其格式不符，请用办公软件另存为标准格式后重新上传 / the " + what
                    + " is not a valid file of its type; re-save it in a standard format and upload again", t);
        }
        return new ExtractionException(Reason.CORRUPT, "文件已损坏或格式异常，无法读取；请用办公软件打开后另存为新文件再上传 / the " + what
                + " is damaged or malformed (" + t.getClass().getSimpleName() + "); open it, save it as a new file and upload again", t);
    }

    /** POI's zip-bomb guard is JVM-global; set once when a POI-based extractor is configured. */
    static void configurePoi(double minInflateRatio) {
        ZipSecureFile.setMinInflateRatio(minInflateRatio);
        ZipSecureFile.setMaxEntrySize(500L * 1024 * 1024);
    }
}
