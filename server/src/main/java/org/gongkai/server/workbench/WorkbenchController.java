package org.gongkai.server.workbench;

import org.gongkai.server.http.QueryParams;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.search.SearchIndex;
import org.gongkai.server.search.SearchService;

/**
 * HTTP in and out for what the workbench's pages read besides the review API: my work, document lists, search with
 * filters and pages, display names, and the opinions recorded on a document. Every list is filtered by
 * {@link org.gongkai.server.access.DocumentAccess} in the services.
 */
public final class WorkbenchController {
    private final WorkService work;
    private final DocumentListing listing;
    private final SearchService search;
    private final People people;
    private final Opinions opinions;

    public WorkbenchController(WorkService work, DocumentListing listing, SearchService search, People people, Opinions opinions) {
        this.work = work;
        this.listing = listing;
        this.search = search;
        this.people = people;
        this.opinions = opinions;
    }

    public void routes(Javalin app) {
        app.get("/api/v1/work", ctx -> ctx.json(work.work(AccessGuard.actor(ctx))), RouteAccess.SIGNED_IN);
        app.get("/api/v1/documents", ctx -> ctx.json(listing.list(AccessGuard.actor(ctx), filter(ctx), QueryParams.number(ctx, "offset", 0, 0, 100_000),
                QueryParams.number(ctx, "limit", 20, 1, 100))), RouteAccess.DOCUMENT_READERS);
        app.get("/api/v1/search", this::search, RouteAccess.DOCUMENT_READERS);
        app.get("/api/v1/people", ctx -> {
            String ids = ctx.queryParam("ids");
            ctx.json(Map.of("people", people.names(ids == null ? List.of() : Arrays.asList(ids.split(",")))));
        }, RouteAccess.SIGNED_IN);
        app.get("/api/v1/documents/{id}/decisions", ctx -> ctx.json(opinions.of(AccessGuard.actor(ctx), ctx.pathParam("id"))),
                RouteAccess.DOCUMENT_READERS);
    }

    /**
     * {@code GET /api/v1/search?q=…} (shared/CONTRACT.md) with optional filters (department, route, state, from, to) and
     * pages ({@code offset}, {@code limit}); each hit also carries the document's department, route and state.
     */
    private void search(Context ctx) {
        Actor actor = AccessGuard.actor(ctx);
        ListingFilter f = filter(ctx);
        int offset = QueryParams.number(ctx, "offset", 0, 0, SearchIndex.MAX_HITS);
        int limit = QueryParams.number(ctx, "limit", 20, 1, 100);
        List<SearchIndex.Hit> hits = f.any()
                ? search.search(actor, ctx.queryParam("q"), Math.min(SearchIndex.MAX_HITS, offset + limit + 1), ids -> listing.matching(ids, f, actor))
                : search.search(actor, ctx.queryParam("q"), Math.min(SearchIndex.MAX_HITS, offset + limit + 1));
        List<SearchIndex.Hit> page = hits.subList(Math.min(offset, hits.size()), Math.min(hits.size(), offset + limit));
        Map<String, DocumentSummary> facts = listing.summaries(actor, page.stream().map(SearchIndex.Hit::id).toList());
        List<Map<String, Object>> out = new ArrayList<>();
        for (SearchIndex.Hit h : page) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.id());
            m.put("fileName", h.fileName());
            m.put("title", h.title());
            m.put("snippet", h.snippet());
            m.put("document", facts.get(h.id()));
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hits", out);
        body.put("offset", offset);
        body.put("limit", limit);
        body.put("hasMore", hits.size() > offset + limit);
        ctx.json(body);
    }

    static ListingFilter filter(Context ctx) {
        return new ListingFilter(ctx.queryParam("department"), ctx.queryParam("route"), ctx.queryParam("state"), QueryParams.date(ctx, "from"), QueryParams.date(ctx, "to"),
                ctx.queryParam("text"), "1".equals(ctx.queryParam("mine")) || "true".equalsIgnoreCase(ctx.queryParam("mine")));
    }
}
