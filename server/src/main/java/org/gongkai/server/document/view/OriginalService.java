package org.gongkai.server.document.view;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.document.DocumentService;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.pipeline.ReportedFinding;

/**
 * The stored original of a document, for whoever may open it (as the report), written to the security audit when it
 * holds personal or secret content.
 */
public final class OriginalService {
    private final DocumentService documents;
    private final DocumentAccess access;
    private final CheckedDocuments checked;
    private final ViewAudit audit;

    public OriginalService(DocumentService documents, DocumentAccess access, CheckedDocuments checked, ViewAudit audit) {
        this.documents = documents;
        this.access = access;
        this.checked = checked;
        this.audit = audit;
    }

    /**
     * The original as it is to be sent.
     *
     * @param contentDisposition always {@code attachment}, with a safe and an RFC 5987 file name
     */
    public record Original(Path file, long size, String contentType, String contentDisposition) {
    }

    public Original original(Actor actor, String id, String address) throws java.io.IOException {
        access.requireRead(actor, id);
        DocumentRecord d = documents.find(id);
        Path file = documents.original(d);
        if (!Files.isRegularFile(file)) {
            throw new ApiException(409, "ORIGINAL_MISSING", "原件不在本服务器的文件存储中，请联系管理员", "the original is not in this server's file store; ask the administrator");
        }
        audit.opened(actor, d.id(), "下载原件", checked.findings(d.id()).stream().map(ReportedFinding::category).toList(), address);
        String name = DownloadName.fileName(d.fileName(), d.mediaType());
        return new Original(file, Files.size(file), DownloadName.contentType(d.mediaType()),
                DownloadName.attachment(name, "document-" + d.id().substring(0, Math.min(8, d.id().length()))));
    }
}
