package org.gongkai.server.document.view;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.document.DocumentService;
import org.gongkai.server.document.DocumentStatus;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.queue.DecisionDao;
import org.gongkai.server.queue.Redaction;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Part;

/**
 * Builds the text view for whoever may open the document (exactly as the report: {@link DocumentAccess#requireRead}).
 *
 * <p>Every part is shown to every such reader, the drafter of the document's department included: comments, tracked
 * deletions, hidden text and document properties are in their own file, they must see them to clean them before the
 * document can be published, and they may download the original, which holds all of it anyway. The search rule
 * (hidden, deleted or redacted text only to reviewers) is about finding text across documents, not about a
 * document one may open.
 */
public final class TextViewService {
    public static final int DEFAULT_CHARS = 200_000;
    public static final int MAX_CHARS = 1_000_000;
    private static final int MIN_CHARS = 1_000;

    private final DocumentService documents;
    private final DocumentAccess access;
    private final CheckedDocuments checked;
    private final ViewAudit audit;

    public TextViewService(DocumentService documents, DocumentAccess access, CheckedDocuments checked, ViewAudit audit) {
        this.documents = documents;
        this.access = access;
        this.checked = checked;
        this.audit = audit;
    }

    /**
     * The text view, blocks from index {@code from} and at most {@code maxChars} characters of them (clamped to
     * 1 000–1 000 000); findings always all.
     */
    public TextView view(Actor actor, String id, int from, int maxChars, String address) {
        access.requireRead(actor, id);
        DocumentRecord d = documents.find(id);
        int chars = Math.max(MIN_CHARS, Math.min(MAX_CHARS, maxChars));
        String noPages = PageAvailability.available(d.mediaType()) ? null
                : PageAvailability.chinese(d.mediaType()) + " / " + PageAvailability.english(d.mediaType());
        if (!DocumentStatus.CHECKED.name().equals(d.status())) {
            return new TextView(d.id(), d.fileName(), d.mediaType(), d.status(), false, false, 0, null, 0, Map.of(), tabs(List.of(), List.of()),
                    new TextView.Window(0, 0, 0, chars, null), List.of(), List.of(), pageImages(d, noPages, null));
        }
        CheckedDocuments.Text stored = checked.text(d.id()).orElse(null);
        DocumentText text = stored == null ? DocumentText.of(List.of()) : stored.text();
        List<ReportedFinding> reported = checked.findings(d.id());
        List<TextView.FindingView> findings = findings(text, reported, checked.verdicts(d.id()),
                checked.redactions(d.id()).stream().map(Redaction::findingId).collect(Collectors.toSet()));
        audit.opened(actor, d.id(), "查看全文", reported.stream().map(ReportedFinding::category).toList(), address);
        int start = Math.max(0, Math.min(from, text.blocks().size()));
        List<TextView.BlockView> blocks = window(text, start, chars);
        int to = start + blocks.size();
        return new TextView(d.id(), d.fileName(), d.mediaType(), d.status(), true, stored != null && stored.complete(),
                stored == null ? 0 : stored.pageCount(), stored == null ? null : stored.extractor(), text.text().length(), parts(text),
                tabs(text.blocks(), findings), new TextView.Window(start, to, text.blocks().size(), chars, to < text.blocks().size() ? to : null),
                blocks, findings, pageImages(d, noPages, stored == null || stored.pageCount() <= 0 ? null : stored.pageCount()));
    }

    private static TextView.PageImages pageImages(DocumentRecord d, String noPages, Integer pageCount) {
        return noPages == null ? new TextView.PageImages(true, pageCount, null, "/api/v1/documents/" + d.id() + "/pages/1")
                : new TextView.PageImages(false, pageCount, noPages, null);
    }

    /** Blocks from {@code start} while they fit in {@code chars} characters; at least one, cut if it alone is longer. */
    private static List<TextView.BlockView> window(DocumentText text, int start, int chars) {
        List<TextView.BlockView> out = new ArrayList<>();
        int used = 0;
        for (int i = start; i < text.blocks().size(); i++) {
            Block b = text.blocks().get(i);
            int n = b.text().length();
            if (!out.isEmpty() && used + n > chars) {
                break;
            }
            boolean cut = n > chars;
            out.add(new TextView.BlockView(i, b.part().name(), ViewTab.of(b).name(), b.page(), b.source(), text.blockStart(i), text.blockEnd(i),
                    cut ? b.text().substring(0, chars) : b.text(), cut));
            used += Math.min(n, chars);
        }
        return out;
    }

    private static List<TextView.FindingView> findings(DocumentText text, List<ReportedFinding> reported, Map<String, DecisionDao.VerdictRow> verdicts,
                                                       Set<String> redacted) {
        List<TextView.FindingView> out = new ArrayList<>();
        for (ReportedFinding f : reported) {
            Integer block = f.start() >= 0 && f.end() > f.start() && f.end() <= text.text().length() ? text.blockIndexAt(f.start()) : null;
            ViewTab tab = block != null ? ViewTab.of(text.blocks().get(block)) : ViewTab.of(Block.of(f.part(), ""));
            DecisionDao.VerdictRow v = verdicts.get(f.id());
            out.add(new TextView.FindingView(f.id(), f.category().name(), f.categoryName(), f.severity().name(), f.part().name(), tab.name(),
                    f.start(), f.end(), f.page(), f.source(), f.text(), f.explanation(), f.basis(), f.detector(), f.score(), block,
                    v == null ? null : new TextView.Verdict(v.verdict(), v.reason()), redacted.contains(f.id())));
        }
        return out;
    }

    private static Map<String, Integer> parts(DocumentText text) {
        Map<Part, Integer> n = new EnumMap<>(Part.class);
        text.blocks().forEach(b -> n.merge(b.part(), 1, Integer::sum));
        Map<String, Integer> out = new LinkedHashMap<>();
        n.forEach((p, c) -> out.put(p.name(), c));
        return out;
    }

    private static List<TextView.Tab> tabs(List<Block> blocks, List<TextView.FindingView> findings) {
        Map<ViewTab, Integer> b = new EnumMap<>(ViewTab.class);
        blocks.forEach(x -> b.merge(ViewTab.of(x), 1, Integer::sum));
        Map<String, Long> f = findings.stream().collect(Collectors.groupingBy(TextView.FindingView::tab, Collectors.counting()));
        List<TextView.Tab> out = new ArrayList<>();
        for (ViewTab t : ViewTab.values()) {
            out.add(new TextView.Tab(t.name(), t.chinese(), t.parts(), t.hidden(), b.getOrDefault(t, 0), f.getOrDefault(t.name(), 0L).intValue()));
        }
        return out;
    }
}
