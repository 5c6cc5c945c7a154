package org.gongkai.server.workbench;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One line of a document list (my documents, search hits, a drafter's home page): what the document is and where it
 * stands now, without its findings or text.
 *
 * @param state       PROCESSING (not yet checked), OPEN (in a review queue), PUBLISHED, REGISTERED or RETURNED
 * @param queue       the review queue it is in or was last in, or null
 * @param stageName   the stage it waits at (e.g. 科室负责人), while open
 * @param holder      who holds the claim now, or null
 * @param deadline    the item's deadline while open (the queue clock, or the publication clock when it runs out first)
 * @param snippet     for a search hit, the passage that matched; else null
 */
public record DocumentSummary(String id, String fileName, String title, String department, String uploadedBy, String uploadedByName,
                              OffsetDateTime receivedAt, String status, String route, String routeName, String attribute, String state,
                              String stateName, String queue, String queueTitle, String stageName, String holder, String holderName,
                              LocalDate deadline, boolean overdue, boolean publicationLapsed, OffsetDateTime closedAt, String snippet) {

    DocumentSummary withSnippet(String s) {
        return new DocumentSummary(id, fileName, title, department, uploadedBy, uploadedByName, receivedAt, status, route, routeName, attribute,
                state, stateName, queue, queueTitle, stageName, holder, holderName, deadline, overdue, publicationLapsed, closedAt, s);
    }
}
