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
import org.gongkai.server.auth.Actor;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.pipeline.CheckPipeline;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.pipeline.FormatNames;
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
    private final TypeDetector types;
    private final CheckPipeline pipeline;
    private final ObjectMapper json;
    private final Clock clock;
    private final long maxUploadBytes;
    private final Duration lease;
    private final CheckListener listener;

    public DocumentService(Database db, BlobStore blobs, TypeDetector types, CheckPipeline pipeline, ObjectMapper json, Clock clock,
                           long maxUploadBytes, Duration lease, CheckListener listener) {
        this.listener = listener;
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
     * Validates and stores an upload. Returns only once the file is on disk and the document recorded.
     *
     * @throws ApiException 400 for bad fields or an empty file, 413 when too large, 415 for a type that cannot be checked
     */
    public Receipt receive(Actor actor, Intake in) throws IOException {
        Attribute declared = parseAttribute(in.attribute());
        String reason = trimToNull(in.reason(), 4000, "reason");
        String department = trimToNull(in.department(), 200, "department");
        String supersedes = trimToNull(in.supersedes(), 36, "supersedes");
        if (supersedes != null && db.jdbi().withExtension(DocumentDao.class, d -> d.find(supersedes)).isEmpty()) {
            throw ApiException.badRequest("BAD_SUPERSEDES", "supersedes 指向的文件不存在：" + supersedes,
                    "supersedes names no known document: " + supersedes);
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

    private Receipt record(Actor actor, String fileName, BlobStore.Staged staged, String mediaType, Attribute declared, String reason,
                           String department, String supersedes, BlobStore.Staged interp, String interpName) throws IOException {
        blobs.commit(staged);
        String interpSha = null;
        if (interp != null) {
            blobs.commit(interp);
            interpSha = interp.sha256();
        }
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String iSha = interpSha;
        return db.jdbi().inTransaction(h -> {
            DocumentDao dao = h.attach(DocumentDao.class);
            dao.insertBlobIfAbsent(staged.sha256(), staged.size(), mediaType, now);
            if (iSha != null) {
                dao.insertBlobIfAbsent(iSha, interp.size(), "application/octet-stream", now);
            }
            String duplicateOf = dao.firstWithContent(staged.sha256()).orElse(null);
            dao.insert(new DocumentRecord(id, fileName, staged.sha256(), mediaType, staged.size(), DocumentStatus.RECEIVED.name(),
                    declared == null ? null : declared.name(), reason, department, supersedes, duplicateOf, iSha, interpName, actor.id(),
                    now, null, null, null, 0, null, null, null, null, null, null, null, null, null, 0));
            h.attach(EventDao.class).append(id, now, actor.id(), actor.role().name(), "RECEIVED", null, DocumentStatus.RECEIVED.name(),
                    "文件 " + fileName + "，" + staged.size() + " 字节，" + mediaType + (duplicateOf == null ? "" : "，与 " + duplicateOf + " 内容相同"));
            return new Receipt(id, DocumentStatus.RECEIVED.name(), duplicateOf);
        });
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
        find(id);
        return db.jdbi().withExtension(EventDao.class, e -> e.forDocument(id));
    }

    /**
     * The structured text stored when the document was checked (the blocks finding offsets refer to), and
     * whether extraction was complete; empty when the document has not been checked.
     */
    public Optional<StoredText> storedText(Actor actor, String id) {
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

    /** The stored original of a document, for renderers (redaction) and downloads. */
    public java.nio.file.Path original(DocumentRecord d) {
        return blobs.path(d.sha256());
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
            int n = h.attach(DocumentDao.class).lease(id, worker, now, now.plus(lease));
            if (n == 1) {
                h.attach(EventDao.class).append(id, now, Actor.SYSTEM.id(), Actor.SYSTEM.role().name(), "PROCESSING",
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
            result = pipeline.check(blobs.path(d.sha256()), d.mediaType(), s);
        }
        store(d, worker, result);
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
            DocumentDao dao = h.attach(DocumentDao.class);
            FindingDao fdao = h.attach(FindingDao.class);
            dao.deleteText(d.id());
            if (r.text() != null) {
                dao.insertText(d.id(), r.text().pageCount(), r.text().complete(), r.text().properties().get("extractor"),
                        r.text().text(), write(r.text().blocks()));
                List<Report.ImageView> images = Report.ImageView.parse(r.text().properties().get("images"));
                if (!images.isEmpty()) {
                    dao.setImages(d.id(), write(images));
                }
            }
            fdao.deleteFor(d.id());
            int seq = 0;
            for (ReportedFinding f : r.findings()) {
                fdao.insert(d.id(), seq++, f, cut(f.text(), MAX_TEXT), cut(f.basis(), 1000), cut(f.explanation(), MAX_TEXT));
            }
            int n = dao.complete(d.id(), worker, now, r.docType(), write(r.elements()), r.detected().name(), r.effective().name(),
                    cut(r.reason(), 4000), r.route().name(), cut(r.routeRule(), 1000), write(r.timings()));
            if (n != 1) {
                throw new IllegalStateException("lost the processing lease of " + d.id());
            }
            dao.insertRouteDecision(d.id(), r.route().name(), cut(r.routeRule(), 1000), now);
            appendChecked(h, d, r, now);
            listener.onChecked(h, d, r);
        });
        LOG.info("checked {} ({}): route {} with {} findings", d.id(), d.fileName(), r.route(), r.findings().size());
    }

    private static void appendChecked(Handle h, DocumentRecord d, CheckResult r, OffsetDateTime now) {
        h.attach(EventDao.class).append(d.id(), now, Actor.SYSTEM.id(), Actor.SYSTEM.role().name(), "CHECKED",
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
