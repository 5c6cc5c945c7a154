package org.gongkai.gongwen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.AttributeAnnotation;
import org.gongkai.spi.DocumentStructure;
import org.gongkai.spi.DocumentStructure.Element;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.NormalizedText;
import org.gongkai.spi.Span;
import org.gongkai.spi.StructureParser;

/**
 * Parses the GB/T 9704-2012 elements of a 公文 from its visible lines: 版头 (份号, 密级, 紧急程度, 发文机关标志,
 * 发文字号, 签发人), 主体 (标题, 主送, 附件说明, 署名, 成文日期, 附注, 附件) and 版记 (抄送, 印发). Works on
 * white-space-free lines, so letter-spaced PDF text reads the same as DOCX. Never throws for odd input.
 */
public final class GongwenParser implements StructureParser {
    /** The 版头 is at most this many lines; elements past it are not 版头 elements. */
    private static final int HEAD_LINES = 12;

    @Override
    public String name() {
        return "gongwen";
    }

    @Override
    public DocumentStructure parse(DocumentText text, NormalizedText normalized) {
        List<Line> lines = Line.of(text);
        if (lines.isEmpty()) {
            return DocumentStructure.empty();
        }
        Map<String, String> el = new LinkedHashMap<>();
        int headEndLine = head(lines, el);
        int headerEnd = headEndLine < 0 ? 0 : lines.get(headEndLine).end();
        int titleLine = titleInHead(lines, headEndLine, el) ? headEndLine : title(lines, headEndLine + 1, el);
        int attachmentsFrom = firstAttachmentHeading(lines, Math.max(titleLine, 0));
        int dateLine = date(lines, attachmentsFrom, el);
        AnnotationFinder.Found found = AnnotationFinder.find(lines, dateLine, attachmentsFrom);
        AttributeAnnotation annotation = null;
        if (found != null) {
            String w = found.wording();
            annotation = found.annotation(new Span(found.start(), found.start() + w.length()), w);
            el.put(Element.ANNOTATION.key(), w);
        }
        body(lines, titleLine, dateLine, attachmentsFrom, el);
        String docType = DocTypes.infer(el.get(Element.TITLE.key()));
        return new DocumentStructure(docType, el, annotation, headerEnd);
    }

    /** 版头 elements; returns the index of the last 版头 line, or -1 when there is no 版头. */
    private static int head(List<Line> lines, Map<String, String> el) {
        int last = -1;
        int limit = Math.min(HEAD_LINES, lines.size());
        for (int i = 0; i < limit; i++) {
            String c = lines.get(i).compact();
            Matcher m;
            if (i < 4 && (m = Patterns.COPY_NUMBER.matcher(c)).matches()) {
                el.put(Element.COPY_NUMBER.key(), m.group(1));
                last = Math.max(last, i);
            } else if (i < 6 && c.length() <= 30 && (m = Patterns.SECRECY.matcher(c)).matches()) {
                el.put(Element.SECRECY.key(), c.replaceFirst("^\\d{6}", ""));
                if (m.group(4) != null) {
                    el.put(Element.URGENCY.key(), m.group(4));
                }
                last = Math.max(last, i);
            } else if (i < 6 && Patterns.URGENCY.matcher(c).matches()) {
                el.put(Element.URGENCY.key(), c);
                last = Math.max(last, i);
            } else if (i < 8 && c.length() <= 40 && c.endsWith("文件") && !el.containsKey(Element.ISSUER.key())) {
                el.put(Element.ISSUER.key(), c.substring(0, c.length() - 2));
                last = Math.max(last, i);
            } else if (c.length() <= 60 && (m = Patterns.DOC_NUMBER.matcher(c)).find() && m.start() <= 2 && !el.containsKey(Element.DOC_NUMBER.key())) {
                el.put(Element.DOC_NUMBER.key(), m.group());
                Matcher s = Patterns.SIGNER.matcher(c);
                if (s.find()) {
                    el.put(Element.SIGNER.key(), s.group(1));
                }
                last = Math.max(last, i);
                break;
            }
        }
        if (last >= 0 && last + 1 < lines.size()) {
            Matcher s = Patterns.SIGNER.matcher(lines.get(last + 1).compact());
            if (s.find() && !el.containsKey(Element.SIGNER.key())) {
                el.put(Element.SIGNER.key(), s.group(1));
                last++;
            }
        }
        return last;
    }

    /**
     * 决定书, 通知书 and similar often put the 标题 above the 发文字号 ("XX局 / 行政处罚决定书 / XX罚〔2023〕27号"):
     * a short line inside the 版头 that names a 文种 is the title.
     */
    private static boolean titleInHead(List<Line> lines, int headEndLine, Map<String, String> el) {
        for (int i = 0; i < headEndLine; i++) {
            String c = lines.get(i).compact();
            if (c.length() <= 40 && !SENTENCE.matcher(c).find() && DocTypes.infer(c) != null) {
                el.put(Element.TITLE.key(), c);
                return true;
            }
        }
        return false;
    }

