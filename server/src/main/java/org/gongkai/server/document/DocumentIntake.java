package org.gongkai.server.document;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.http.RequestFields;
import org.gongkai.server.pipeline.CheckPipeline;
import org.gongkai.server.pipeline.FormatNames;
import org.gongkai.server.pipeline.TypeDetector;
import org.gongkai.server.storage.BlobRows;
import org.gongkai.server.storage.BlobStore;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.Attribute;

/**
 * Intake: validates an upload's fields, streams the file to disk, stores it by content hash and records the
 * document before the upload is acknowledged. The uploader is the authenticated actor and the department theirs;
 * only the document office files for another department; a resubmission names a returned document of the same
 * department, once. Checking happens later, on the processing workers ({@link DocumentService#process}).
 */
public final class DocumentIntake {
    private static final java.util.Set<Actor.Role> UPLOADERS = java.util.EnumSet.of(Actor.Role.DRAFTER, Actor.Role.DOCUMENT_OFFICE);
    private final Database db;
    private final BlobStore blobs;
    private final BlobRows blobRows;
    private final TypeDetector types;
    private final CheckPipeline pipeline;
    private final Clock clock;
    private final long maxUploadBytes;
    private final DocumentAccess access;

    public DocumentIntake(Database db, BlobStore blobs, TypeDetector types, CheckPipeline pipeline, Clock clock, long maxUploadBytes,
                          DocumentAccess access) {
        this.db = db;
        this.blobs = blobs;
        this.blobRows = new BlobRows(db);
        this.types = types;
        this.pipeline = pipeline;
        this.clock = clock;
        this.maxUploadBytes = maxUploadBytes;
        this.access = access;
    }

    /**
     * Validates and stores an upload. Returns only once the file is on disk and the document recorded. The
     * uploader is the authenticated actor and the department theirs; only the document office files for another
     * department. A resubmission names a returned document of the same department.
     *
     * @throws ApiException 400 for bad fields or an empty file, 403 for another department, 409 for a document that
     *                      is not returned or already resubmitted, 413 when too large, 415 for a type that cannot be checked
     */
    public DocumentService.Receipt receive(Actor actor, Intake in) throws IOException {
        Attribute declared = parseAttribute(in.attribute());
        String reason = RequestFields.text(in.reason(), 4000, "reason");
        String department = uploadDepartment(actor, RequestFields.text(in.department(), 200, "department"));
        String supersedes = RequestFields.text(in.supersedes(), 36, "supersedes");
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

    private DocumentService.Receipt record(Actor actor, String fileName, BlobStore.Staged staged, String mediaType, Attribute declared, String reason,
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
        DocumentService.Receipt receipt = db.jdbi().inTransaction(h -> {
            DocumentDao dao = h.attach(DocumentDao.class);
            // an earlier upload of the same bytes is named only to someone who may open it
            String duplicateOf = dao.firstWithContent(staged.sha256()).filter(o -> !access.readable(actor, List.of(o)).isEmpty()).orElse(null);
            dao.insert(new DocumentRecord(id, fileName, staged.sha256(), mediaType, staged.size(), DocumentStatus.RECEIVED.name(),
                    declared == null ? null : declared.name(), reason, department, supersedes, duplicateOf, iSha, interpName, actor.id(),
                    now, null, null, null, 0, null, null, null, null, null, null, null, null, null, 0));
            h.attach(EventDao.class).append(id, now, actor.id(), actor.roleFor(UPLOADERS).name(), "RECEIVED", null, DocumentStatus.RECEIVED.name(),
                    "文件 " + fileName + "，" + staged.size() + " 字节，" + mediaType + (duplicateOf == null ? "" : "，与 " + duplicateOf + " 内容相同"));
            return new DocumentService.Receipt(id, DocumentStatus.RECEIVED.name(), duplicateOf);
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

    private static Attribute parseAttribute(String v) {
        try {
            return Attribute.parseDeclared(v).orElse(null);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("BAD_ATTRIBUTE", "attribute 取值无效：" + v + "（应为 PUBLIC、ON_REQUEST、NOT_PUBLIC 或 PARTIAL）",
                    "attribute must be PUBLIC, ON_REQUEST, NOT_PUBLIC or PARTIAL, not '" + v + "'");
        }
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
