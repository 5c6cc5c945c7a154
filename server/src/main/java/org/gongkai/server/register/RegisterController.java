package org.gongkai.server.register;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.gongkai.server.access.AccessGuard;
import org.gongkai.server.access.RouteAccess;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.http.QueryParams;

/**
 * {@code GET /api/v1/register} (台账 of non-public documents) and {@code GET /api/v1/statistics/annual} (the tables of
 * the 年度报告): JSON for the pages, {@code ?format=xlsx} or {@code ?format=csv} to file. The document office only.
 */
public final class RegisterController {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final RegisterService register;
    private final AnnualReport annual;

    public RegisterController(RegisterService register, AnnualReport annual) {
        this.register = register;
        this.annual = annual;
    }

    public void routes(Javalin app) {
        app.get("/api/v1/register", this::register, RouteAccess.DOCUMENT_OFFICE);
        app.get("/api/v1/statistics/annual", this::annual, RouteAccess.DOCUMENT_OFFICE);
    }

    private void register(Context ctx) {
        RegisterService.Filter f = new RegisterService.Filter(ctx.queryParam("department"), ctx.queryParam("attribute"),
                QueryParams.date(ctx, "from"), QueryParams.date(ctx, "to"), ctx.queryParam("text"), "1".equals(ctx.queryParam("pending")));
        String format = format(ctx);
        if (format.equals("json")) {
            ctx.json(register.entries(AccessGuard.actor(ctx), f, QueryParams.number(ctx, "offset", 0, 0, 1_000_000),
                    QueryParams.number(ctx, "limit", 20, 1, 100)));
            return;
        }
        file(ctx, format, "非公开文件台账", List.of(register.table(AccessGuard.actor(ctx), f)));
    }

    private void annual(Context ctx) {
        String y = ctx.queryParam("year");
        Integer year;
        try {
            year = y == null || y.isBlank() ? null : Integer.valueOf(y.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("BAD_YEAR", "year 应为四位年份", "year must be a four-digit year");
        }
        AnnualReport.Report r = annual.report(AccessGuard.actor(ctx), year, ctx.queryParam("department"));
        String format = format(ctx);
        if (format.equals("json")) {
            ctx.json(r);
            return;
        }
        file(ctx, format, r.year() + "年政府信息公开工作年度报告统计" + (r.department() == null ? "" : "（" + r.department() + "）"), r.tables());
    }

    private static void file(Context ctx, String format, String name, List<Table> tables) {
        String ascii = format.equals("xlsx") ? "gongkai-export.xlsx" : "gongkai-export.csv";
        ctx.header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name + "." + format, StandardCharsets.UTF_8).replace("+", "%20"));
        if (format.equals("xlsx")) {
            ctx.contentType(XLSX).result(Exports.xlsx(tables));
        } else {
            ctx.contentType("text/csv; charset=utf-8").result(Exports.csv(tables));
        }
    }

    private static String format(Context ctx) {
        String f = ctx.queryParam("format");
        String v = f == null || f.isBlank() ? "json" : f.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("json") && !v.equals("xlsx") && !v.equals("csv")) {
            throw ApiException.badRequest("BAD_FORMAT", "format 只能是 json、xlsx 或 csv", "format must be json, xlsx or csv");
        }
        return v;
    }
}
