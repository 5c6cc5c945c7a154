package org.gongkai.server.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.pipeline.CheckPipeline;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.pipeline.TypeDetector;
import org.gongkai.server.storage.BlobStore;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Route;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Submission;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives documents durably and records what checking them found. An upload is streamed to disk,
 * stored by content hash and recorded in the database before it is acknowledged; processing happens
 * later, on the {@link org.gongkai.server.processing.ProcessingService}'s workers.
 */
public final class DocumentService {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
    /** After this many started attempts, a document that keeps killing its worker goes to manual review. */
    static final int MAX_ATTEMPTS = 3;
    private static final int MAX_TEXT = 4000;

    private final Database db;
    private final BlobStore blobs;
    private final CheckPipeline pipeline;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration lease;
    private final CheckListener listener;
    private final DocumentAccess access;
    private final CheckedSignals signals;
    private final DocumentIntake intake;

    /**
     * @param lease   how long a processing lease lasts unless renewed ({@link #renewLeases})
     * @param access  which documents an actor may open
     * @param signals told after each check commits, for those waiting with {@code ?wait=N}
     */
    public DocumentService(Database db, BlobStore blobs, TypeDetector types, CheckPipeline pipeline, ObjectMapper json, Clock clock,
                           long maxUploadBytes, Duration lease, CheckListener listener, DocumentAccess access, CheckedSignals signals) {
        this.listener = listener;
        this.access = access;
        this.signals = signals;
        this.intake = new DocumentIntake(db, blobs, types, pipeline, clock, maxUploadBytes, access);
        this.db = db;
        this.blobs = blobs;
        this.pipeline = pipeline;
        this.json = json;
        this.clock = clock;
        this.lease = lease;
    }

    /** What intake answers: the new document's id and status, and the earlier document with the same bytes. */
    public record Receipt(String id, String status, String duplicateOf) {
    }

    /** Stores an upload ({@link DocumentIntake#receive}). */
    public Receipt receive(Actor actor, Intake in) throws IOException {
        return intake.receive(actor, in);
    }

    public ApiException tooLarge() {
        return intake.tooLarge();
    }

    public long maxUploadBytes() {
        return intake.maxUploadBytes();
    }

    public Report report(Actor actor, String id) {
        access.requireRead(actor, id);
        DocumentRecord d = find(id);
        List<ReportedFinding> findings = db.jdbi().withExtension(FindingDao.class, f -> f.forDocument(id));
        Report.Resubmission resub = null;
        if (d.supersedes() != null && DocumentStatus.CHECKED.name().equals(d.status())) {
            List<ReportedFinding> before = db.jdbi().withExtension(FindingDao.class, f -> f.forDocument(d.supersedes()));
            resub = ReportAssembler.compare(d.supersedes(), before, findings);
        }
        List<Report.ImageView> images = db.jdbi().withExtension(DocumentDao.class, x -> x.images(id)).map(this::readImages).orElse(List.of());
        return ReportAssembler.fromRecord(d, readElements(d.elementsJson()), findings, resub, images);
    }

    public List<Event> history(Actor actor, String id) {
        access.requireRead(actor, id);
        return db.jdbi().withExtension(EventDao.class, e -> e.forDocument(id));
    }

    /**
     * The structured text stored when the document was checked (the blocks finding offsets refer to), and
     * whether extraction was complete; empty when the document has not been checked.
     */
    public Optional<StoredText> storedText(Actor actor, String id) {
        access.requireRead(actor, id);
        return db.jdbi().withExtension(DocumentDao.class, d -> d.blocks(id)).map(b -> {
            try {
                return new StoredText(json.readValue(b.blocksJson(), new TypeReference<List<org.gongkai.spi.Block>>() { }), b.complete());
            } catch (IOException e) {
                throw new UncheckedIOException("stored blocks of " + id + " unreadable", e);
            }
        });
    }

    /** Blocks in reading order (joined by one newline, as {@link org.gongkai.spi.DocumentText}) and completeness. */
    public record StoredText(List<org.gongkai.spi.Block> blocks, boolean complete) {
    }

    /** The stored original of a document, for renderers (redaction) and downloads; fetched from shared storage when needed. */
    public java.nio.file.Path original(DocumentRecord d) throws IOException {
        return blobs.path(d.sha256());
    }

