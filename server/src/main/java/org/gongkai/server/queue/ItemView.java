package org.gongkai.server.queue;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A queue item as the API shows it (shared/CONTRACT.md, "Review queue API").
 *
 * @param ageWorkingDays   working days since the item entered its queue
 * @param deadline         the nearer of the queue clock and the publication clock
 * @param workingDaysLeft  working days from today to the deadline; 0 on the day, negative when past
 * @param claimant         who holds an unexpired claim, or null
 * @param publicationLapsed the publication deadline had already passed when the item entered its queue (e.g. formed
 *                         long before it was uploaded): shown as a warning, not counted as the item's overdue days
 */
public record ItemView(String documentId, String title, String department, String queue, String stage, String stageName, int stageNumber,
                       int stageCount, String state, String outcome, String worstSeverity, boolean important, String attribute,
                       OffsetDateTime enteredAt, long ageWorkingDays, LocalDate formedOn, LocalDate publicationDue, LocalDate deadline,
                       long workingDaysLeft, boolean overdue, String claimant, String claimantRole, OffsetDateTime leaseUntil, int version, boolean publicationLapsed) {
}
