package org.gongkai.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.gongkai.server.App;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.document.Report;
import org.gongkai.server.document.ReportAssembler;
import org.gongkai.server.pipeline.CheckPipeline;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.pipeline.TypeDetector;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Part;
import org.gongkai.spi.Route;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Submission;

/**
 * {@code gongkai check FILE… [--attribute A] [--reason TEXT]}: the server's pipeline without a server, one
 * report per file as JSON Lines on standard output. Exit 0 when every file was checked, 1 when some file
 * could not be read at all, 2 on a usage error (shared/CONTRACT.md).
 */
public final class CheckCommand {
    private final ServerConfig config;
    private final PrintStream out;
    private final PrintStream err;

    public CheckCommand(ServerConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    public int run(List<String> files, String attribute, String reason) {
        Attribute declared;
        try {
            declared = Attribute.parseDeclared(attribute).orElse(null);
        } catch (IllegalArgumentException e) {
            err.println("--attribute 取值无效 / invalid --attribute: " + attribute + " (PUBLIC, ON_REQUEST, NOT_PUBLIC, PARTIAL)");
            return 2;
        }
        ObjectMapper json = App.objectMapper();
        ExecutorService threads = App.extractionThreads();
        try {
            CheckPipeline pipeline = App.pipeline(PluginRegistry.load(App.environment(config)), threads, config);
            TypeDetector types = new TypeDetector();
            int exit = 0;
            for (String f : files) {
                Outcome o = check(Path.of(f), declared, reason, pipeline, types);
                if (!o.read()) {
                    exit = 1;
                }
                out.println(json.writeValueAsString(o.report()));
            }
            out.flush();
            return exit;
        } catch (IOException e) {
            err.println("输出失败 / cannot write output: " + e.getMessage());
            return 1;
        } finally {
            threads.shutdownNow();
        }
    }

    /** A report, and whether any text of the file could be read. */
    private record Outcome(Report report, boolean read) {
    }

    private Outcome check(Path file, Attribute declared, String reason, CheckPipeline pipeline, TypeDetector types) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String id = UUID.randomUUID().toString();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return new Outcome(unreadable(id, name, null, null, 0, declared, "文件不存在或不可读 / file does not exist or cannot be read: " + file), false);
        }
        try {
            long size = Files.size(file);
            String sha = sha256(file);
            if (size == 0) {
                return new Outcome(unreadable(id, name, sha, "application/octet-stream", 0, declared, "文件为空（0 字节） / the file is empty"), false);
            }
            String type = types.detect(file);
            Submission s = new Submission(name, declared, reason, null, false);
            CheckResult r = pipeline.check(file, type, s);
            return new Outcome(ReportAssembler.fromCheck(id, name, sha, type, size, r), r.text() != null);
        } catch (IOException e) {
            return new Outcome(unreadable(id, name, null, null, 0, declared, "文件读取失败 / cannot read the file: " + e.getMessage()), false);
        }
    }

    private static Report unreadable(String id, String name, String sha, String type, long size, Attribute declared, String why) {
        Finding f = Finding.document(Category.EXTRACTION_FAILED, Severity.BLOCKER, null, why, "gongkai");
        ReportedFinding rf = ReportedFinding.of(UUID.randomUUID().toString(), f, Part.BODY, null, "");
        CheckResult r = new CheckResult(null, null, java.util.Map.of(), declared, Attribute.NONE, declared == null ? Attribute.NONE : declared,
                null, Route.MANUAL_REVIEW, "rule 1: text could not be read", List.of(rf), java.util.Map.of());
        return ReportAssembler.fromCheck(id, name, sha, type, size, r);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
