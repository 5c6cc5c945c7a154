package org.gongkai.extract;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.EmptyFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.poifs.filesystem.OfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionException.Reason;
import org.xml.sax.SAXException;

/** Turns what parsers throw into {@link ExtractionException}s with a message a drafter can act on. */
final class Failures {
    private Failures() {
    }

    static ExtractionException encrypted(String what) {
        return new ExtractionException(Reason.ENCRYPTED, "文件已加密或设有打开密码，无法读取；请去除密码后重新上传 / the " + what
                + " is encrypted or password-protected; remove the password and upload again");
    }

    /** DRM/IRM (Information Rights Management): the content is encrypted for the users the rights name. */
    static ExtractionException rightsProtected(String what) {
        return new ExtractionException(Reason.ENCRYPTED, "文件已加密/受权限保护（DRM/IRM），无法读取，须人工审查；请由有权限者取消权限保护后另存上传 / the " + what
                + " is encrypted / rights-protected (DRM/IRM) and cannot be read; manual review needed, or have someone with the rights remove the"
                + " protection and upload it again");
    }

    static ExtractionException of(Throwable t, String what) {
        if (t instanceof ExtractionException e) {
            return e;
        }
        if (interrupted(t)) {
            // the host interrupts the thread at the time-out; a parser then fails with whatever it was doing
            return new ExtractionException(Reason.TIMEOUT, "文本提取超时，已中止 / text extraction timed out and was stopped", t);
        }
        if (t instanceof EmptyFileException) {
            return new ExtractionException(Reason.EMPTY, "文件为空（0 字节） / the " + what + " is empty (0 bytes)", t);
        }
        if (t instanceof EncryptedDocumentException || t.getClass().getSimpleName().equals("InvalidPasswordException")) {
            return new ExtractionException(Reason.ENCRYPTED, encrypted(what).getMessage(), t);
        }
        // parsers wrap what the stream threw (StAX an XMLStreamException around POI's zip-bomb IOException)
        for (Throwable c : chain(t)) {
            String m = String.valueOf(c.getMessage());
            if (c instanceof IOException && (m.contains("Zip bomb") || m.contains("ZipSecureFile") || m.contains("exceeds the max"))
                    || c instanceof org.apache.poi.util.RecordFormatException && m.contains("too large")) {
                return new ExtractionException(Reason.LIMIT_EXCEEDED, "文件结构异常（疑似压缩炸弹或超出资源上限），为安全起见未读取 / the " + what
                        + " exceeds safety limits (possible zip bomb); it was not read", t);
            }
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

    /** Fails with {@link Reason#EMPTY} for a file of zero bytes (parsers report it as damaged, each in its own way). */
    static void requireContent(Path file, String what) throws ExtractionException {
        try {
            if (Files.size(file) == 0) {
                throw new ExtractionException(Reason.EMPTY, "文件为空（0 字节） / the " + what + " is empty (0 bytes)");
            }
        } catch (IOException e) {
            throw of(e, what);
        }
    }

    /** {@code t} and what it wraps: causes, and the nested exceptions of StAX and SAX that are not always causes. */
    private static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        Throwable c = t;
        while (c != null && out.size() < 20 && !out.contains(c)) {
            out.add(c);
            Throwable next = c.getCause();
            if (next == null && c instanceof XMLStreamException x) {
                next = x.getNestedException();
            } else if (next == null && c instanceof SAXException x) {
                next = x.getException();
            }
            c = next;
        }
        return out;
    }

    /** Whether the thread was interrupted, or the failure comes from an interruption. */
    private static boolean interrupted(Throwable t) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable c : chain(t)) {
            if (c instanceof InterruptedException || c instanceof InterruptedIOException || c instanceof ClosedByInterruptException) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return false;
    }

    /** POI's zip-bomb guard is JVM-global; set once when a POI-based extractor is configured. */
    static void configurePoi(double minInflateRatio) {
        // Tika's OOXMLParser switches this guard off for the whole JVM when its class is initialised
        // (ZipSecureFile.setMinInflateRatio(-1)), which happens as soon as an AutoDetectParser is built: initialise it
        // first, so that the ratio set here is the one that stays
        try {
            Class.forName("org.apache.tika.parser.microsoft.ooxml.OOXMLParser", true, Failures.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Tika's Microsoft parsers are not on the class path: nothing resets the guard
        }
        ZipSecureFile.setMinInflateRatio(minInflateRatio);
        ZipSecureFile.setMaxEntrySize(500L * 1024 * 1024);
    }
}
