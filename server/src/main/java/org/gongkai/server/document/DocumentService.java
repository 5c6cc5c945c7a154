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
import org.gongkai.server.pipeline.FormatNames;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.pipeline.TypeDetector;
import org.gongkai.server.storage.BlobRows;
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
    private static final java.util.Set<Actor.Role> UPLOADERS = java.util.EnumSet.of(Actor.Role.DRAFTER, Actor.Role.DOCUMENT_OFFICE);

    private final Database db;
    private final BlobStore blobs;
    private final TypeDetector types;
    private final CheckPipeline pipeline;
    private final ObjectMapper json;
    private final Clock clock;
    private final long maxUploadBytes;
    private final Duration lease;
    private final CheckListener listener;
    private final DocumentAccess access;
    private final CheckedSignals signals;
    private final BlobRows blobRows;

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
        this.blobRows = new BlobRows(db);
        this.db = db;
        this.blobs = blobs;
        this.types = types;
        this.pipeline = pipeline;
        this.json = json;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
        this.lease = lease;
    }

    /** What intake answers: the new document's id and status, and the earlier document with the same bytes. */
    public record Receipt(String id, String status, String duplicateOf) {
    }

    /**
     * Validates and stores an upload. Returns only once the file is on disk and the document recorded. The
     * uploader is the authenticated actor and the department theirs; only the document office files for another
     * department. A resubmission names a returned document of the same department.
     *
     * @throws ApiException 400 for bad fields or an empty file, 403 for another department, 409 for a document that
     *                      is not returned or already resubmitted, 413 when too large, 415 for a type that cannot be checked
     */
    public Receipt receive(Actor actor, Intake in) throws IOException {
        Attribute declared = parseAttribute(in.attribute());
        String reason = trimToNull(in.reason(), 4000, "reason");
        String department = uploadDepartment(actor, trimToNull(in.department(), 200, "department"));
        String supersedes = trimToNull(in.supersedes(), 36, "supersedes");
        if (supersedes != null) {
            checkResubmission(actor, supersedes, department);
        }
        String fileName = safeName(in.fileName());
        BlobStore.Staged staged = stage(in.content(), "file");
        BlobStore.Staged interp = null;
        try {
            String mediaType = types.detect(staged.file());
            if (pipeline.extractorFor(mediaType).isEmpty()) {
                FormatNames.Message why = FormatNames.unsupported(mediaType);
                throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", why.zh(), why.en());
            }
            String interpName = null;
            if (in.interpretation() != null) {
                interp = stage(in.interpretation().content(), "interpretation");
                interpName = safeName(in.interpretation().fileName());
            }
            return record(actor, fileName, staged, mediaType, declared, reason, department, supersedes, interp, interpName);
        } catch (IOException | RuntimeException e) {
            blobs.discard(staged);
            if (interp != null) {
                blobs.discard(interp);
            }
            throw e;
        }
    }

    /** The department an upload is filed under: the uploader's own, or for the document office any existing department. */
    private String uploadDepartment(Actor actor, String requested) {
        if (requested == null || requested.equals(actor.department())) {
            return actor.department();
        }
        if (!actor.has(Actor.Role.DOCUMENT_OFFICE)) {
            throw new ApiException(403, "NOT_YOUR_DEPARTMENT", "只能以本部门（" + actor.department() + "）名义上传文件",
                    "you may only upload for your own department (" + actor.department() + ")");
        }
        int known = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM department WHERE name = :n").bind("n", requested)
                .mapTo(Integer.class).one());
        if (known == 0) {
            throw ApiException.badRequest("UNKNOWN_DEPARTMENT", "部门不存在：" + requested, "no such department: " + requested);
        }
        return requested;
    }

    /**
     * A resubmission replaces a document that was returned (by the check or by a reviewer), of the same
     * department, and not already replaced; anything else is refused without saying whether it exists.
     */
    private void checkResubmission(Actor actor, String supersedes, String department) {
        Optional<DocumentRecord> old = db.jdbi().withExtension(DocumentDao.class, d -> d.find(supersedes));
        if (old.isEmpty() || access.readable(actor, List.of(supersedes)).isEmpty() || !java.util.Objects.equals(old.get().department(), department)) {
            throw ApiException.badRequest("BAD_SUPERSEDES", "supersedes 须为本部门被退回的文件：" + supersedes,
                    "supersedes must name a returned document of your department: " + supersedes);
        }
        boolean returned = "RETURNED".equals(old.get().route()) || db.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM queue_item WHERE document_id = :id AND state = 'CLOSED' AND outcome = 'RETURNED'").bind("id", supersedes)
                .mapTo(Integer.class).one()) > 0;
        if (!returned) {
            throw new ApiException(409, "NOT_RETURNED", "只能重新提交已被退回的文件（该文件未被退回）", "only a returned document can be resubmitted");
        }
        if (db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM document WHERE supersedes = :id").bind("id", supersedes)
                .mapTo(Integer.class).one()) > 0) {
            throw new ApiException(409, "ALREADY_RESUBMITTED", "该退回文件已重新提交过", "this returned document has already been resubmitted");
        }
    }

    private Receipt record(Actor actor, String fileName, BlobStore.Staged staged, String mediaType, Attribute declared, String reason,
                           String department, String supersedes, BlobStore.Staged interp, String interpName) throws IOException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // the bytes first, each blob row in a transaction of its own (idempotent, so identical uploads racing
        // each other both succeed), then the document: acknowledged only once all of it is durable
        storeBlob(staged, mediaType, now);
        String interpSha = null;
        if (interp != null) {
            storeBlob(interp, "application/octet-stream", now);
            interpSha = interp.sha256();
        }
        String id = UUID.randomUUID().toString();
        String iSha = interpSha;
        Receipt receipt = db.jdbi().inTransaction(h -> {
            DocumentDao dao = h.attach(DocumentDao.class);
            // an earlier upload of the same bytes is named only to someone who may open it
            String duplicateOf = dao.firstWithContent(staged.sha256()).filter(o -> !access.readable(actor, List.of(o)).isEmpty()).orElse(null);
            dao.insert(new DocumentRecord(id, fileName, staged.sha256(), mediaType, staged.size(), DocumentStatus.RECEIVED.name(),
                    declared == null ? null : declared.name(), reason, department, supersedes, duplicateOf, iSha, interpName, actor.id(),
                    now, null, null, null, 0, null, null, null, null, null, null, null, null, null, 0));
            h.attach(EventDao.class).append(id, now, actor.id(), actor.roleFor(UPLOADERS).name(), "RECEIVED", null, DocumentStatus.RECEIVED.name(),
                    "文件 " + fileName + "，" + staged.size() + " 字节，" + mediaType + (duplicateOf == null ? "" : "，与 " + duplicateOf + " 内容相同"));
            return new Receipt(id, DocumentStatus.RECEIVED.name(), duplicateOf);
        });
        db.syncCommitted();
        return receipt;
    }

    private void storeBlob(BlobStore.Staged s, String mediaType, OffsetDateTime now) throws IOException {
        blobs.commit(s, mediaType);
        if (!blobs.recordsRows()) {
            blobRows.insertIfAbsent(s.sha256(), s.size(), mediaType, now);
        }
    }

    private BlobStore.Staged stage(java.io.InputStream content, String field) throws IOException {
        if (content == null) {
            throw ApiException.badRequest("NO_FILE", "缺少上传文件（字段 " + field + "）", "no file in field '" + field + "'");
        }
        BlobStore.Staged s;
        try {
            s = blobs.stage(content, maxUploadBytes);
        } catch (BlobStore.TooLargeException e) {
            throw tooLarge();
        }
        if (s.size() == 0) {
            blobs.discard(s);
            throw ApiException.badRequest("EMPTY_FILE", "上传的文件为空（0 字节）", "the uploaded file is empty (0 bytes)");
        }
        return s;
    }

    public ApiException tooLarge() {
        long mb = maxUploadBytes / (1024 * 1024);
        return new ApiException(413, "TOO_LARGE", "文件超过大小上限 " + mb + " MB，请压缩图片或拆分后上传",
                "the file exceeds the " + mb + " MB limit; compress images or split it");
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
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

    private static Attribute parseAttribute(String v) {
        try {
            return Attribute.parseDeclared(v).orElse(null);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("BAD_ATTRIBUTE", "attribute 取值无效：" + v + "（应为 PUBLIC、ON_REQUEST、NOT_PUBLIC 或 PARTIAL）",
                    "attribute must be PUBLIC, ON_REQUEST, NOT_PUBLIC or PARTIAL, not '" + v + "'");
        }
    }

    private static String trimToNull(String v, int max, String field) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        if (s.length() > max) {
            throw ApiException.badRequest("FIELD_TOO_LONG", "字段 " + field + " 过长（上限 " + max + " 字符）", "field '" + field + "' is longer than " + max + " characters");
        }
        return s;
    }

    /** The file name without any path, control characters, or excessive length; "upload" when absent. */
    static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (n.isEmpty()) {
            return "upload";
        }
        return n.length() > 255 ? n.substring(n.length() - 255) : n;
    }
}
