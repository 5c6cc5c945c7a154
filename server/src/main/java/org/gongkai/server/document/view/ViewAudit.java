package org.gongkai.server.document.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongkai.server.access.DocumentAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.spi.Category;

/**
 * Writes "opened a document holding personal or secret content" to the security audit ({@link DocumentAccess#opened})
 * for the review page's views. Opening the text, the original or a redaction preview is written every time; the
 * page images of one document, which a reviewer leafs through a page at a time, once per person and document every
 * ten minutes (as token use is), so the audit says who looked without a line per page.
 */
public final class ViewAudit {
    private static final Duration QUIET = Duration.ofMinutes(10);
    private static final int REMEMBERED = 10_000;
    private final DocumentAccess access;
    private final Clock clock;
    private final Map<String, Instant> recent = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    public ViewAudit(DocumentAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    /** Audits every time. */
    public void opened(Actor actor, String documentId, String what, Collection<Category> categories, String address) {
        access.opened(actor, documentId, what, categories, address);
    }

    /** Audits unless the same person opened the same view of the document within the last ten minutes. */
    public void openedQuietly(Actor actor, String documentId, String what, Collection<Category> categories, String address) {
        String key = actor.id() + "\n" + documentId + "\n" + what;
        Instant now = clock.instant();
        synchronized (recent) {
            Instant last = recent.get(key);
            if (last != null && last.plus(QUIET).isAfter(now)) {
                return;
            }
            recent.put(key, now);
        }
        access.opened(actor, documentId, what, categories, address);
    }
}
