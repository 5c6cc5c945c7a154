package org.gongkai.server.queue;

import org.gongkai.server.http.ApiException;

/** The 409 answers of the review work flow, in one place so that they read the same everywhere. */
final class Conflicts {
    private Conflicts() {
    }

    static ApiException closed(QueueItem i) {
        return new ApiException(409, "ALREADY_DECIDED", "该文件的审查已结束（" + i.outcome() + "）", "review of this document has ended (" + i.outcome() + ")");
    }

    static ApiException claimedByOther(QueueItem i) {
        return new ApiException(409, "CLAIMED_BY_OTHER", "该文件已由 " + i.claimant() + " 认领，租约至 " + i.leaseUntil(),
                "another reviewer (" + i.claimant() + ") holds the claim until " + i.leaseUntil());
    }

    static ApiException stale(QueueItem i, int sent) {
        return new ApiException(409, "STALE_VERSION", "版本已过期：提交的是 " + sent + "，当前为 " + i.version() + "；请刷新后重试",
                "stale version: sent " + sent + ", current is " + i.version() + "; reload and retry");
    }
}
