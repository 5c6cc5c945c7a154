package org.gongkai.server.maintenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gongkai.server.audit.SecurityAudit;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.http.ApiException;
import org.gongkai.server.storage.Database;

/**
 * Edits the files an office maintains (the word lists and the context-rules files of {@code config/}): reads them with a
 * version (the content's SHA-256), applies a change — lines added, removed or replaced — only to the version the
 * editor saw, validates the whole new content with the kind's {@link ListValidator}, writes it atomically (the
 * detectors reload changed files: dictionaries and rule books look at their files at most once a second), and records who changed what, when and why (table {@code list_change}, V7) and in
 * the security audit. Only the document office edits; reviewers may read.
 */
public final class ListEditor {
    private static final int MAX_CHANGE = 2000;
    private final Map<String, ListKind> kinds = new LinkedHashMap<>();
    private final Database db;
    private final SecurityAudit audit;
    private final Clock clock;

    public ListEditor(List<ListKind> kinds, Database db, SecurityAudit audit, Clock clock) {
        kinds.forEach(k -> this.kinds.put(k.name(), k));
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** A file as listed. */
    public record FileView(String kind, String kindTitle, String file, int entries, String version) {
    }

    /** A file's content: every line, which are entries, its version and the editor's columns. */
    public record Content(String kind, String file, String version, List<String> columns, List<Line> lines) {
    }

    public record Line(int number, String text, boolean entry) {
    }

    /**
     * A change to one file: lines to remove and to replace (matched exactly) and lines to add at the end, against the
     * version the editor read.
     */
    public record Change(String version, List<String> add, List<String> remove, List<Replace> replace, String comment) {
    }

    public record Replace(String from, String to) {
    }

    /** One recorded change. */
    public record History(long id, OffsetDateTime changedAt, String actor, String actorName, List<String> added, List<String> removed,
                          String comment) {
    }

    public List<FileView> files(Actor actor) {
        requireReader(actor);
        List<FileView> out = new ArrayList<>();
        for (ListKind k : kinds.values()) {
            if (!Files.isDirectory(k.folder())) {
                continue;
            }
            try (Stream<Path> s = Files.list(k.folder())) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (k.files().test(name)) {
                        List<String> lines = read(p);
                        out.add(new FileView(k.name(), k.title(), name, (int) lines.stream().filter(ListEditor::entry).count(), sha(lines)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public Content content(Actor actor, String kind, String file) {
        requireReader(actor);
        ListKind k = kind(kind);
        Path p = path(k, file);
        List<String> lines = read(p);
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(new Line(i + 1, lines.get(i), entry(lines.get(i))));
        }
        return new Content(k.name(), file, sha(lines), k.columns().apply(file), out);
    }

    /** Applies a change; 409 when the file changed since the editor read it, 400 with every problem when invalid. */
    public synchronized Content change(Actor actor, String kind, String file, Change c) {
        if (!actor.has(Actor.Role.DOCUMENT_OFFICE)) {
            throw new ApiException(403, "FORBIDDEN", "只有办文机构可以修改词典和规则", "only the document office edits word lists and rules");
        }
        ListKind k = kind(kind);
        Path p = path(k, file);
        if (c == null) {
            throw ApiException.badRequest("BAD_CHANGE", "请求体应为修改内容 JSON", "the body must be a change as JSON");
        }
        List<String> before = read(p);
        String was = sha(before);
        if (c.version() == null || !c.version().equals(was)) {
            throw new ApiException(409, "STALE_VERSION", "文件已被他人修改，请刷新后重新编辑", "the file changed since you read it; reload and edit again");
        }
        List<String> add = clean(c.add());
        List<String> remove = clean(c.remove());
        List<Replace> replace = c.replace() == null ? List.of() : c.replace();
        if (add.size() + remove.size() + replace.size() == 0) {
            throw ApiException.badRequest("EMPTY_CHANGE", "没有要保存的修改", "nothing to change");
        }
        if (add.size() + remove.size() + replace.size() > MAX_CHANGE) {
            throw ApiException.badRequest("CHANGE_TOO_LARGE", "一次修改不超过 " + MAX_CHANGE + " 行", "at most " + MAX_CHANGE + " lines per change");
        }
        String comment = c.comment() == null || c.comment().isBlank() ? null : c.comment().strip();
        if (comment != null && comment.length() > 2000) {
            throw ApiException.badRequest("FIELD_TOO_LONG", "修改说明过长（上限 2000 字符）", "comment longer than 2000 characters");
        }
        List<String> after = new ArrayList<>(before);
        List<String> added = new ArrayList<>(add);
        List<String> removed = new ArrayList<>();
        for (String r : remove) {
            if (!after.remove(r)) {
                throw ApiException.badRequest("NO_SUCH_LINE", "要删除的行不在文件中：" + r, "the line to remove is not in the file: " + r);
            }
            removed.add(r);
        }
        for (Replace r : replace) {
            int at = r == null || r.from() == null ? -1 : after.indexOf(r.from());
            if (at < 0 || r.to() == null || r.to().contains("\n") || r.to().contains("\r")) {
                throw ApiException.badRequest("NO_SUCH_LINE", "要修改的行不在文件中：" + (r == null ? "" : r.from()), "the line to replace is not in the file");
            }
            after.set(at, r.to());
            removed.add(r.from());
            added.add(r.to());
        }
        after.addAll(add);
        List<String> problems = k.validator().problems(file, after);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("INVALID_LIST", "修改未保存：" + String.join("；", problems.subList(0, Math.min(10, problems.size())))
                    + (problems.size() > 10 ? "；等 " + problems.size() + " 处" : ""), "not saved: " + problems.size() + " problem(s) in the new content");
        }
        write(p, after);
        String now = sha(after);
        OffsetDateTime at = OffsetDateTime.now(clock);
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO list_change (list_kind, list_file, changed_at, actor, actor_name, actor_role, added_lines, "
                        + "removed_lines, added_count, removed_count, comment_text, sha256_before, sha256_after) VALUES (:kind, :file, :at, :actor, :name, "
                        + ":role, :added, :removed, :na, :nr, :comment, :before, :after)")
                .bind("kind", k.name()).bind("file", file).bind("at", at).bind("actor", actor.id()).bind("name", actor.displayName())
                .bind("role", Actor.Role.DOCUMENT_OFFICE.name()).bind("added", String.join("\n", added)).bind("removed", String.join("\n", removed))
                .bind("na", added.size()).bind("nr", removed.size()).bind("comment", comment).bind("before", was).bind("after", now).execute());
        audit.success(actor, SecurityAudit.Action.LIST_CHANGED, k.name() + "/" + file, null,
                "增 " + added.size() + " 行、删 " + removed.size() + " 行" + (comment == null ? "" : "；" + (comment.length() > 200 ? comment.substring(0, 200) : comment)));
        return content(actor, kind, file);
    }

    public List<History> history(Actor actor, String kind, String file, int offset, int limit) {
        requireReader(actor);
        ListKind k = kind(kind);
        path(k, file);
        return db.jdbi().withHandle(h -> h.createQuery("SELECT id, changed_at, actor, actor_name, added_lines, removed_lines, comment_text FROM list_change "
                        + "WHERE list_kind = :kind AND list_file = :file ORDER BY id DESC OFFSET " + Math.max(0, offset) + " ROWS FETCH NEXT "
                        + Math.max(1, Math.min(100, limit)) + " ROWS ONLY").bind("kind", k.name()).bind("file", file)
                .map((rs, c) -> new History(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                        split(rs.getString(5)), split(rs.getString(6)), rs.getString(7))).list());
    }

    private ListKind kind(String name) {
        ListKind k = name == null ? null : kinds.get(name);
        if (k == null) {
            throw ApiException.notFound("文件类别 / kind of list", String.valueOf(name));
        }
        return k;
    }

    /** A plain file name of the kind, inside its folder and existing; anything else is 404 (no path is ever built from it). */
    private static Path path(ListKind k, String file) {
        if (file == null || file.length() > 200 || !file.matches("[A-Za-z0-9_.-]+") || file.startsWith(".") || !k.files().test(file)) {
            throw ApiException.notFound("文件 / list", String.valueOf(file));
        }
        Path p = k.folder().resolve(file).normalize();
        if (!p.getParent().equals(k.folder().normalize()) || !Files.isRegularFile(p)) {
            throw ApiException.notFound("文件 / list", file);
        }
        return p;
    }

    private static void requireReader(Actor actor) {
        if (!actor.has(Actor.Role.DOCUMENT_OFFICE) && !actor.has(Actor.Role.SECRECY_REVIEWER)) {
            throw new ApiException(403, "FORBIDDEN", "只有办文机构和保密审查员可以查看词典维护", "only the document office and secrecy reviewers read word lists");
        }
    }

    static boolean entry(String line) {
        String s = line.strip();
        return !s.isEmpty() && !s.startsWith("#");
    }

    private static List<String> clean(List<String> lines) {
        if (lines == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l == null || l.contains("\n") || l.contains("\r")) {
                throw ApiException.badRequest("BAD_LINE", "每项只能是一行", "each item must be one line");
            }
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<String> read(Path p) {
        try {
            String s = Files.readString(p, StandardCharsets.UTF_8);
            if (s.startsWith("\uFEFF")) {
                s = s.substring(1);
            }
            List<String> lines = new ArrayList<>(List.of(s.split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 / cannot read " + p.getFileName(), e);
        }
    }

    private static void write(Path p, List<String> lines) {
        try {
            Path tmp = Files.createTempFile(p.getParent(), ".edit-", ".tmp");
            try {
                Files.writeString(tmp, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 / cannot write " + p.getFileName(), e);
        }
    }

    static String sha(List<String> lines) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }
}
