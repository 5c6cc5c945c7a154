package org.gongkai.gongwen;

import java.util.List;
import java.util.regex.Matcher;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.AttributeAnnotation;
import org.gongkai.spi.Span;

/**
 * Finds the disclosure annotation: a line that is nothing but the parenthesised marking (GB/T 9704-2012
 * 7.3.6; 凤冈县公文公开属性源头认定工作制度 第六条). A marking quoted inside a sentence — rule texts saying
 * 应当标注“此件公开发布” — is never a whole line, so it is never taken for an annotation. The line right after
 * 成文日期 is preferred; a stand-alone annotation elsewhere is accepted (and reported as a format issue). A text
 * whose line breaks were lost (a web page's text flattened into one paragraph) ends "…2017年5月2日（此件主动公开）":
 * the marking right after a 成文日期 at the very end of a line is the annotation too (and a format issue).
 */
final class AnnotationFinder {
    private AnnotationFinder() {
    }

    /** A found annotation line and its parts. */
    record Found(Line line, Attribute attribute, String tail, boolean afterDate, int start, String wording) {
        AttributeAnnotation annotation(Span span, String wording) {
            String reason = null;
            String publicPart = null;
            String nonPublicPart = null;
            String t = tail.replaceFirst("^[，,。；;：:、\\s]+", "");
            if (!t.isEmpty()) {
                if (attribute == Attribute.PARTIAL) {
                    Matcher m = java.util.regex.Pattern.compile("(?:其中)?(.+?)(?:不予公开|不公开)").matcher(t);
                    if (m.find()) {
                        nonPublicPart = m.group(1);
                    }
                    Matcher p = java.util.regex.Pattern.compile("(?:其中)?([^，,；;]+?)(?:主动公开|公开)(?![\\p{IsHan}])").matcher(t);
                    if (p.find() && !p.group(1).contains("不")) {
                        publicPart = p.group(1);
                    }
                    reason = t;
                } else {
                    reason = t.replaceFirst("^(理由|原因|依据)[为是:：]?", "");
                }
            }
            return new AttributeAnnotation(attribute, wording, span, reason == null || reason.isBlank() ? null : reason, publicPart, nonPublicPart);
        }
    }

    static Found find(List<Line> lines, int dateLine, int attachmentsFrom) {
        Found fallback = null;
        for (Line l : lines) {
            Matcher m = Patterns.ANNOTATION.matcher(l.compact());
            if (!m.matches()) {
                Found runOn = runOn(l);
                if (runOn != null && (fallback == null || fallback.line().index() >= attachmentsFrom)) {
                    fallback = runOn;
                }
                continue;
            }
            boolean afterDate = dateLine >= 0 && l.index() > dateLine && l.index() <= dateLine + 3;
            String w = l.raw().strip();
            Found f = new Found(l, attribute(m.group(1)), m.group(2), afterDate, l.start() + l.raw().indexOf(w), w);
            if (afterDate) {
                return f;
            }
            if (fallback == null || l.index() < attachmentsFrom && fallback.line().index() >= attachmentsFrom) {
                fallback = f;
            }
        }
        return fallback;
    }

    /** The annotation closing a run-on line right after its 成文日期, or null. */
    private static Found runOn(Line l) {
        Matcher m = Patterns.RUN_ON_ANNOTATION.matcher(l.compact());
        if (!m.find()) {
            return null;
        }
        int open = Math.max(l.raw().lastIndexOf("（" + m.group(1)), l.raw().lastIndexOf("(" + m.group(1)));
        if (open < 0) {
            return null;
        }
        String w = l.raw().substring(open).strip();
        return new Found(l, attribute(m.group(2)), m.group(3), false, l.start() + open, w);
    }

    static Attribute attribute(String word) {
        return switch (word) {
            case "公开发布", "主动公开", "公开" -> Attribute.PUBLIC;
            case "依申请公开" -> Attribute.ON_REQUEST;
            case "部分公开" -> Attribute.PARTIAL;
            default -> Attribute.NOT_PUBLIC;
        };
    }
}
