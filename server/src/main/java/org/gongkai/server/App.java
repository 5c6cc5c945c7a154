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
import org.gongkai.server.pipeline.CheckPipeline;
import org.gongkai.server.pipeline.TypeDetector;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.server.processing.ProcessingService;
import org.gongkai.server.queue.ReviewQueues;
import org.gongkai.server.search.SearchIndex;
import org.gongkai.server.search.SearchService;
import org.gongkai.server.document.CheckedSignals;
import org.gongkai.server.metrics.Readiness;
import org.gongkai.server.metrics.ServerMetrics;
import org.gongkai.server.storage.BlobStore;
import org.gongkai.server.storage.DatabaseBlobStore;
import org.gongkai.server.storage.FileBlobStore;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.PluginConfig;

/**
 * Wires the server by constructor from one {@link ServerConfig}: database, file store, plugins, pipeline,
 * processing workers and HTTP routes. {@link #javalin()} is unstarted until {@link #start()}.
 */
public final class App implements AutoCloseable {
    /** A processing lease, renewed every third of it while the document is being checked. */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** How often the database is swept for documents nobody is checking (new elsewhere, or left by a dead server). */
    static final int SWEEP_SECONDS = 5;
    private final ServerConfig config;
    private final Database db;
    private final ProcessingService processing;
    private final ExecutorService extractionThreads;
    private final SearchIndex searchIndex;
    private final SearchService search;
    private final Javalin javalin;
    private final CheckedSignals signals;
    private final Readiness readiness;

    private App(ServerConfig config, Database db, ProcessingService processing, ExecutorService extractionThreads, SearchIndex searchIndex,
                SearchService search, Javalin javalin, CheckedSignals signals, Readiness readiness) {
        this.config = config;
        this.signals = signals;
        this.readiness = readiness;
        this.searchIndex = searchIndex;
        this.search = search;
        this.db = db;
        this.processing = processing;
        this.extractionThreads = extractionThreads;
        this.javalin = javalin;
    }

    public static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Plugins and pipeline, shared by the server and the CLI. */
    public static CheckPipeline pipeline(PluginRegistry plugins, ExecutorService extractionThreads, ServerConfig cfg) {
        return new CheckPipeline(plugins, extractionThreads, cfg.parseTimeout().toMillis(),
                new ExtractionLimits(cfg.maxChars(), 3, 0.01, true));
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
        try {
            Files.createDirectories(cfg.dataDir());
            PluginRegistry plugins = PluginRegistry.load(environment(cfg));
            Database db = new Database(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword());
            BlobStore blobs = cfg.blobStore().equals("database") ? new DatabaseBlobStore(db, cfg.dataDir()) : new FileBlobStore(cfg.dataDir());
            blobs.cleanTemporary();
            ExecutorService extraction = extractionThreads();
            ObjectMapper json = objectMapper();
            CheckedSignals signals = new CheckedSignals();
            SearchIndex searchIndex = new SearchIndex(cfg.dataDir().resolve("index"));
            SearchService search = new SearchService(searchIndex, db, json, signals);
            ReviewQueues review = ReviewQueues.load(db, cfg.configDir(), Clock.systemUTC());
            ServerMetrics metrics = new ServerMetrics(() -> review.queues().queues(org.gongkai.server.auth.Actor.SYSTEM).stream()
                    .map(q -> new ServerMetrics.QueueDepth(q.name(), q.open(), q.overdue())).toList());
            DocumentService documents = new DocumentService(db, blobs, new TypeDetector(), pipeline(plugins, extraction, cfg), json,
                    Clock.systemUTC(), cfg.maxUploadBytes(), LEASE,
                    // all inside the result's transaction; the index and the metrics act only after it commits
                    (h, d, r) -> {
                        review.checkListener().onChecked(h, d, r);
                        search.onChecked(h, d, r);
                        metrics.onChecked(h, d, r);
                    }, signals);
            documents.recoverAfterCrash();
            ProcessingService processing = new ProcessingService(documents, cfg.workers(), SWEEP_SECONDS, LEASE.dividedBy(3),
                    cfg.parseTimeout().plus(Duration.ofMinutes(2)));
            Readiness readiness = new Readiness(db, blobs);
            metrics.gauge("gongkai.processing.backlog", "documents queued or being checked on this server", processing, ProcessingService::backlog);
            metrics.gauge("gongkai.processing.active", "documents being checked on this server now", processing, ProcessingService::active);
            metrics.gauge("gongkai.waiting", "documents someone waits for with ?wait=N", signals, CheckedSignals::waiting);
            metrics.gauge("gongkai.search.change.position", "change log position the search index has applied", search, SearchService::position);
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
            app.get("/api/v1/health", ctx -> ctx.status(readiness.ready() ? 200 : 503).json(readiness.describe()));
            app.get("/api/v1/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            app.get("/api/v1/plugins", ctx -> ctx.json(plugins.describe()));
            app.get("/api/v1/dictionaries", ctx -> ctx.json(plugins.dictionaries()));
            new DocumentController(documents, actors, id -> {
                metrics.uploaded();
                processing.submit(id);
            }).routes(app);
            review.controller(actors, json).routes(app);
            CjkPdfWriter.FontLocator fonts = CjkPdfWriter.systemFonts(cfg.pdfFont());
            new NoticeController(new ReturnNoticeService(documents, review.decisions()::latestReturnNotice), new NoticeRenderer(fonts), actors)
                    .routes(app);
            new RedactionController(new RedactionService(documents, review.decisions()::redactions), new RedactedRenderer(fonts), actors)
                    .routes(app);
            app.get("/api/v1/search", ctx -> ctx.json(Map.of("hits", search.search(actors.resolve(ctx.header("Authorization"), null),
                    ctx.queryParam("q"), parseLimit(ctx.queryParam("limit"))))));
            return new App(cfg, db, processing, extraction, searchIndex, search, app, signals, readiness);
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
        startProcessing();
        javalin.start(config.bind(), config.port());
        return this;
    }

    /** Starts processing only; for {@code JavalinTest}, which starts the HTTP side itself. */
    public App startProcessing() {
        search.start();
        readiness.start();
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
        extractionThreads.shutdownNow();
        readiness.close();
        search.close();
        searchIndex.close();
        signals.close();
        db.close();
    }
}
