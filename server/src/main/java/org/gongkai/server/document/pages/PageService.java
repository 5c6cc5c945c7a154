package org.gongkai.server.document.pages;

import java.nio.file.Path;
import java.util.List;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.document.DocumentService;
import org.gongkai.server.document.view.CheckedDocuments;
import org.gongkai.server.document.view.PageAvailability;
import org.gongkai.server.document.view.ViewAudit;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.render.pages.PageImage;
import org.gongkai.server.render.pages.PageLayout;
import org.gongkai.server.render.pages.PageRenderException;
import org.gongkai.server.render.pages.PdfPages;
import org.gongkai.spi.DocumentText;

/**
 * Page images of PDF originals and the boxes of each page's findings, for whoever may open the document (as the
 * report). Only PDFs have pages to show here: for DOCX, DOC, WPS, OFD and text files the text view shows every
 * finding in place. Rendering goes through {@link PdfPages}, which bounds time and memory; images are kept in a disk
 * cache per document, page and resolution.
 */
public final class PageService {
    /** Resolutions offered; a request is answered at the nearest. */
    private static final int[] DPI = {72, 96, 120, 150, 200};
    public static final int DEFAULT_DPI = 120;

    private final DocumentService documents;
    private final DocumentAccess access;
    private final CheckedDocuments checked;
    private final PdfPages pages;
    private final PageImageCache cache;
    private final ViewAudit audit;

    public PageService(DocumentService documents, DocumentAccess access, CheckedDocuments checked, PdfPages pages, Path cacheRoot, ViewAudit audit) {
        this.documents = documents;
        this.access = access;
        this.checked = checked;
        this.pages = pages;
        this.cache = new PageImageCache(cacheRoot);
        this.audit = audit;
    }

    /** The PNG of page {@code page} at about {@code dpi} (snapped to 72, 96, 120, 150 or 200). */
    public byte[] image(Actor actor, String id, int page, int dpi, String address) {
        DocumentRecord d = pdf(actor, id);
        int at = snap(dpi);
        byte[] png = cache.get(d.id(), page, at).orElse(null);
        if (png == null) {
            PageImage img = call(() -> pages.render(documents.original(d), page, at));
            png = img.png();
            cache.put(d.id(), page, at, png);
        }
        audit.openedQuietly(actor, d.id(), "查看页面图像", checked.findings(d.id()).stream().map(ReportedFinding::category).toList(), address);
        return png;
    }

    /** The findings of page {@code page} and where each stands on its image. */
    public PageBoxes boxes(Actor actor, String id, int page) {
        DocumentRecord d = pdf(actor, id);
        PageLayout layout = call(() -> pages.layout(documents.original(d), page));
        DocumentText text = checked.text(d.id()).map(CheckedDocuments.Text::text).orElse(null);
        PagePlacement placement = new PagePlacement(layout, text);
        List<PageBoxes.FindingBox> boxes = checked.findings(d.id()).stream().filter(f -> f.page() != null && f.page() == page)
                .map(placement::place).toList();
        int unlocated = (int) boxes.stream().filter(b -> b.how() == PageBoxes.How.PAGE).count();
        return new PageBoxes(d.id(), page, layout.pageCount(), layout.width(), layout.height(), layout.rotation(),
                "/api/v1/documents/" + d.id() + "/pages/" + page, boxes, unlocated, layout.truncated());
    }

    private DocumentRecord pdf(Actor actor, String id) {
        access.requireRead(actor, id);
        DocumentRecord d = documents.find(id);
        if (!PageAvailability.available(d.mediaType())) {
            throw new ApiException(409, "PAGES_PDF_ONLY", PageAvailability.chinese(d.mediaType()), PageAvailability.english(d.mediaType()));
        }
        return d;
    }

    static int snap(int dpi) {
        int best = DPI[0];
        for (int d : DPI) {
            best = Math.abs(d - dpi) < Math.abs(best - dpi) ? d : best;
        }
        return best;
    }

    /** A call to the renderer. */
    private interface Call<T> {
        T run() throws PageRenderException;
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (PageRenderException e) {
            throw switch (e.kind()) {
                case NO_SUCH_PAGE -> new ApiException(404, "NO_SUCH_PAGE", e.chinese(), e.english());
                case BUSY -> new ApiException(429, "RENDER_BUSY", e.chinese(), e.english());
                case ENCRYPTED -> new ApiException(422, "PDF_ENCRYPTED", e.chinese(), e.english());
                case PAGE_SIZE -> new ApiException(422, "PAGE_SIZE", e.chinese(), e.english());
                case TOO_COMPLEX -> new ApiException(422, "PAGE_TOO_COMPLEX", e.chinese(), e.english());
                case DAMAGED -> new ApiException(422, "PDF_UNREADABLE", e.chinese(), e.english());
            };
        }
    }
}
