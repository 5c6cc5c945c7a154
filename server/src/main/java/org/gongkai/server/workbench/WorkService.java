package org.gongkai.server.workbench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.queue.ItemView;
import org.gongkai.server.queue.QueueConfig;
import org.gongkai.server.queue.QueueService;
import org.gongkai.server.storage.Database;

/**
 * "My work" for the home page: the items waiting for the caller's decision in every queue they work (overdue first,
 * then the nearest deadline), the queues with their counts, and the caller's own recent documents with their state.
 * An item is waiting for someone when its current stage is one their roles decide (for their department where the
 * stage is department-bound), it is not their own upload, they have not decided on it at another level, and nobody
 * else holds it.
 */
public final class WorkService {
    private static final int RECENT = 10;
    private final Database db;
    private final QueueService queues;
    private final QueueConfig config;
    private final DocumentListing listing;
    private final People people;

    public WorkService(Database db, QueueService queues, QueueConfig config, DocumentListing listing, People people) {
        this.db = db;
        this.queues = queues;
        this.config = config;
        this.listing = listing;
        this.people = people;
    }

    /** An item waiting for the caller. */
    public record WorkItem(ItemView item, String queueTitle, boolean heldByMe, String holderName) {
    }

    /** The home page's content. */
    public record Work(List<WorkItem> waiting, int overdue, List<QueueService.QueueSummary> queues, List<DocumentSummary> recent,
                       boolean moreRecent) {
    }

    public Work work(Actor actor) {
        List<QueueService.QueueSummary> summaries = actor.hasAny(Actor.Role.documentRoles()) ? queues.queues(actor) : List.of();
        List<ItemView> candidates = new ArrayList<>();
        for (QueueService.QueueSummary s : summaries) {
            if (s.open() > 0) {
                candidates.addAll(queues.items(actor, s.name()));
            }
        }
        Set<String> excluded = excluded(actor, candidates.stream().map(ItemView::documentId).toList());
        Map<String, String> names = people.names(candidates.stream().map(ItemView::claimant).toList());
        List<WorkItem> waiting = new ArrayList<>();
        for (ItemView i : candidates) {
            boolean mine = actor.id().equals(i.claimant());
            if (excluded.contains(i.documentId()) || (i.claimant() != null && !mine) || actingStage(actor, i).isEmpty()) {
                continue;
            }
            waiting.add(new WorkItem(i, config.queue(i.queue()).map(QueueConfig.QueueDefinition::title).orElse(i.queue()), mine,
                    i.claimant() == null ? null : names.get(i.claimant())));
        }
        waiting.sort(Comparator.comparing((WorkItem w) -> !w.item().overdue()).thenComparing(w -> !w.heldByMe())
                .thenComparing(w -> w.item().deadline(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(w -> w.item().enteredAt()));
        int overdue = (int) waiting.stream().filter(w -> w.item().overdue()).count();
        List<DocumentSummary> recent = List.of();
        boolean more = false;
        if (actor.has(Actor.Role.DRAFTER) || actor.has(Actor.Role.DOCUMENT_OFFICE)) {
            Page<DocumentSummary> p = listing.list(actor, new ListingFilter(null, null, null, null, null, null, true), 0, RECENT);
            recent = p.items();
            more = p.hasMore();
        }
        return new Work(waiting, overdue, summaries, recent, more);
    }

    private Optional<Actor.Role> actingStage(Actor actor, ItemView i) {
        return config.queue(i.queue()).flatMap(q -> q.stages().stream().filter(s -> s.code().equals(i.stage())).findFirst())
                .flatMap(s -> s.actingRole(actor, i.department()));
    }

    /** Documents the actor uploaded or has already decided on: never waiting for them (separation of duties). */
    private Set<String> excluded(Actor actor, List<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        db.jdbi().useHandle(h -> {
            out.addAll(h.createQuery("SELECT id FROM document WHERE uploaded_by = :me AND id IN (<ids>)").bind("me", actor.id())
                    .bindList("ids", ids).mapTo(String.class).list());
            out.addAll(h.createQuery("SELECT DISTINCT document_id FROM decision WHERE actor = :me AND action <> 'RELEASE' AND document_id IN (<ids>)")
                    .bind("me", actor.id()).bindList("ids", ids).mapTo(String.class).list());
        });
        return out;
    }
}
