package org.gongkai.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GB/T 9704-2012 elements of a 公文 as parsed from its visible text, and its disclosure annotation.
 *
 * @param docType    the 文种 inferred from the title ("通知", "请示", "决定书" …), or {@code null}
 * @param elements   element name → text; keys are {@link Element} codes; absent elements are absent
 * @param annotation the disclosure annotation found in the 附注 position, or {@code null} when there is none
 * @param headerEnd  offset in {@link DocumentText#text()} where the 版头 ends (after 发文字号 / 签发人); 0 when unknown.
 *                   Secrecy markings count as markings only within the 版头 or at the very top of a page
 * @since 0.1
 */
public record DocumentStructure(String docType, Map<String, String> elements, AttributeAnnotation annotation, int headerEnd) {
    public DocumentStructure {
        elements = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(elements));
    }

    /** The structure of a document nothing could be parsed from. */
    public static DocumentStructure empty() {
        return new DocumentStructure(null, Map.of(), null, 0);
    }

    /** The attribute the document's own annotation states, or {@link Attribute#NONE}. */
    public Attribute detectedAttribute() {
        return annotation == null ? Attribute.NONE : annotation.attribute();
    }

    /** Element codes (the report's {@code elements} keys); the first six are the contract's. */
    public enum Element {
        DOC_NUMBER("docNumber", "发文字号"), TITLE("title", "标题"), ISSUER("issuer", "发文机关"), DATE("date", "成文日期"),
        ANNOTATION("annotation", "附注"), SECRECY("secrecy", "密级和保密期限"), COPY_NUMBER("copyNumber", "份号"),
        URGENCY("urgency", "紧急程度"), SIGNER("signer", "签发人"), RECIPIENTS("recipients", "主送机关"),
        ATTACHMENT_NOTE("attachmentNote", "附件说明"), SIGNATURE("signature", "发文机关署名"),
        ATTACHMENTS("attachments", "附件"), CC("cc", "抄送机关"), PRINTER("printer", "印发机关"), PRINT_DATE("printDate", "印发日期");

        private final String key;
        private final String chinese;

        Element(String key, String chinese) {
            this.key = key;
            this.chinese = chinese;
        }

        public String key() {
            return key;
        }

        public String chinese() {
            return chinese;
        }
    }
}
