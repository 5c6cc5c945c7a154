package org.gongkai.server.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.server.pipeline.CheckResult;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.Route;

/** Builds reports, from stored rows (server) or straight from a check result (CLI). */
public final class ReportAssembler {
    private static final List<String> CONTRACT_ELEMENTS = List.of("docNumber", "title", "issuer", "date", "annotation", "secrecy");

    private ReportAssembler() {
    }

    /** The contract's six element keys always present (null when absent), then whatever else was parsed. */
    public static Map<String, String> elements(Map<String, String> parsed) {
        Map<String, String> out = new LinkedHashMap<>();
        CONTRACT_ELEMENTS.forEach(k -> out.put(k, parsed == null ? null : parsed.get(k)));
        if (parsed != null) {
            for (DocumentStructure.Element e : DocumentStructure.Element.values()) {
                if (!out.containsKey(e.key()) && parsed.containsKey(e.key())) {
                    out.put(e.key(), parsed.get(e.key()));
                }
            }
        }
        return out;
    }

    public static Report fromCheck(String id, String fileName, String sha256, String mediaType, long size, CheckResult r) {
        return new Report(id, fileName, sha256, mediaType, size, DocumentStatus.CHECKED.name(), r.docType(), elements(r.elements()),
                new Report.AttributeView(name(r.declared()), name(r.detected()), name(r.effective()), r.reason()),
                r.route().name(), r.route().chinese(), r.routeRule(), r.findings(), null, null, null, null, null, null,
                r.text() == null ? List.of() : Report.ImageView.parse(r.text().properties().get("images")));
    }

    public static Report fromRecord(DocumentRecord d, Map<String, String> elements, List<ReportedFinding> findings, Report.Resubmission resub) {
        return fromRecord(d, elements, findings, resub, List.of());
    }

    /** The report of a stored document, with what became of its pictures. */
    public static Report fromRecord(DocumentRecord d, Map<String, String> elements, List<ReportedFinding> findings, Report.Resubmission resub,
                                    List<Report.ImageView> images) {
        boolean checked = DocumentStatus.CHECKED.name().equals(d.status());
        return new Report(d.id(), d.fileName(), d.sha256(), d.mediaType(), d.sizeBytes(), d.status(), d.docType(), elements(elements),
                new Report.AttributeView(d.declaredAttribute(), checked ? d.detectedAttribute() : null,
                        checked ? d.effectiveAttribute() : d.declaredAttribute(), checked ? d.effectiveReason() : d.declaredReason()),
                d.route(), d.route() == null ? null : Route.valueOf(d.route()).chinese(), d.routeRule(), checked ? findings : List.of(),
                d.department(), d.supersedes(), d.duplicateOf(), d.receivedAt(), d.checkedAt(), resub, checked ? images : List.of());
    }

    /** Compares the findings of a returned version with its resubmission. */
    public static Report.Resubmission compare(String supersedes, List<ReportedFinding> before, List<ReportedFinding> after) {
        Set<String> beforeKeys = before.stream().map(ReportAssembler::key).collect(Collectors.toSet());
        Set<String> afterKeys = after.stream().map(ReportAssembler::key).collect(Collectors.toSet());
        List<Report.Change> fixed = new ArrayList<>();
        List<Report.Change> remaining = new ArrayList<>();
        List<Report.Change> added = new ArrayList<>();
        before.stream().filter(f -> !afterKeys.contains(key(f))).map(ReportAssembler::change).distinct().forEach(fixed::add);
        after.forEach(f -> (beforeKeys.contains(key(f)) ? remaining : added).add(change(f)));
        return new Report.Resubmission(supersedes, fixed, remaining.stream().distinct().toList(), added.stream().distinct().toList());
    }

    private static String key(ReportedFinding f) {
        return f.category() + "|" + f.text().replaceAll("\\s+", "");
    }

    private static Report.Change change(ReportedFinding f) {
        return new Report.Change(f.category().name(), f.categoryName(), f.text(), f.explanation());
    }

    private static String name(Attribute a) {
        return a == null ? null : a.name();
    }
}
