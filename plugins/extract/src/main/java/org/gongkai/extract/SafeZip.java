package org.gongkai.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionException.Reason;

/**
 * Unpacks a zip container (OFD) only after every entry has been validated, into a folder the caller owns:
 * no absolute names, drive letters, {@code ..} segments, control characters or duplicate names; at most
 * {@link #MAX_ENTRIES} entries; each entry and the whole at most {@link #MAX_TOTAL} bytes once inflated; and no
 * entry inflating more than {@code 1 / minInflateRatio} times its compressed size (the zip-bomb ratio POI applies to
 * OOXML). Sizes are checked twice: against the central directory before anything is written, and while inflating,
 * since a directory can lie. Nothing is written anywhere but below the target folder.
 */
final class SafeZip {
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_TOTAL = 500L * 1024 * 1024;
    /** Entries smaller than this once inflated are not held to the ratio (tiny XML compresses very well). */
    private static final long RATIO_GRACE = 100 * 1024;

    private SafeZip() {
    }

    /**
     * Validates every entry of {@code zip}, then unpacks it below {@code into} (which must exist and be empty).
     *
     * @throws ExtractionException {@code CORRUPT} for an unreadable directory, {@code LIMIT_EXCEEDED} for an entry
     *                             name that would leave the folder or sizes past the limits
     */
    static void unpack(Path zip, Path into, double minInflateRatio, String what) throws ExtractionException {
        Path root = into.toAbsolutePath().normalize();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = validate(z, root, minInflateRatio, what);
            long total = 0;
            for (ZipEntry e : entries) {
                BlockSink.checkInterrupted();
                Path target = root.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                total += copy(z, e, target, total, minInflateRatio, what);
            }
        } catch (ExtractionException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException(Reason.CORRUPT, "文件的 ZIP 结构已损坏（可能被截断），无法安全读取；请重新导出后上传 / the " + what
                    + "'s zip structure is damaged (it may be truncated) and cannot be read safely; export it again and upload", e);
        }
    }

    private static List<ZipEntry> validate(ZipFile z, Path root, double minRatio, String what) throws ExtractionException {
        List<ZipEntry> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long declared = 0;
        Enumeration<? extends ZipEntry> en = z.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            if (out.size() >= MAX_ENTRIES) {
                throw limit(what, "条目超过 " + MAX_ENTRIES + " 个", "more than " + MAX_ENTRIES + " entries");
            }
            String name = e.getName();
            if (!safeName(name) || !root.resolve(name).normalize().startsWith(root)) {
                throw limit(what, "含有指向文件夹之外的条目名", "an entry name points outside its folder");
            }
            if (!names.add(name.toLowerCase(Locale.ROOT).replace('\\', '/'))) {
                throw limit(what, "含有重名条目", "duplicate entry names");
            }
            long size = e.getSize();
            long packed = e.getCompressedSize();
            if (size > MAX_TOTAL || size >= 0 && (declared += size) > MAX_TOTAL) {
                throw limit(what, "解压后超过 " + MAX_TOTAL / (1024 * 1024) + " MB", "more than " + MAX_TOTAL / (1024 * 1024) + " MB once unpacked");
            }
            if (size > RATIO_GRACE && packed >= 0 && (double) packed / size < minRatio) {
                throw limit(what, "压缩比异常（疑似压缩炸弹）", "an entry's compression ratio is that of a zip bomb");
            }
            out.add(e);
        }
        if (out.isEmpty()) {
            throw new ExtractionException(Reason.CORRUPT, "文件是空的 ZIP 容器 / the " + what + " is an empty zip container");
        }
        return out;
    }

    /** A relative name of plain segments: no absolute path, drive, {@code ..}, empty segment or control character. */
    static boolean safeName(String name) {
        if (name == null || name.isEmpty() || name.length() > 1024) {
            return false;
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.length() > 1 && n.charAt(1) == ':') {
            return false;
        }
        for (int i = 0; i < n.length(); i++) {
            if (Character.isISOControl(n.charAt(i))) {
                return false;
            }
        }
        String[] parts = n.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            boolean lastOfDirectory = i == parts.length - 1 && p.isEmpty();
            if (p.equals("..") || p.equals(".") || p.isEmpty() && !lastOfDirectory) {
                return false;
            }
        }
        return true;
    }

    private static long copy(ZipFile z, ZipEntry e, Path target, long before, double minRatio, String what) throws IOException, ExtractionException {
        long packed = Math.max(1, e.getCompressedSize());
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        try (InputStream in = z.getInputStream(e);
             OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (before + n > MAX_TOTAL) {
                    throw limit(what, "解压后超过 " + MAX_TOTAL / (1024 * 1024) + " MB", "more than " + MAX_TOTAL / (1024 * 1024) + " MB once unpacked");
                }
                if (n > RATIO_GRACE && (double) packed / n < minRatio) {
                    throw limit(what, "压缩比异常（疑似压缩炸弹）", "an entry's compression ratio is that of a zip bomb");
                }
                out.write(buf, 0, r);
            }
        }
        return n;
    }

    private static ExtractionException limit(String what, String zh, String en) {
        return new ExtractionException(Reason.LIMIT_EXCEEDED, "文件结构异常：" + zh + "，为安全起见未读取 / the " + what + " is unsafe to unpack: " + en
                + "; it was not read");
    }

    /** Deletes a folder and everything below it, never following links out of it; quietly ignores what is already gone. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // what could not be deleted is removed by the host with the worker's temporary folder
        }
    }
}
