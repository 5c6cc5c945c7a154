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
import org.gongkai.server.access.AccessControl;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.access.RouteTable;
import org.gongkai.server.access.SecurityHeaders;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.http.JettyErrorHandler;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.document.DocumentController;
import org.gongkai.server.document.DocumentService;
import org.gongkai.server.document.pages.PageController;
import org.gongkai.server.document.pages.PageService;
import org.gongkai.server.document.view.CheckedDocuments;
import org.gongkai.server.document.view.DocumentViewController;
import org.gongkai.server.document.view.OriginalService;
import org.gongkai.server.document.view.TextViewService;
import org.gongkai.server.document.view.ViewAudit;
import org.gongkai.server.http.ErrorMapping;
import org.gongkai.server.notice.NoticeController;
import org.gongkai.server.notice.NoticeRenderer;
import org.gongkai.server.notice.ReturnNoticeService;
import org.gongkai.server.redaction.RedactedRenderer;
import org.gongkai.server.redaction.RedactionController;
import org.gongkai.server.redaction.RedactionService;
import org.gongkai.server.redaction.preview.RedactionPreviewController;
import org.gongkai.server.redaction.preview.RedactionPreviewService;
import org.gongkai.server.render.pages.PdfBoxPages;
import org.gongkai.server.render.pages.PdfPages;
import org.gongkai.server.render.pages.RenderLimits;
import org.gongkai.server.render.CjkPdfWriter;
import org.gongkai.server.basis.OfficeBasis;
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
import org.gongkai.server.document.CheckedSignals;
import org.gongkai.server.metrics.Readiness;
import org.gongkai.server.metrics.ServerMetrics;
import org.gongkai.server.storage.BlobStore;
import org.gongkai.server.storage.DatabaseBlobStore;
import org.gongkai.server.storage.FileBlobStore;
import org.gongkai.server.storage.Database;
import org.gongkai.server.workbench.Workbench;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.PluginConfig;

/**
 * Wires the server by constructor from one {@link ServerConfig}: database, file store, plugins, pipeline,
 * processing workers and HTTP routes. {@link #javalin()} is unstarted until {@link #start()}.
 */
