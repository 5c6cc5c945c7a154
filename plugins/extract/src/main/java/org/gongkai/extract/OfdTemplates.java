package org.gongkai.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The text of an OFD page together with the text of its template pages (模板页, GB/T 33190 §7.4), placed by position.
 * A template is drawn beneath its page and is as visible as the page itself, and forms put their labels there: a
 * 数电发票's "开票人：", "名称：" and "购买方信息" stand in the template, the values in the page. ofdrw's
 * {@code ContentExtractor} reads the page's own objects only, so without this the labels were never read — and
 * anything else written into a template (a marking, a name) was not checked at all. Text objects of the page and its
 * templates are set out in lines by their baseline (boundary origin plus the text code's offset, in millimetres) and
 * ordered left to right, so each label stands beside its value.
 *
 * <p>Reads the unpacked package the extractor has already validated (SafeZip): every path resolved from the package
 * stays inside it; XML is read without DTDs or external entities, and at most {@link #MAX_OBJECTS} text codes a page.
 */
final class OfdTemplates {
    static final int MAX_OBJECTS = 50_000;
    private static final String NS_DOC_ROOT = "DocRoot";
    private final Path root;
    private final List<Path> pages = new ArrayList<>();
    private final Map<String, Path> templates = new HashMap<>();
    /** Runs of each template read so far: pages share their templates, each is parsed once. */
    private final Map<String, List<Run>> templateRuns = new HashMap<>();

    /** A run of text placed on the page. */
    record Run(double x, double y, double size, String text) {
    }

    /** Reads OFD.xml and the first document's Document.xml of the unpacked package {@code root}. */
    OfdTemplates(Path root) throws IOException, XMLStreamException {
        this.root = root.toAbsolutePath().normalize();
        Path ofd = resolve(this.root, "OFD.xml");
        String docRoot = firstText(ofd, NS_DOC_ROOT);
        if (docRoot == null) {
            throw new IOException("OFD.xml names no DocRoot");
        }
        Path document = resolve(this.root, docRoot);
        Path docDir = document.getParent();
        XMLStreamReader r = open(document);
        try {
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (name.equals("TemplatePage") && r.getAttributeValue(null, "ID") != null && r.getAttributeValue(null, "BaseLoc") != null) {
                    templates.put(r.getAttributeValue(null, "ID"), resolve(docDir, r.getAttributeValue(null, "BaseLoc")));
                } else if (name.equals("Page") && r.getAttributeValue(null, "BaseLoc") != null) {
                    pages.add(resolve(docDir, r.getAttributeValue(null, "BaseLoc")));
                }
            }
        } finally {
            r.close();
        }
    }

    /**
     * The page's text with its templates' text set out in lines, or {@code null} when the page (1-based) uses no
     * template holding text — the caller keeps ofdrw's reading then.
     */
    String page(int number) throws IOException, XMLStreamException {
        if (number < 1 || number > pages.size()) {
            return null;
        }
        List<String> used = new ArrayList<>();
        List<Run> runs = runs(pages.get(number - 1), used);
        List<Run> fromTemplates = new ArrayList<>();
        for (String id : used) {
            Path t = templates.get(id);
            if (t != null) {
                List<Run> read = templateRuns.get(id);
                if (read == null) {
                    read = runs(t, new ArrayList<>());
                    templateRuns.put(id, read);
                }
                fromTemplates.addAll(read);
            }
        }
        if (fromTemplates.isEmpty()) {
            return null;
        }
        runs.addAll(fromTemplates);
        return lines(runs);
    }

    /** Sets runs out in lines: one line while the baselines stay within half a character's height, left to right. */
    static String lines(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::y).thenComparingDouble(Run::x));
        StringBuilder out = new StringBuilder();
        List<Run> line = new ArrayList<>();
        double lineY = Double.NaN;
        for (Run run : sorted) {
            if (!line.isEmpty() && Math.abs(run.y() - lineY) > Math.max(0.8, 0.5 * Math.max(run.size(), line.get(0).size()))) {
                flush(line, out);
            }
            if (line.isEmpty()) {
                lineY = run.y();
            }
            line.add(run);
        }
        flush(line, out);
        return out.toString().strip();
    }

    private static void flush(List<Run> line, StringBuilder out) {
        if (line.isEmpty()) {
            return;
        }
        line.sort(Comparator.comparingDouble(Run::x));
        StringBuilder l = new StringBuilder();
        for (Run r : line) {
            if (l.length() > 0) {
                l.append(' ');
            }
            l.append(r.text().strip());
        }
        if (!l.toString().isBlank()) {
            out.append(l).append('\n');
        }
        line.clear();
    }

    /** The text runs of one content file, and (into {@code templateIds}) the templates it names. */
    private List<Run> runs(Path content, List<String> templateIds) throws IOException, XMLStreamException {
        List<Run> runs = new ArrayList<>();
        XMLStreamReader r = open(content);
        try {
            double bx = 0;
            double by = 0;
            double size = 3.5;
            double x = 0;
            double y = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "Template" -> {
                        String id = r.getAttributeValue(null, "TemplateID");
                        if (id != null) {
                            templateIds.add(id);
                        }
                    }
                    case "TextObject" -> {
                        double[] b = numbers(r.getAttributeValue(null, "Boundary"));
                        bx = b.length > 0 ? b[0] : 0;
                        by = b.length > 1 ? b[1] : 0;
                        double[] s = numbers(r.getAttributeValue(null, "Size"));
                        size = s.length > 0 ? s[0] : 3.5;
                        x = 0;
                        y = 0;
                    }
                    case "TextCode" -> {
                        double[] cx = numbers(r.getAttributeValue(null, "X"));
                        double[] cy = numbers(r.getAttributeValue(null, "Y"));
                        x = cx.length > 0 ? cx[0] : x; // a code without X or Y goes on where the last one was
                        y = cy.length > 0 ? cy[0] : y;
                        String text = r.getElementText();
                        if (!text.isBlank()) {
                            if (runs.size() >= MAX_OBJECTS) {
                                throw new IOException("more than " + MAX_OBJECTS + " text codes on one page");
                            }
                            runs.add(new Run(bx + x, by + y, size, text));
                        }
                    }
                    default -> { }
                }
            }
        } finally {
            r.close();
        }
        return runs;
    }

    private static double[] numbers(String s) {
        if (s == null || s.isBlank()) {
            return new double[0];
        }
        String[] parts = s.strip().split("\\s+");
        double[] out = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                out[i] = Double.parseDouble(parts[i]);
            }
        } catch (NumberFormatException e) {
            return new double[0];
        }
        return out;
    }

    /** A location inside the package: relative to {@code base}, or to the package root when it starts with '/'. */
    private Path resolve(Path base, String loc) throws IOException {
        String l = loc.strip().replace('\\', '/');
        Path p = (l.startsWith("/") ? root.resolve(l.substring(1)) : base.resolve(l)).toAbsolutePath().normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) {
            throw new IOException("OFD location outside the package or missing: " + loc);
        }
        return p;
    }

    private static String firstText(Path file, String element) throws IOException, XMLStreamException {
        XMLStreamReader r = open(file);
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals(element)) {
                    return r.getElementText().strip();
                }
            }
            return null;
        } finally {
            r.close();
        }
    }

    private static XMLStreamReader open(Path file) throws IOException, XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        byte[] bytes = Files.readAllBytes(file); // the package's sizes were capped when it was unpacked
        return f.createXMLStreamReader(new java.io.ByteArrayInputStream(bytes));
    }
}
