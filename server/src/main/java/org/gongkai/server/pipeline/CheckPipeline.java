package org.gongkai.server.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.gongkai.server.basis.OfficeBasis;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Block;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.ExtractionLimits;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Route;
import org.gongkai.spi.RouteDecision;
import org.gongkai.spi.Router;
import org.gongkai.spi.RoutingInput;
import org.gongkai.spi.Severity;
import org.gongkai.spi.Submission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one stored file end to end: extract (with a time-out) → normalise → parse structure → run every
 * detector → merge → route. Fails closed: a document whose text could not be read completely, or on which
 * a detector failed, never reaches publication review.
 */
public final class CheckPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(CheckPipeline.class);
    private static final String HOST = "gongkai";

    private final PluginRegistry plugins;
    private final Extraction extraction;
    private final ExtractionLimits limits;
    private final OfficeBasis basis;

    /**
     * @param extraction where extractors run: in this process (CLI) or in child processes (server)
     * @param basis      the deploying office's own rules, cited after the national ones in every finding
     */
    public CheckPipeline(PluginRegistry plugins, Extraction extraction, ExtractionLimits limits, OfficeBasis basis) {
        this.plugins = plugins;
        this.extraction = extraction;
        this.limits = limits;
        this.basis = basis;
    }

    /** Citing national rules only. */
    public CheckPipeline(PluginRegistry plugins, Extraction extraction, ExtractionLimits limits) {
        this(plugins, extraction, limits, OfficeBasis.none());
    }

    /**
     * Extraction on threads of this process.
     *
     * @param extractionThreads threads extraction runs on, so that a parser that ignores interruption can be
     *                          abandoned at the time-out without blocking the caller
     */
    public CheckPipeline(PluginRegistry plugins, ExecutorService extractionThreads, long timeoutMillis, ExtractionLimits limits) {
        this(plugins, new InProcessExtraction(extractionThreads, timeoutMillis), limits, OfficeBasis.none());
    }

    /** The extractor for a media type, if any (intake answers 415 when there is none). */
    public Optional<Extractor> extractorFor(String mediaType) {
        return plugins.extractors().stream().filter(e -> e.mediaTypes().contains(mediaType)).findFirst();
    }

    public CheckResult check(Path file, String mediaType, Submission submission) {
        Map<String, Long> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        List<Finding> findings = new ArrayList<>();
        DocumentText text = extract(file, mediaType, submission, findings);
        timings.put("extractMillis", (System.nanoTime() - t0) / 1_000_000);
        if (text == null) {
            return unreadable(submission, findings, timings);
        }
        long t1 = System.nanoTime();
        NormalizedText normalized = NormalizedText.of(text);
        DocumentStructure structure = parseStructure(text, normalized, findings);
        DetectionContext ctx = new DetectionContext(text, normalized, structure, submission);
        for (Detector d : plugins.detectors()) {
            findings.addAll(runDetector(d, ctx));
        }
        findings.addAll(gapFindings(text));
        List<Finding> merged = FindingMerger.merge(findings, text);
        timings.put("detectMillis", (System.nanoTime() - t1) / 1_000_000);

        Attribute detected = structure.detectedAttribute();
        Attribute effective = submission.declared() != null ? submission.declared() : detected;
        String reason = submission.hasReason() ? submission.reason()
                : structure.annotation() != null ? structure.annotation().reason() : null;
        RoutingInput input = new RoutingInput(merged, structure, submission, effective, reason);
        RouteDecision decision = route(input);
        List<Finding> all = new ArrayList<>(merged);
        all.addAll(decision.addedFindings());
        Route route = enforceFailClosed(decision.route(), all, text);
        String rule = route == decision.route() ? decision.rule() : "fail-closed: " + decision.rule();
        return new CheckResult(text, structure.docType(), structure.elements(), submission.declared(), detected, effective,
                reason, route, rule, place(all, text), timings);
    }

    private DocumentText extract(Path file, String mediaType, Submission submission, List<Finding> findings) {
        Optional<Extractor> ex = extractorFor(mediaType);
        if (ex.isEmpty()) {
            findings.add(failure(Category.EXTRACTION_FAILED, FormatNames.unsupported(mediaType).joined()));
            return null;
        }
        try {
            DocumentText text = extraction.extract(ex.get(), file, mediaType, limits);
            if (text.blocks().isEmpty() || text.visibleTextLength() == 0 && text.complete()) {
                findings.add(failure(Category.NO_TEXT, "文件中没有可读取的文字（可能是扫描件或空白文件），须人工审查 / the file has no readable text (scan or blank); manual review needed"));
                return text.blocks().isEmpty() ? null : text;
            }
            return text;
        } catch (ExtractionException e) {
            String message = e.getMessage();
            if (e.reason() == ExtractionException.Reason.ENCRYPTED && mediaType.equals("application/x-tika-ooxml-protected")) {
                // the package's type is inside the encryption: name it by the file name, so a spreadsheet is called one
                message = FormatNames.encryptedOffice(submission.fileName()).joined();
            }
            findings.add(failure(e.reason() == ExtractionException.Reason.NO_TEXT ? Category.NO_TEXT : Category.EXTRACTION_FAILED, message));
        } catch (RuntimeException e) {
            LOG.warn("extraction of {} failed", file, e);
            findings.add(failure(Category.EXTRACTION_FAILED, "文件已损坏或格式异常，无法读取，请另存为新文件后重新上传 / the file is damaged or malformed ("
                    + e.getClass().getSimpleName() + "); re-save it and upload again"));
        }
        return null;
    }

    private CheckResult unreadable(Submission s, List<Finding> findings, Map<String, Long> timings) {
        DocumentText empty = DocumentText.of(List.of());
        return new CheckResult(null, null, Map.of(), s.declared(), Attribute.NONE,
                s.declared() != null ? s.declared() : Attribute.NONE, s.hasReason() ? s.reason() : null,
                Route.MANUAL_REVIEW, "rule 1: text could not be read", place(findings, empty), timings);
    }

    private DocumentStructure parseStructure(DocumentText text, NormalizedText n, List<Finding> findings) {
        try {
            return plugins.structure().parse(text, n);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("structure parser {} failed", plugins.structure().name(), e);
            findings.add(failure(Category.EXTRACTION_FAILED, "公文结构解析失败（" + plugins.structure().name() + "），须人工审查 / structure parsing failed; manual review needed"));
            return DocumentStructure.empty();
        }
    }

    private static List<Finding> runDetector(Detector d, DetectionContext ctx) {
        try {
            List<Finding> out = d.detect(ctx);
            return out == null ? List.of() : out;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("detector {} failed", d.name(), e);
            return List.of(failure(Category.EXTRACTION_FAILED, "检测器 " + d.name() + " 运行失败，文件未经完整检查，须人工审查 / detector "
                    + d.name() + " failed; the document was not fully checked"));
        }
    }

    private static List<Finding> gapFindings(DocumentText text) {
        List<Finding> out = new ArrayList<>();
        for (ExtractionGap g : text.gaps()) {
            Category c = g.reason() == ExtractionGap.Reason.NO_TEXT_LAYER ? Category.NO_TEXT : Category.EXTRACTION_FAILED;
            String where = g.page() == null ? "" : "（第" + g.page() + "页）";
            out.add(failure(c, "文本未能完整提取" + where + "：" + g.message()));
        }
        return out;
    }

    private RouteDecision route(RoutingInput input) {
        for (Router r : plugins.routers()) {
            try {
                Optional<RouteDecision> d = r.route(input);
                if (d.isPresent()) {
                    return d.get();
                }
            } catch (RuntimeException e) {
                LOG.warn("router {} failed", r.name(), e);
                return new RouteDecision(Route.MANUAL_REVIEW, "router " + r.name() + " failed", List.of());
            }
        }
        return new RouteDecision(Route.MANUAL_REVIEW, "no router matched", List.of());
    }

    /**
     * The host's own guard: nothing reaches publication review with unread text, a failed check, or
     * exempt content, whatever the routing policy says.
     */
    static Route enforceFailClosed(Route route, List<Finding> findings, DocumentText text) {
        if (route != Route.PUBLICATION_REVIEW) {
            return route;
        }
        boolean unsafe = !text.complete() || findings.stream().anyMatch(f -> f.severity() != Severity.INFO
                && (f.category().kind() == Category.Kind.EXTRACTION || f.category().exempt()));
        return unsafe ? Route.MANUAL_REVIEW : route;
    }

    private static Finding failure(Category c, String message) {
        return Finding.document(c, Severity.BLOCKER, null, message, HOST);
    }

    private List<ReportedFinding> place(List<Finding> found, DocumentText text) {
        List<ReportedFinding> out = new ArrayList<>(found.size());
        for (Finding raw : found) {
            Finding f = basis.cite(raw);
            Block b = f.span().length() == 0 ? null : text.blockAt(f.span().start());
            out.add(ReportedFinding.of(UUID.randomUUID().toString(), f, b == null ? org.gongkai.spi.Part.BODY : b.part(),
                    b == null ? null : b.page(), b == null ? "" : b.source()));
        }
        return out;
    }
}
