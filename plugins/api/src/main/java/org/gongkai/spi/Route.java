package org.gongkai.spi;

/**
 * The review queues a checked document can be routed to (shared/CONTRACT.md, "Default routing").
 *
 * @since 0.1
 */
public enum Route {
    RETURNED("退回起草单位"), SECRECY_REVIEW("保密审查"), DISCLOSURE_REVIEW("区分处理审查"),
    PUBLICATION_REVIEW("发布审核（三级审核）"), REGISTERED("登记备案"), MANUAL_REVIEW("人工审查");

    private final String chinese;

    Route(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