public final class App implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(App.class);
    /** A processing lease, renewed every third of it while the document is being checked. */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** How often the database is swept for documents nobody is checking (new elsewhere, or left by a dead server). */
    static final int SWEEP_SECONDS = 5;
    private final ServerConfig config;
    private final Database db;
    private final ProcessingService processing;
    private final Extraction extraction;
    private final SearchIndex searchIndex;
    private final SearchService search;
    private final Javalin javalin;
    private final RouteTable routes;
    private final CheckedSignals signals;
    private final Readiness readiness;
    private final PdfPages pages;

    private App(ServerConfig config, Database db, ProcessingService processing, Extraction extraction, SearchIndex searchIndex,
                SearchService search, Javalin javalin, RouteTable routes, CheckedSignals signals, Readiness readiness, PdfPages pages) {
        this.routes = routes;
        this.pages = pages;
        this.config = config;
        this.signals = signals;
        this.readiness = readiness;
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
        return new CheckPipeline(plugins, new InProcessExtraction(extractionThreads, cfg.parseTimeout().toMillis()), limits(cfg),
                OfficeBasis.load(cfg.configDir()));
    }

    /** The pipeline with extraction in child processes: the server. */
    public static CheckPipeline pipeline(PluginRegistry plugins, Extraction extraction, ServerConfig cfg) {
        return new CheckPipeline(plugins, extraction, limits(cfg), OfficeBasis.load(cfg.configDir()));
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
            PluginRegistry plugins = PluginRegistry.load(environment(cfg));
            Database db = new Database(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword());
            BlobStore blobs = cfg.blobStore().equals("database") ? new DatabaseBlobStore(db, cfg.dataDir()) : new FileBlobStore(cfg.dataDir());
            blobs.cleanTemporary();
            Clock clock = Clock.systemUTC();
            Extraction extraction = new ChildProcessExtraction(isolation, environment(cfg), cfg.workers(), cfg.parseTimeout().toMillis());
            ObjectMapper json = objectMapper();
            SecurityAudit audit = new SecurityAudit(db, clock);
            ReviewQueues review = ReviewQueues.load(db, cfg.configDir(), clock, audit);
            AccessControl access = AccessControl.create(db, audit, clock, cfg.security(), cfg.adminToken(), review.config().approverStages(),
                    cfg.configDir(), json);
            CheckedSignals signals = new CheckedSignals();
            SearchIndex searchIndex = new SearchIndex(cfg.dataDir().resolve("index"));
            SearchService search = new SearchService(searchIndex, db, json, signals, review.access());
            ServerMetrics metrics = new ServerMetrics(() -> review.queues().counts().stream()
                    .map(q -> new ServerMetrics.QueueDepth(q.name(), q.open(), q.overdue())).toList());
            DocumentService documents = new DocumentService(db, blobs, new TypeDetector(), pipeline(plugins, extraction, cfg), json,
                    clock, cfg.maxUploadBytes(), LEASE,
                    // all inside the result's transaction; the index and the metrics act only after it commits
                    (h, d, r) -> {
                        review.checkListener().onChecked(h, d, r);
                        search.onChecked(h, d, r);
                        metrics.onChecked(h, d, r);
                    }, review.access(), signals);
            documents.recoverAfterCrash();
            ProcessingService processing = new ProcessingService(documents, cfg.workers(), SWEEP_SECONDS, LEASE.dividedBy(3),
                    cfg.parseTimeout().plus(Duration.ofMinutes(2)));
            Readiness readiness = new Readiness(db, blobs);
            metrics.gauge("gongkai.processing.backlog", "documents queued or being checked on this server", processing, ProcessingService::backlog);
            metrics.gauge("gongkai.processing.active", "documents being checked on this server now", processing, ProcessingService::active);
            metrics.gauge("gongkai.waiting", "documents someone waits for with ?wait=N", signals, CheckedSignals::waiting);
            metrics.gauge("gongkai.search.change.position", "change log position the search index has applied", search, SearchService::position);
            RouteTable routes = new RouteTable();
            Javalin app = Javalin.create(c -> {
                c.showJavalinBanner = false;
                c.events.handlerAdded(routes::added);
                c.jsonMapper(new JavalinJackson(json, false));
                c.http.defaultContentType = "application/json; charset=utf-8";
                c.jetty.multipartConfig.cacheDirectory(cfg.dataDir().resolve("tmp").toString());
                c.jetty.multipartConfig.maxFileSize(cfg.maxUploadBytes(), SizeUnit.BYTES);
                c.jetty.multipartConfig.maxTotalRequestSize(cfg.maxUploadBytes() * 2 + 1024 * 1024, SizeUnit.BYTES);
                c.jetty.multipartConfig.maxInMemoryFileSize(256, SizeUnit.KB);
                c.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrorHandler()));
                c.staticFiles.add(sf -> {
                    sf.hostedPath = "/";
                    sf.directory = "/public";
                    sf.location = io.javalin.http.staticfiles.Location.CLASSPATH;
                    sf.headers = Map.of("Content-Security-Policy", SecurityHeaders.CSP, "X-Content-Type-Options", "nosniff");
                    // Jetty otherwise answers "text/javascript;charset=null" for the page's Chinese script
                    sf.mimeTypes.add("text/javascript; charset=utf-8", "js");
                    sf.mimeTypes.add("text/css; charset=utf-8", "css");
                    sf.mimeTypes.add("text/html; charset=utf-8", "html");
                });
            });
            ErrorMapping.install(app);
            access.install(app);
            // health (and readiness) is public by contract; metrics are for the operators (system and security administrators,
            // or a scraper holding a token of such an account)
            app.get("/api/v1/health", ctx -> ctx.status(readiness.ready() ? 200 : 503).json(readiness.describe()), RouteAccess.PUBLIC);
            app.get("/api/v1/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()),
                    RouteAccess.SYSTEM_ADMIN, RouteAccess.SECURITY_ADMIN);
            app.get("/api/v1/plugins", ctx -> ctx.json(plugins.describe()), RouteAccess.SIGNED_IN);
            app.get("/api/v1/dictionaries", ctx -> ctx.json(plugins.dictionaries()), RouteAccess.SIGNED_IN);
            new DocumentController(documents, review.access(), id -> {
                metrics.uploaded();
                processing.submit(id);
            }).routes(app);
            review.controller(json).routes(app);
            CjkPdfWriter.FontLocator fonts = CjkPdfWriter.systemFonts(cfg.pdfFont());
            new NoticeController(new ReturnNoticeService(documents, review.decisions()::latestReturnNotice), new NoticeRenderer(fonts)).routes(app);
            new RedactionController(new RedactionService(documents, review.decisions()::redactions), new RedactedRenderer(fonts)).routes(app);
            // the review page: text view, original, PDF page images with finding boxes, redaction preview
            PdfPages pages = new PdfBoxPages(RenderLimits.defaults(cfg.dataDir().resolve("render-tmp")));
            CheckedDocuments checked = new CheckedDocuments(db, json);
            ViewAudit views = new ViewAudit(review.access(), clock);
            new DocumentViewController(new TextViewService(documents, review.access(), checked, views),
                    new OriginalService(documents, review.access(), checked, views)).routes(app);
            new PageController(new PageService(documents, review.access(), checked, pages, cfg.dataDir().resolve("pages"), views)).routes(app);
            new RedactionPreviewController(new RedactionPreviewService(documents, review.decisions(), checked, views), new RedactedRenderer(fonts), json)
                    .routes(app);
            // the workbench's pages and what they read, GET /api/v1/search (with filters and pages) included
            Workbench.install(app, db, review, search, audit, cfg.dictionariesDir(), cfg.configDir(), plugins.rulesOwners(), json, clock);
            if (cfg.adminToken() != null && cfg.adminToken().length() < 16) {
                LOG.warn("GONGKAI_ADMIN_TOKEN 少于 16 个字符，容易被猜中；请换用长随机串 / GONGKAI_ADMIN_TOKEN is shorter than 16 characters: use a long random string");
            }
            return new App(cfg, db, processing, extraction, searchIndex, search, app, routes, signals, readiness, pages);
        } catch (IOException e) {
            throw new UncheckedIOException("数据目录不可用 / data folder unusable: " + cfg.dataDir(), e);
        }
    }

    public Javalin javalin() {
        return javalin;
    }

    public ServerConfig config() {
        return config;
    }

    /** Every registered route with who may call it. */
    public java.util.List<RouteTable.Route> routes() {
        return routes.routes();
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
        pages.close();
        processing.close();
        extraction.close();
        readiness.close();
        search.close();
        searchIndex.close();
        signals.close();
        db.close();
    }
}
