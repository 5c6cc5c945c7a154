package org.gongkai.extract;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.gongkai.spi.ExtractionException;
import org.gongkai.spi.ExtractionGap;
import org.gongkai.spi.Part;

/**
 * What a PDF holds beside its page text: the values of its form fields (AcroForm; shown on the page by their widgets,
 * which the text layer does not include) as body text with the field's name, their tool tips, XFA forms (a gap: not
 * read), and the bookmark titles (metadata).
 */
final class PdfForms {
    private static final int MAX_FIELDS = 20_000;

    private PdfForms() {
    }

    static void read(PDDocument doc, BlockSink sink) throws ExtractionException {
        try {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            if (form != null) {
                if (form.hasXFA()) {
                    sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "PDF 含 XFA 表单，其数据未读取 / the PDF holds an XFA form whose data was not read", null);
                }
                int n = 0;
                for (PDField f : form.getFieldTree()) {
                    if (++n > MAX_FIELDS) {
                        sink.gap(ExtractionGap.Reason.TRUNCATED, "PDF 表单域过多，其余未读取 / too many PDF form fields; the rest was not read", null);
                        break;
                    }
                    if (f instanceof PDNonTerminalField) {
                        continue;
                    }
                    String name = f.getFullyQualifiedName() == null ? "" : f.getFullyQualifiedName();
                    Integer page = page(doc, f);
                    String value = f.getValueAsString();
                    if (value != null && !value.isBlank() && !value.equals("Off")) {
                        sink.add(Part.BODY, value.strip(), page, "表单域 " + name);
                    }
                    String tip = f.getAlternateFieldName();
                    if (tip != null && !tip.isBlank()) {
                        sink.add(Part.METADATA, tip.strip(), page, "表单域提示 " + name);
                    }
                }
            }
        } catch (ExtractionException e) {
            throw e;
        } catch (RuntimeException e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "PDF 表单无法读取 / the PDF form could not be read (" + e.getClass().getSimpleName() + ")", null);
        }
        outline(doc, sink);
    }

    private static Integer page(PDDocument doc, PDField f) {
        for (PDAnnotationWidget w : f.getWidgets()) {
            PDPage p = w.getPage();
            if (p != null) {
                int i = doc.getPages().indexOf(p);
                return i < 0 ? null : i + 1;
            }
        }
        return null;
    }

    private static void outline(PDDocument doc, BlockSink sink) throws ExtractionException {
        try {
            PDDocumentOutline o = doc.getDocumentCatalog().getDocumentOutline();
            if (o == null) {
                return;
            }
            StringBuilder titles = new StringBuilder();
            int[] count = {0};
            walk(o.getFirstChild(), titles, count, 0);
            sink.add(Part.METADATA, titles.toString().strip(), null, "书签");
        } catch (ExtractionException e) {
            throw e;
        } catch (RuntimeException e) {
            sink.gap(ExtractionGap.Reason.PART_UNREADABLE, "PDF 书签无法读取 / the PDF bookmarks could not be read", null);
        }
    }

    private static void walk(PDOutlineItem item, StringBuilder out, int[] count, int depth) {
        for (PDOutlineItem i = item; i != null && count[0] < 10_000 && depth < 20; i = i.getNextSibling()) {
            count[0]++;
            if (i.getTitle() != null && !i.getTitle().isBlank()) {
                out.append(i.getTitle().strip()).append('\n');
            }
            walk(i.getFirstChild(), out, count, depth + 1);
        }
    }
}
