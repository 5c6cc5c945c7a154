package org.gongkai.server.queue;

import java.util.List;

/**
 * A reviewer's decision on one document (shared/CONTRACT.md): {@code action} is one of {@link Action},
 * {@code version} the item version the reviewer saw, {@code findings} per-finding verdicts, and
 * {@code important} marks the document 重要信息/敏感信息 (adds the 主要领导 stage).
 */
public record DecisionRequest(String action, String comment, Integer version, List<Verdict> findings, Boolean important) {

    /** A verdict on one finding: CONFIRMED or DISMISSED, with a reason (required when dismissing). */
    public record Verdict(String id, String verdict, String reason) {
    }

    /** The decisions a reviewer can take. */
    public enum Action {
        /** 通过: to the next stage, or on (published, registered, another queue) after the last. */
        APPROVE("通过"),
        /** 退回: to the drafter with reasons, producing the return notice. */
        RETURN("退回起草单位"),
        /** 需报审: to the configured higher-authority queue; a note is required. */
        ESCALATE("需报审"),
        /** 部分公开: confirmed findings become redactions, then on as APPROVE. */
        REDACT("区分处理（部分公开）"),
        /** 登记备案: not published; a reason is required. */
        REGISTER("登记备案（不公开）"),
        /** 释放: give the claim back. */
        RELEASE("释放认领");

        private final String chinese;

        Action(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }
}
