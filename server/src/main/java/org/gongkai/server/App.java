package org.gongkai.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.gongkai.server.auth.ActorResolver;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.document.DocumentController;
import org.gongkai.server.document.DocumentService;
import org.gongkai.server.http.ErrorMapping;
import org.gongkai.server.notice.NoticeController;
import org.gongkai.server.notice.NoticeRenderer;
import org.gongkai.server.notice.ReturnNoticeService;
import org.gongkai.server.redaction.RedactedRenderer;
import org.gongkai.server.redaction.RedactionController;
import org.gongkai.server.redaction.RedactionService;
import org.gongkai.server.render.CjkPdfWriter;
import org.gongkai.server.isolation.ChildProcessExtraction;
import org.gongkai.server.isolation.IsolationConfig;
import org.gongkai.server.pipeline.CheckPipeline;
import org.gongkai.server.pipeline.Extraction;
import org.gongkai.server.pipeline.InProcessExtraction;
import org.gongkai.server.pipeline.TypeDetector;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.server.processing.ProcessingService;
import org.gongkai.server.queue.ReviewQueues;
import org.gongkai.server.search.SearchIndex;
import org.gongkai.server.search.SearchService;
import org.gongkai.server.storage.BlobStore;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.PluginConfig;

/**
 * Wires the server by constructor from one {@link ServerConfig}: database, file store, plugins, pipeline,
 * processing workers and HTTP routes. {@link #javalin()} is unstarted until {@link #start()}.
 */
public final class App implements AutoCloseable {
    private final ServerConfig config;
    private final Database db;
    private final ProcessingService processing;
    private final Extraction extraction;
    private final SearchIndex searchIndex;
    private final SearchService search;
    private final Javalin javalin;

