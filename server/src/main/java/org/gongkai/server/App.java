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
import org.gongkai.server.pipeline.CheckPipeline;
import org.gongkai.server.pipeline.TypeDetector;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.server.processing.ProcessingService;
import org.gongkai.server.queue.ReviewQueues;
import org.gongkai.server.search.SearchIndex;
import org.gongkai.server.search.SearchService;
import org.gongkai.server.storage.BlobStore;
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
    private final ServerConfig config;
    private final Database db;
    private final ProcessingService processing;
    private final ExecutorService extractionThreads;
    private final SearchIndex searchIndex;
    private final SearchService search;
    private final Javalin javalin;
    private final RouteTable routes;
    private final PdfPages pages;

    private App(ServerConfig config, Database db, ProcessingService processing, ExecutorService extractionThreads, SearchIndex searchIndex,
                SearchService search, Javalin javalin, RouteTable routes, PdfPages pages) {
        this.routes = routes;
        this.pages = pages;
        this.config = config;
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
            BlobStore blobs = new BlobStore(cfg.dataDir());
            blobs.cleanTemporary();
            PluginRegistry plugins = PluginRegistry.load(environment(cfg));
            Database db = new Database(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword());
            Clock clock = Clock.systemUTC();
            ExecutorService extraction = extractionThreads();
            ObjectMapper json = objectMapper();
            SecurityAudit audit = new SecurityAudit(db, clock);
            ReviewQueues review = ReviewQueues.load(db, cfg.configDir(), clock, audit);
            AccessControl access = AccessControl.create(db, audit, clock, cfg.security(), cfg.adminToken(), review.config().approverStages(),
                    cfg.configDir(), json);
            SearchIndex searchIndex = new SearchIndex(cfg.dataDir().resolve("index"));
            SearchService search = new SearchService(searchIndex, db, json, review.access());
            DocumentService documents = new DocumentService(db, blobs, new TypeDetector(), pipeline(plugins, extraction, cfg), json,
                    clock, cfg.maxUploadBytes(), cfg.parseTimeout().plus(Duration.ofMinutes(2)),
                    // the queue item first: it rolls back with the transaction, the Lucene write cannot
                    (h, d, r) -> {
                        review.checkListener().onChecked(h, d, r);
                        search.onChecked(h, d, r);
                    }, review.access());
            documents.recoverAfterCrash();
            ProcessingService processing = new ProcessingService(documents, cfg.workers(), 30);
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
            app.get("/api/v1/health", ctx -> ctx.json(Map.of("status", "UP")), RouteAccess.PUBLIC);
            app.get("/api/v1/plugins", ctx -> ctx.json(plugins.describe()), RouteAccess.SIGNED_IN);
            app.get("/api/v1/dictionaries", ctx -> ctx.json(plugins.dictionaries()), RouteAccess.SIGNED_IN);
            new DocumentController(documents, review.access(), processing::submit).routes(app);
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
            Workbench.install(app, db, review, search, audit, cfg.dictionariesDir(), json, clock);
            if (cfg.adminToken() != null && cfg.adminToken().length() < 16) {
                LOG.warn("GONGKAI_ADMIN_TOKEN 少于 16 个字符，容易被猜中；请换用长随机串 / GONGKAI_ADMIN_TOKEN is shorter than 16 characters: use a long random string");
            }
            return new App(cfg, db, processing, extraction, searchIndex, search, app, routes, pages);
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
        pages.close();
        processing.close();
        extractionThreads.shutdownNow();
        searchIndex.close();
        db.close();
    }
}
