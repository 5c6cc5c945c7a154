package org.gongkai.spi;

/**
 * A disclosure annotation in the 附注 position, e.g. {@code "（此件主动公开）"}.
 *
 * @param attribute the attribute it states (never {@link Attribute#NONE})
 * @param wording   the annotation exactly as written
 * @param span      where it stands in {@link DocumentText#text()}
 * @param reason    a reason written with it ("（此件不予公开，理由：…）"), or {@code null}
 * @param publicPart    for 部分公开: what it says is public, or {@code null}
 * @param nonPublicPart for 部分公开: what it says is not public, or {@code null}
 * @since 0.1
 */
public record AttributeAnnotation(Attribute attribute, String wording, Span span, String reason, String publicPart, String nonPublicPart) {
    public AttributeAnnotation {
        if (attribute == null || attribute == Attribute.NONE) {
            throw new IllegalArgumentException("an annotation states an attribute");
        }
    }
}