    private App(ServerConfig config, Database db, ProcessingService processing, Extraction extraction, SearchIndex searchIndex,
                SearchService search, Javalin javalin) {
        this.config = config;
        this.searchIndex = searchIndex;
        this.search = search;
        this.db = db;
        this.processing = processing;
        this.extraction = extraction;
        this.javalin = javalin;
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** The pipeline with extraction in this process: the CLI, benchmarks and accuracy runs (short-lived processes). */
    public static CheckPipeline pipeline(PluginRegistry plugins, ExecutorService extractionThreads, ServerConfig cfg) {
        return new CheckPipeline(plugins, new InProcessExtraction(extractionThreads, cfg.parseTimeout().toMillis()), limits(cfg));
    }

    /** The pipeline with extraction in child processes: the server. */
    public static CheckPipeline pipeline(PluginRegistry plugins, Extraction extraction, ServerConfig cfg) {
        return new CheckPipeline(plugins, extraction, limits(cfg));
    }

    /** Embedded documents are read 10 levels deep (a document nested deeper is a gap, never silence). */
    private static ExtractionLimits limits(ServerConfig cfg) {
        return new ExtractionLimits(cfg.maxChars(), 10, 0.01, true);
    }

    public static ExecutorService extractionThreads() {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gongkai-extract");
            t.setDaemon(true);
            return t;
        });
    }

    public static PluginConfig.Environment environment(ServerConfig cfg) {
        return new PluginConfig.Environment(cfg.dictionariesDir(), cfg.configDir(), cfg.dataDir());
    }

    public static App create(ServerConfig cfg) {
        return create(cfg, IsolationConfig.fromEnvironment(System.getenv()));
    }

    /** The server with parsers isolated as {@code isolation} says. */
    public static App create(ServerConfig cfg, IsolationConfig isolation) {
        try {
            Files.createDirectories(cfg.dataDir());
            BlobStore blobs = new BlobStore(cfg.dataDir());
            blobs.cleanTemporary();
            PluginRegistry plugins = PluginRegistry.load(environment(cfg));
            Database db = new Database(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword());
            Extraction extraction = new ChildProcessExtraction(isolation, environment(cfg), cfg.workers(), cfg.parseTimeout().toMillis());
            ObjectMapper json = objectMapper();
            SearchIndex searchIndex = new SearchIndex(cfg.dataDir().resolve("index"));
            SearchService search = new SearchService(searchIndex, db, json);
            ReviewQueues review = ReviewQueues.load(db, cfg.configDir(), Clock.systemUTC());
            DocumentService documents = new DocumentService(db, blobs, new TypeDetector(), pipeline(plugins, extraction, cfg), json,
                    Clock.systemUTC(), cfg.maxUploadBytes(), cfg.parseTimeout().plus(Duration.ofMinutes(2)),
                    // the queue item first: it rolls back with the transaction, the Lucene write cannot
                    (h, d, r) -> {
                        review.checkListener().onChecked(h, d, r);
                        search.onChecked(h, d, r);
                    });
            documents.recoverAfterCrash();
            ProcessingService processing = new ProcessingService(documents, cfg.workers(), 30);
            ActorResolver actors = new ActorResolver(cfg.adminToken());
            Javalin app = Javalin.create(c -> {
                c.showJavalinBanner = false;
                c.jsonMapper(new JavalinJackson(json, false));
                c.http.defaultContentType = "application/json; charset=utf-8";
                c.jetty.multipartConfig.cacheDirectory(cfg.dataDir().resolve("tmp").toString());
                c.jetty.multipartConfig.maxFileSize(cfg.maxUploadBytes(), SizeUnit.BYTES);
                c.jetty.multipartConfig.maxTotalRequestSize(cfg.maxUploadBytes() * 2 + 1024 * 1024, SizeUnit.BYTES);
                c.jetty.multipartConfig.maxInMemoryFileSize(256, SizeUnit.KB);
                c.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/public";
                    sf.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                    sf.headers = Map.of("Content-Security-Policy", "default-src 'self'", "X-Content-Type-Options", "nosniff");
                    // Jetty otherwise answers "text/javascript;charset=null" for the page's Chinese script
                    sf.mimeTypes.add("text/javascript; charset=utf-8", "js");
                    sf.mimeTypes.add("text/css; charset=utf-8", "css");
                    sf.mimeTypes.add("text/html; charset=utf-8", "html");
                });
            });
            ErrorMapping.install(app);
            app.get("/api/v1/health", ctx -> ctx.json(Map.of("status", "UP")));
            app.get("/api/v1/plugins", ctx -> ctx.json(plugins.describe()));
            app.get("/api/v1/dictionaries", ctx -> ctx.json(plugins.dictionaries()));
            new DocumentController(documents, actors, processing::submit).routes(app);
            review.controller(actors, json).routes(app);
            CjkPdfWriter.FontLocator fonts = CjkPdfWriter.systemFonts(cfg.pdfFont());
            new NoticeController(new ReturnNoticeService(documents, review.decisions()::latestReturnNotice), new NoticeRenderer(fonts), actors)
                    .routes(app);
            new RedactionController(new RedactionService(documents, review.decisions()::redactions), new RedactedRenderer(fonts), actors)
                    .routes(app);
            app.get("/api/v1/search", ctx -> ctx.json(Map.of("hits", search.search(actors.resolve(ctx.header("Authorization"), null),
                    ctx.queryParam("q"), parseLimit(ctx.queryParam("limit"))))));
            return new App(cfg, db, processing, extraction, searchIndex, search, app);
        } catch (IOException e) {
            throw new UncheckedIOException("数据目录不可用 / data folder unusable: " + cfg.dataDir(), e);
        }
    }

    private static int parseLimit(String s) {
        try {
            return s == null ? 20 : Math.max(1, Math.min(100, Integer.parseInt(s.strip())));
        } catch (NumberFormatException e) {
            throw org.gongkai.server.http.ApiException.badRequest("BAD_LIMIT", "limit 应为 1–100 的整数", "limit must be an integer from 1 to 100");
        }
    }

    public Javalin javalin() {
        return javalin;
    }

    public ServerConfig config() {
        return config;
    }

    /** Starts processing (picking up anything a crash left unfinished) and the HTTP listener. */
    public App start() {
        search.catchUp();
        processing.start();
        javalin.start(config.bind(), config.port());
        return this;
    }

    /** Starts processing only; for {@code JavalinTest}, which starts the HTTP side itself. */
    public App startProcessing() {
        search.catchUp();
        processing.start();
        return this;
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
        processing.close();
        extraction.close();
        searchIndex.close();
        db.close();
    }
}