    /**
     * The report once the document is CHECKED, or after {@code max} with its state then, whichever comes
     * first; checked here or on another server. No thread waits: the future completes on a signal.
     *
     * @throws ApiException 404 when there is no such document
     */
    public java.util.concurrent.CompletableFuture<Report> reportWhenChecked(Actor actor, String id, Duration max) {
        access.requireRead(actor, id);
        return signals.await(id, max.toMillis(), () -> status(id).filter(DocumentStatus.CHECKED.name()::equals).isPresent(),
                () -> report(actor, id));
    }

    /** The document's status alone (one column: cheaper than the whole record a waiter does not need). */
    private Optional<String> status(String id) {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        return db.jdbi().withHandle(h -> h.createQuery("SELECT status FROM document WHERE id = :id").bind("id", id).mapTo(String.class).findOne());
    }

    /** Extends the processing leases this server's workers hold (prefix), for documents started less than {@code maxAge} ago. */
    public int renewLeases(String ownerPrefix, Duration maxAge) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return db.jdbi().withHandle(h -> h.createUpdate("UPDATE document SET lease_until = :until WHERE status = 'PROCESSING' "
                        + "AND lease_owner LIKE :prefix AND processing_started_at > :oldest")
                .bind("until", now.plus(lease)).bind("prefix", ownerPrefix + "%").bind("oldest", now.minus(maxAge)).execute());
    }

    public DocumentRecord find(String id) {
        if (id == null || id.length() > 36) {
            throw ApiException.notFound("文件 / document", String.valueOf(id));
        }
        return db.jdbi().withExtension(DocumentDao.class, d -> d.find(id)).orElseThrow(() -> ApiException.notFound("文件 / document", id));
    }

    /**
     * After a crash, documents this server was checking still hold leases. The embedded H2 database is
     * locked by one server process, so on it every lease found at start-up is orphaned and is released at
     * once; on a shared PostgreSQL database another server may hold them, so they are left to expire.
     */
    public int recoverAfterCrash() {
        if (db.isPostgres()) {
            return 0;
        }
        int n = db.jdbi().withExtension(DocumentDao.class, DocumentDao::releaseAllLeases);
        if (n > 0) {
            LOG.info("released {} processing leases left by a previous run", n);
        }
        return n;
    }

    /** Ids of documents waiting to be checked, including those a crash left half-done. */
    public List<String> pending() {
        return db.jdbi().withExtension(DocumentDao.class, d -> d.pending(OffsetDateTime.now(clock)));
    }

    /**
     * Checks one document if its processing lease can be taken, and stores the result in one transaction.
     * Does nothing when another worker (or server) holds the lease or the document is already checked.
     */
    public void process(String id, String worker) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int got = db.jdbi().inTransaction(h -> {
            relaxedCommit(h);
            int n = h.attach(DocumentDao.class).lease(id, worker, now, now.plus(lease));
            if (n == 1) {
                h.attach(EventDao.class).append(id, now, Actor.SYSTEM.id(), Actor.SYSTEM.primaryRole().name(), "PROCESSING",
                        DocumentStatus.RECEIVED.name(), DocumentStatus.PROCESSING.name(), "worker " + worker);
            }
            return n;
        });
        if (got == 0) {
            return;
        }
        DocumentRecord d = find(id);
        CheckResult result;
        if (d.attempts() > MAX_ATTEMPTS) {
            result = repeatedFailure(d);
        } else {
            Attribute declared = d.declaredAttribute() == null ? null : Attribute.valueOf(d.declaredAttribute());
            Submission s = new Submission(d.fileName(), declared, d.declaredReason(), d.department(), d.interpretationSha256() != null);
            result = pipeline.check(original(d.sha256()), d.mediaType(), s);
        }
        store(d, worker, result);
    }

    /** The original to check; a path that does not exist when no bytes are stored (the pipeline then reports it unreadable). */
    private java.nio.file.Path original(String sha256) {
        try {
            return blobs.path(sha256);
        } catch (java.io.FileNotFoundException e) {
            LOG.warn("no stored bytes for {}", sha256);
            return java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "gongkai-missing-" + sha256);
        } catch (IOException e) {
            throw new UncheckedIOException("stored original " + sha256 + " unreadable now; retried after the lease", e);
        }
    }

    /**
     * Results and leases can be recomputed, so their transactions do not wait for the database's disk flush
     * (PostgreSQL group commit: {@code synchronous_commit = off} for this transaction only; a crash loses at most
     * the last fraction of a second of results, never an acknowledged upload, and the sweep checks those again).
     * The intake transaction keeps the default: it is durable before the 202.
     */
    private void relaxedCommit(Handle h) {
        if (db.isPostgres()) {
            h.execute("SET LOCAL synchronous_commit = off");
        }
    }

    private CheckResult repeatedFailure(DocumentRecord d) {
        Finding f = Finding.document(Category.EXTRACTION_FAILED, Severity.BLOCKER, null, "该文件已处理 " + (d.attempts() - 1)
                + " 次均未完成（可能导致服务中断），须人工审查 / processing this file failed " + (d.attempts() - 1) + " times; manual review needed", "gongkai");
        ReportedFinding rf = ReportedFinding.of(UUID.randomUUID().toString(), f, org.gongkai.spi.Part.BODY, null, "");
        Attribute declared = d.declaredAttribute() == null ? null : Attribute.valueOf(d.declaredAttribute());
        return new CheckResult(null, null, Map.of(), declared, Attribute.NONE, declared == null ? Attribute.NONE : declared,
                d.declaredReason(), Route.MANUAL_REVIEW, "rule 1: repeated processing failure", List.of(rf), Map.of());
    }

    private void store(DocumentRecord d, String worker, CheckResult r) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.jdbi().useTransaction(h -> {
            relaxedCommit(h);
            DocumentDao dao = h.attach(DocumentDao.class);
            dao.deleteText(d.id());
            if (r.text() != null) {
                dao.insertText(d.id(), r.text().pageCount(), r.text().complete(), r.text().properties().get("extractor"),
                        r.text().text(), write(r.text().blocks()));
                List<Report.ImageView> images = Report.ImageView.parse(r.text().properties().get("images"));
                if (!images.isEmpty()) {
                    dao.setImages(d.id(), write(images));
                }
            }
            h.execute("DELETE FROM finding WHERE document_id = ?", d.id());
            insertFindings(h, d.id(), r.findings());
            int n = dao.complete(d.id(), worker, now, r.docType(), write(r.elements()), r.detected().name(), r.effective().name(),
                    cut(r.reason(), 4000), r.route().name(), cut(r.routeRule(), 1000), write(r.timings()));
            if (n != 1) {
                throw new IllegalStateException("lost the processing lease of " + d.id());
            }
            dao.insertRouteDecision(d.id(), r.route().name(), cut(r.routeRule(), 1000), now);
            appendChecked(h, d, r, now);
            listener.onChecked(h, d, r);
            // last: whoever waits is answered once the index and the counters have the document too
            h.afterCommit(() -> signals.signal(d.id()));
        });
        LOG.info("checked {} ({}): route {} with {} findings", d.id(), d.fileName(), r.route(), r.findings().size());
    }

    /** All findings in one prepared batch: one statement, not one SqlObject call (and its reflection) per finding. */
    private static void insertFindings(Handle h, String documentId, List<ReportedFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        org.jdbi.v3.core.statement.PreparedBatch b = h.prepareBatch("INSERT INTO finding (id, document_id, seq, category, severity, part, "
                + "start_offset, end_offset, page, source, matched_text, detector, score, basis, explanation, rule_version) "
                + "VALUES (:id, :documentId, :seq, :category, :severity, :part, :start, :end, :page, :source, :text, :detector, :score, "
                + ":basis, :explanation, :version)");
        int seq = 0;
        for (ReportedFinding f : findings) {
            b.bind("id", f.id()).bind("documentId", documentId).bind("seq", seq++).bind("category", f.category().name())
                    .bind("severity", f.severity().name()).bind("part", f.part().name()).bind("start", f.start()).bind("end", f.end())
                    .bind("page", f.page()).bind("source", f.source()).bind("text", cut(f.text(), MAX_TEXT)).bind("detector", f.detector())
                    .bind("score", f.score()).bind("basis", cut(f.basis(), 1000)).bind("explanation", cut(f.explanation(), MAX_TEXT))
                    .bind("version", f.version()).add();
        }
        b.execute();
    }

    private static void appendChecked(Handle h, DocumentRecord d, CheckResult r, OffsetDateTime now) {
        h.attach(EventDao.class).append(d.id(), now, Actor.SYSTEM.id(), Actor.SYSTEM.primaryRole().name(), "CHECKED",
                DocumentStatus.PROCESSING.name(), DocumentStatus.CHECKED.name(),
                "分流至 " + r.route().chinese() + "（" + r.route() + "）；" + r.findings().size() + " 项发现；" + cut(r.routeRule(), 1000));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Report.ImageView> readImages(String s) {
        try {
            return json.readValue(s, new TypeReference<List<Report.ImageView>>() { });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> readElements(String s) {
        if (s == null) {
            return Map.of();
        }
        try {
            return json.readValue(s, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }


}
