package org.gongkai.server.queue;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One row of {@code queue_item}: where a checked document stands in review. {@code version} grows with every
 * change (claim, release, decision) and is what a reviewer's decision must name.
 */
public record QueueItem(String documentId, String queueName, int stage, String state, String outcome, String title, String department,
                        String attribute, String worstSeverity, int severityRank, boolean important, LocalDate formedOn,
                        LocalDate publicationDue, OffsetDateTime enteredAt, LocalDate queueDue, LocalDate dueOn, String claimant,
                        String claimantRole, OffsetDateTime claimedAt, OffsetDateTime leaseUntil, OffsetDateTime closedAt, int version) {
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public boolean open() {
        return OPEN.equals(state);
    }

    /** True when someone holds an unexpired claim at {@code now}. */
    public boolean claimedAt(OffsetDateTime now) {
        return claimant != null && leaseUntil != null && !leaseUntil.isBefore(now);
    }

    /** The audit state: {@code QUEUE/stage} while open, the outcome once closed (at most 30 characters). */
    public String auditState() {
        return open() ? queueName + "/" + (stage + 1) : outcome;
    }

    /**
     * Into a queue at a stage. The deadline is the queue's clock, or the publication clock (条例第二十六条) when that
     * runs out first. A publication deadline already past when the item enters the queue (a document formed long
     * before it was uploaded, e.g. a 2023 sample) cannot be met by this queue's reviewers, so it is shown beside the
     * item as lapsed ({@link ItemView#publicationLapsed()}), not used as its deadline: otherwise every such item
     * would arrive hundreds of working days overdue and bury the items that can still be done on time.
     */
    QueueItem withPosition(String queue, int newStage, OffsetDateTime entered, LocalDate newQueueDue) {
        LocalDate arrived = entered.atZoneSameInstant(ReviewClock.CHINA).toLocalDate();
        boolean publicationLive = publicationDue != null && !publicationDue.isBefore(arrived);
        LocalDate due = publicationLive && publicationDue.isBefore(newQueueDue) ? publicationDue : newQueueDue;
        return new QueueItem(documentId, queue, newStage, OPEN, null, title, department, attribute, worstSeverity, severityRank, important,
                formedOn, publicationDue, entered, newQueueDue, due, null, null, null, null, null, version);
    }

    QueueItem withStage(int newStage) {
        return new QueueItem(documentId, queueName, newStage, OPEN, null, title, department, attribute, worstSeverity, severityRank, important,
                formedOn, publicationDue, enteredAt, queueDue, dueOn, null, null, null, null, null, version);
    }

    QueueItem closed(String newOutcome, OffsetDateTime at) {
        return new QueueItem(documentId, queueName, stage, CLOSED, newOutcome, title, department, attribute, worstSeverity, severityRank,
                important, formedOn, publicationDue, enteredAt, queueDue, dueOn, null, null, null, null, at, version);
    }

    QueueItem withImportant(boolean v) {
        return new QueueItem(documentId, queueName, stage, state, outcome, title, department, attribute, worstSeverity, severityRank, v,
                formedOn, publicationDue, enteredAt, queueDue, dueOn, claimant, claimantRole, claimedAt, leaseUntil, closedAt, version);
    }

    QueueItem withAttribute(String a) {
        return new QueueItem(documentId, queueName, stage, state, outcome, title, department, a, worstSeverity, severityRank, important,
                formedOn, publicationDue, enteredAt, queueDue, dueOn, claimant, claimantRole, claimedAt, leaseUntil, closedAt, version);
    }

    QueueItem withVersion(int v) {
        return new QueueItem(documentId, queueName, stage, state, outcome, title, department, attribute, worstSeverity, severityRank, important,
                formedOn, publicationDue, enteredAt, queueDue, dueOn, claimant, claimantRole, claimedAt, leaseUntil, closedAt, v);
    }
}
