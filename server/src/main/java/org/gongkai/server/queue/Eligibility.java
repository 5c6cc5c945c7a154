package org.gongkai.server.queue;

import org.gongkai.server.auth.Actor;
import org.gongkai.server.http.ApiException;
import org.jdbi.v3.core.Handle;

/**
 * Separation of duties for a decision on one document (DOMAIN.md; 004 附件2 第七条 三级审核): the drafter never
 * decides on their own document; one person decides at one level of a document only, across every queue
 * (secrecy review then approval included); the role must be one the stage admits, an approver within the stages
 * their account is limited to, and department-bound roles only for their own department. Nobody is exempt:
 * administrators hold no document roles at all.
 */
final class Eligibility {
    private Eligibility() {
    }

    /** The role in which {@code a} may decide {@code it} at {@code stage}; throws 403 with the reason otherwise. */
    static Actor.Role actingRole(Handle h, Actor a, QueueItem it, QueueConfig.QueueDefinition q, QueueConfig.Stage stage) {
        if (!a.hasAny(Actor.Role.documentRoles())) {
            throw new ApiException(403, "ROLE_NOT_ALLOWED", "管理员和系统不作审查决定（三员分立）", "administrators and the system take no review decisions");
        }
        String uploader = h.createQuery("SELECT uploaded_by FROM document WHERE id = :id").bind("id", it.documentId()).mapTo(String.class)
                .findOne().orElse(null);
        if (a.id().equals(uploader)) {
            throw new ApiException(403, "OWN_DOCUMENT", "起草人不能审核自己上传的文件", "the drafter may not decide on their own document");
        }
        Actor.Role role = stage.actingRole(a, it.department()).orElseThrow(() -> new ApiException(403, "ROLE_NOT_ALLOWED",
                q.title() + "「" + stage.title() + "」环节须由 " + stage.roles() + (stage.ownDepartment().isEmpty() ? "" : "（" + stage.ownDepartment()
                        + " 限本部门）") + " 决定" + (a.stages().isEmpty() ? "" : "，您的审核环节为 " + a.stages()),
                "stage " + stage.code() + " of " + q.name() + " is decided by " + stage.roles() + (stage.ownDepartment().isEmpty() ? ""
                        : " (" + stage.ownDepartment() + " of the document's department only)")));
        if (h.attach(DecisionDao.class).decisionsBy(it.documentId(), a.id()) > 0) {
            throw new ApiException(403, "SAME_PERSON_TWO_LEVELS", "您已在前一环节审核过该文件，本环节「" + stage.title() + "」须由他人审核",
                    "you already decided on this document at another level; level " + stage.code() + " needs someone else");
        }
        return role;
    }
}
