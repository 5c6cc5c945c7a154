package org.gongkai.gongwen;

import java.util.List;
import java.util.stream.Collectors;

import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.DetectionContext;
import org.gongkai.spi.Detector;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Finding;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Submission;

/** Builds test documents and runs the parser and detectors over them. */
final class Docs {
    private Docs() {
    }

    static DocumentStructure parse(String text) {
        NormalizedText n = NormalizedText.of(text);
        return new GongwenParser().parse(n.original(), n);
    }

    static DetectionContext ctx(String text, Attribute declared, String reason, boolean interpretation) {
        NormalizedText n = NormalizedText.of(text);
        DocumentText t = n.original();
        DocumentStructure s = new GongwenParser().parse(t, n);
        return new DetectionContext(t, n, s, new Submission("draft.docx", declared, reason, null, interpretation));
    }

    static List<Finding> run(Detector d, String text, Attribute declared, String reason) {
        return d.detect(ctx(text, declared, reason, false));
    }

    static List<Category> categories(List<Finding> fs) {
        return fs.stream().map(Finding::category).collect(Collectors.toList());
    }

    /** A complete 公文 of the usual layout, with the given title, annotation line (or null) and tail. */
    static String notice(String title, String annotation, String tail) {
        return "江北区人民政府办公室文件\n"
                + "江北府办发〔2022〕37号\n"
                + title + "\n"
                + "各街道办事处，区政府各部门：\n"
                + "    为进一步做好相关工作，经区政府同意，现将有关事项通知如下。\n"
                + "    一、提高认识，加强领导。\n"
                + "    二、明确责任，抓好落实。\n"
                + "    附件：1. 工作任务分解表\n"
                + "江北区人民政府办公室\n"
                + "2022年6月15日\n"
                + (annotation == null ? "" : "    " + annotation + "\n")
                + (tail == null ? "" : tail)
                + "抄送：区委办公室。\n"
                + "江北区人民政府办公室  2022年6月16日印发";
    }
}
