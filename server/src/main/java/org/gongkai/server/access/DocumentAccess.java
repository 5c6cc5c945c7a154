package org.gongkai.server.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.auth.Actor.Role;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.queue.QueueConfig;
import org.gongkai.server.storage.Database;
import org.gongkai.spi.Category;
import org.jdbi.v3.core.Handle;

/**
 * Which documents a caller may open (object-level access, checked on every read, search included):
 * <ul>
 *   <li>a drafter: the documents of their own department, and their own uploads;</li>
 *   <li>a reviewer or approver: what the queues they work hold now (a department-bound stage only for their own
 *       department), and every document they have claimed or decided;</li>
 *   <li>the document office, also the closed ones (the register, 台账, and returned drafts);</li>
 *   <li>the three administrators: none (三员分立: the system administrator does not read documents).</li>
 * </ul>
 * Others are told the document does not exist (404). Opening a document that holds personal or secret content
 * is written to the security audit.
 */
public final class DocumentAccess {
    /** Categories whose presence makes opening a document a security-audit event. */
    private static final Set<Category> SENSITIVE = EnumSet.of(Category.SECRECY_MARKING, Category.SECRET_CONTENT, Category.INTERNAL_MARKING,
            Category.ID_NUMBER, Category.PHONE_NUMBER, Category.BANK_CARD, Category.EMAIL, Category.PERSON_NAME, Category.ADDRESS,
            Category.PASSPORT, Category.LICENSE_PLATE, Category.TRADE_SECRET, Category.STABILITY);
    private final Database db;
    private final QueueConfig queues;
    private final SecurityAudit audit;

    public DocumentAccess(Database db, QueueConfig queues, SecurityAudit audit) {
        this.db = db;
        this.queues = queues;
        this.audit = audit;
    }

    /** What visibility depends on, for one document. */
    record Facts(String id, String department, String uploadedBy, String queueName, Integer stage, String state, String claimant, boolean involved) {
    }

    /** Throws 404 unless the actor may open the document. */
    public void requireRead(Actor actor, String documentId) {
        if (documentId == null || documentId.length() > 36 || !readable(actor, List.of(documentId)).contains(documentId)) {
            throw ApiException.notFound("文件 / document", String.valueOf(documentId));
        }
    }

    /** The ids among {@code ids} the actor may open. */
    public Set<String> readable(Actor actor, Collection<String> ids) {
        if (ids.isEmpty() || !actor.hasAny(Role.documentRoles())) {
            return Set.of();
        }
        List<Facts> facts = db.jdbi().withHandle(h -> facts(h, actor, ids));
        return facts.stream().filter(f -> visible(actor, f)).map(Facts::id).collect(Collectors.toSet());
    }

    /** Reviewers (not drafters) may see hidden, deleted and redacted text, e.g. in search snippets. */
    public static boolean reviewer(Actor actor) {
        return actor.has(Role.SECRECY_REVIEWER) || actor.has(Role.DOCUMENT_OFFICE) || actor.has(Role.APPROVER);
    }

    /** Records in the security audit that the actor opened a document holding personal or secret content. */
    public void opened(Actor actor, String documentId, String what, Collection<Category> categories, String address) {
        Set<Category> sensitive = categories.stream().filter(SENSITIVE::contains).collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
        if (!sensitive.isEmpty()) {
            audit.success(actor, SecurityAudit.Action.DOCUMENT_OPENED, documentId, address, what + "；含 " + sensitive);
        }
    }

    boolean visible(Actor a, Facts f) {
        if (a.has(Role.DRAFTER) && (a.id().equals(f.uploadedBy()) || (a.department() != null && a.department().equals(f.department())))) {
            return true;
        }
        if (!reviewer(a)) {
            return false;
        }
        if (f.involved() || a.id().equals(f.claimant())) {
            return true;
        }
        if (f.queueName() == null) {
            return false;
        }
        if (!"OPEN".equals(f.state())) {
            return a.has(Role.DOCUMENT_OFFICE);
        }
        return queues.queue(f.queueName()).map(q -> q.stages().stream().anyMatch(s -> s.actingRole(a, f.department()).isPresent()))
                .orElse(false);
    }

    private static List<Facts> facts(Handle h, Actor a, Collection<String> ids) {
        Set<String> involved = new HashSet<>(h.createQuery("SELECT DISTINCT document_id FROM decision WHERE actor = :me AND document_id IN (<ids>)")
                .bind("me", a.id()).bindList("ids", List.copyOf(ids)).mapTo(String.class).list());
        return h.createQuery("SELECT d.id, d.department, d.uploaded_by, q.queue_name, q.stage, q.state, q.claimant FROM document d "
                        + "LEFT JOIN queue_item q ON q.document_id = d.id WHERE d.id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map((rs, c) -> new Facts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), (Integer) rs.getObject(5),
                        rs.getString(6), rs.getString(7), involved.contains(rs.getString(1))))
                .list();
    }

    /** For tests and the audit: the facts of one document, if it exists. */
    Optional<Facts> facts(Actor a, String id) {
        return db.jdbi().withHandle(h -> facts(h, a, List.of(id))).stream().findFirst();
    }
}
