package org.gongkai.spi;

import java.util.Locale;
import java.util.Optional;

/**
 * The disclosure attribute (公开属性) of a 公文: every document carries exactly one (凤冈县公文公开属性源头认定工作制度
 * 第三条). {@link #NONE} means no attribute was found or declared.
 *
 * @since 0.1
 */
public enum Attribute {
    /** 主动公开 / 公开发布. */
    PUBLIC("主动公开"),
    /** 依申请公开. */
    ON_REQUEST("依申请公开"),
    /** 不予公开 / 不公开 / 免予公开. */
    NOT_PUBLIC("不予公开"),
    /** 部分公开: 分别注明公开与不公开内容. */
    PARTIAL("部分公开"),
    /** No attribute. */
    NONE("未标注");

    private final String chinese;

    Attribute(String chinese) {
        this.chinese = chinese;
    }

    /** The Chinese name used in reports and notices. */
    public String chinese() {
        return chinese;
    }

    /** True for the attributes that need a stated reason (依申请公开、不予公开、部分公开). */
    public boolean needsReason() {
        return this == ON_REQUEST || this == NOT_PUBLIC || this == PARTIAL;
    }

    /**
     * Parses a declared attribute as a client sends it: the contract's codes (case-insensitive) or the
     * Chinese wordings. Empty or blank input gives {@link Optional#empty()}.
     *
     * @throws IllegalArgumentException when the value is not a known attribute
     */
    public static Optional<Attribute> parseDeclared(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        switch (v) {
            case "主动公开", "公开发布", "公开" -> { return Optional.of(PUBLIC); }
            case "依申请公开" -> { return Optional.of(ON_REQUEST); }
            case "不予公开", "不公开", "免予公开" -> { return Optional.of(NOT_PUBLIC); }
            case "部分公开" -> { return Optional.of(PARTIAL); }
            default -> { }
        }
        try {
            Attribute a = valueOf(v.toUpperCase(Locale.ROOT));
            if (a == NONE) {
                throw new IllegalArgumentException(v);
            }
            return Optional.of(a);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown attribute: " + v, e);
        }
    }
}
