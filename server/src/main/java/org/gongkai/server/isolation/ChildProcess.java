package org.gongkai.server.isolation;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.gongkai.spi.PluginConfig;

/**
 * One extraction child JVM: its process, its pipes, and its temporary folder ({@code java.io.tmpdir}), which is
 * emptied after every document and removed when the child ends. Answers are read on a thread of their own so the
 * caller can wait for one with a time-out.
 */
final class ChildProcess {
    /** Exit status of a JVM that ran {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT = 3;
    private static final String EOF = "\u0000eof";

    private final Process process;
    private final BufferedWriter requests;
    private final BlockingQueue<String> answers = new ArrayBlockingQueue<>(2);
    private final Path tmp;
    private boolean ready;
    private int served;

    private ChildProcess(Process process, Path tmp) {
        this.process = process;
        this.tmp = tmp;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        Thread reader = new Thread(this::readAnswers, "gongkai-extract-child-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a child; it loads the extractors in the background and announces itself ready. */
    static ChildProcess start(IsolationConfig cfg, PluginConfig.Environment env, Path tmpRoot) throws IOException {
        Path tmp = Files.createTempDirectory(Files.createDirectories(tmpRoot), "child-");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + cfg.childHeapMb() + "m");
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xss4m");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("-Dgongkai.dictionaries=" + env.dictionaries());
        cmd.add("-Dgongkai.config=" + env.config());
        cmd.add("-Dgongkai.data=" + env.data());
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("org.slf4j.simpleLogger.") || k.startsWith("log4j2."))
                .forEach(k -> cmd.add("-D" + k + "=" + System.getProperty(k)));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ExtractionChild.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("TMPDIR", tmp.toString()); // tesseract and other programs the child runs
        try {
            return new ChildProcess(pb.start(), tmp);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    private void readAnswers() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            while ((line = r.readLine()) != null) {
                answers.put(line);
            }
        } catch (IOException | InterruptedException e) {
            // the process ended or was killed
        }
        answers.offer(EOF);
    }

    /** Outcome of one call: the answer line, or why there is none. */
    sealed interface Outcome permits Answer, TimedOut, Died {
    }

    record Answer(String line) implements Outcome {
    }

    record TimedOut() implements Outcome {
    }

    /** The process ended: its exit status (−1 when unknown). */
    record Died(int exitStatus) implements Outcome {
    }

    /**
     * Sends one request and waits for its answer at most {@code timeoutMillis} (after the child is ready, which may
     * take up to {@code startupMillis} for a new child).
     */
    Outcome call(String request, long timeoutMillis, long startupMillis) throws InterruptedException {
        if (!ready) {
            String hello = answers.poll(startupMillis, TimeUnit.MILLISECONDS);
            if (hello == null || !hello.equals(ExtractionWire.READY)) {
                return hello == null ? new TimedOut() : died();
            }
            ready = true;
        }
        served++;
        try {
            requests.write(request);
            requests.newLine();
            requests.flush();
        } catch (IOException e) {
            return died();
        }
        String line = answers.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (line == null) {
            return new TimedOut();
        }
        return line.equals(EOF) ? died() : new Answer(line);
    }

    /** After an answer that could not be read: how the child ended, if it ended within a few seconds. */
    Outcome awaitEnd() throws InterruptedException {
        return process.waitFor(5, TimeUnit.SECONDS) ? new Died(process.exitValue()) : new TimedOut();
    }

    private Died died() throws InterruptedException {
        return new Died(process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1);
    }

    int served() {
        return served;
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Removes what the last document left in the child's temporary folder. */
    void cleanTemporary() {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(tmp)) {
            for (Path p : s) {
                deleteTree(p);
            }
        } catch (IOException e) {
            // gone already, or removed with the whole folder when the child ends
        }
    }

    /** Ends the child (at once: it holds nothing worth keeping) and removes its temporary folder. */
    void destroy() {
        try {
            requests.close();
        } catch (IOException e) {
            // the pipe is already broken
        }
        // what the child started (tesseract) goes with it, or it would run on to its own time-out
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(tmp);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
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
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a file that cannot be deleted stays until the next start cleans the folder
        }
    }
}
