package org.gongkai.server.document;

import org.gongkai.server.pipeline.CheckResult;
import org.jdbi.v3.core.Handle;

/**
 * Told when a document has been checked and routed, inside the transaction that stores the result, so
 * that whatever it writes (a queue item) commits or rolls back with the result itself.
 */
@FunctionalInterface
public interface CheckListener {
    CheckListener NONE = (h, d, r) -> { };

    /**
     * @param handle   the open transaction
     * @param document the document as it was before this check (status PROCESSING)
     * @param result   what the check found and where it routed the document
     */
    void onChecked(Handle handle, DocumentRecord document, CheckResult result);
}