    /** Punctuation no title line holds: a sentence, a label or an enumeration of facts. */
    private static final java.util.regex.Pattern SENTENCE = java.util.regex.Pattern.compile("[。：:；;！？]|^(?:当事人|经查|依据|根据)");

    /** 标题: up to three lines after the 版头, ending with a 文种; returns the last title line, or -1. */
    private static int title(List<Line> lines, int from, Map<String, String> el) {
        int limit = Math.min(lines.size(), from + (from == 0 ? 10 : 4));
        for (int i = from; i < limit; i++) {
            String c = lines.get(i).compact();
            if (c.length() > 80 || c.endsWith("：") || c.endsWith(":")) {
                continue;
            }
            StringBuilder t = new StringBuilder();
            for (int k = i; k < Math.min(lines.size(), i + 3); k++) {
                String ck = lines.get(k).compact();
                if (ck.endsWith("：") || ck.endsWith(":") || ck.length() > 60) {
                    break;
                }
                if (SENTENCE.matcher(ck).find()) {
                    break;
                }
                t.append(ck);
                if (DocTypes.infer(t.toString()) != null) {
                    el.put(Element.TITLE.key(), t.toString());
                    return k;
                }
            }
            if (c.startsWith("关于") || from == 0 && i == 0 && c.length() <= 40) {
                el.put(Element.TITLE.key(), c);
                return i;
            }
        }
        return from - 1;
    }

    private static int firstAttachmentHeading(List<Line> lines, int from) {
        for (int i = Math.max(0, from + 1); i < lines.size(); i++) {
            if (Patterns.ATTACHMENT_HEADING.matcher(lines.get(i).compact()).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    /** 成文日期: the last stand-alone date line before the attachments; returns its index, or -1. */
    private static int date(List<Line> lines, int before, Map<String, String> el) {
        for (int i = Math.min(before, lines.size()) - 1; i >= 0; i--) {
            String c = lines.get(i).compact();
            if (Patterns.DATE.matcher(c).matches() || Patterns.DATE_CN.matcher(c).matches()) {
                el.put(Element.DATE.key(), c);
                if (i > 0) {
                    String sig = lines.get(i - 1).compact();
                    if (sig.length() <= 40 && !sig.matches(".*[。；，：:;,]$") && organisationName(sig)) {
                        el.put(Element.SIGNATURE.key(), sig);
                        el.putIfAbsent(Element.ISSUER.key(), sig);
                    }
                }
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the line above a date can be the 署名 (the issuing organ's name): Han characters, no label
     * ("纳税人识别号：…", "开票人：…") and no identifier or amount. An invoice or certificate puts a taxpayer number
     * or a code above its date; that number is no issuer — and may be a person's ID number.
     */
    static boolean organisationName(String line) {
        long han = line.codePoints().filter(Character::isIdeographic).count();
        return han >= 2 && han * 2 >= line.length() && line.indexOf('：') < 0 && line.indexOf(':') < 0
                && !ORGAN_NOISE.matcher(line).find();
    }

    /** A run of digits or letters as in a number, code or amount, or a label word of a form. */
    private static final java.util.regex.Pattern ORGAN_NOISE = java.util.regex.Pattern.compile(
            "[0-9A-Za-z]{6,}|[¥￥]|识别号|代码|编号|号码|金额|合计|开票|日期");

    private static void body(List<Line> lines, int titleLine, int dateLine, int attachmentsFrom, Map<String, String> el) {
        for (int i = titleLine + 1; i < Math.min(lines.size(), titleLine + 4); i++) {
            String c = lines.get(i).compact();
            if ((c.endsWith("：") || c.endsWith(":")) && c.length() <= 100) {
                el.put(Element.RECIPIENTS.key(), c.substring(0, c.length() - 1));
                break;
            }
        }
        int end = dateLine < 0 ? lines.size() : dateLine;
        for (int i = Math.max(0, titleLine + 1); i < end; i++) {
            String c = lines.get(i).compact();
            if (Patterns.ATTACHMENT_NOTE.matcher(c).matches()) {
                el.put(Element.ATTACHMENT_NOTE.key(), lines.get(i).raw().strip());
                break;
            }
        }
        int count = 0;
        for (int i = attachmentsFrom; i < lines.size(); i++) {
            String c = lines.get(i).compact();
            if (Patterns.ATTACHMENT_HEADING.matcher(c).matches()) {
                count++;
            }
            Matcher m = Patterns.CC.matcher(c);
            if (m.matches()) {
                el.put(Element.CC.key(), m.group(1));
            }
        }
        for (int i = Math.max(0, dateLine); i < lines.size(); i++) {
            String c = lines.get(i).compact();
            Matcher m = Patterns.CC.matcher(c);
            if (m.matches()) {
                el.put(Element.CC.key(), m.group(1));
            }
            m = Patterns.PRINTED.matcher(c);
            if (m.matches()) {
                el.put(Element.PRINTER.key(), m.group(1));
                el.put(Element.PRINT_DATE.key(), m.group(2));
            }
        }
        if (count > 0) {
            el.put(Element.ATTACHMENTS.key(), String.valueOf(count));
        }
    }
}
