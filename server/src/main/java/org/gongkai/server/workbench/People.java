package org.gongkai.server.workbench;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.gongkai.server.auth.Actor;
import org.gongkai.server.storage.Database;

/** Display names (中文姓名) of account ids, so pages show 张三 rather than zhang.san. Unknown ids map to themselves. */
public final class People {
    private static final int MAX = 200;
    private final Database db;

    public People(Database db) {
        this.db = db;
    }

    public Map<String, String> names(Collection<String> ids) {
        Set<String> want = ids.stream().filter(i -> i != null && !i.isBlank() && i.length() <= 64).limit(MAX).collect(Collectors.toSet());
        Map<String, String> out = new TreeMap<>();
        if (want.isEmpty()) {
            return out;
        }
        Map<String, String> found = new HashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT username_key, display_name FROM account WHERE username_key IN (<ids>)")
                .bindList("ids", List.copyOf(want)).map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> found.put(e.getKey(), e.getValue())));
        for (String id : want) {
            out.put(id, found.getOrDefault(id, id.equals(Actor.SYSTEM.id()) ? Actor.SYSTEM.displayName()
                    : id.equals("admin") ? Actor.bootstrapAdministrator().displayName() : id));
        }
        return out;
    }

    public String name(String id) {
        return id == null ? null : names(List.of(id)).getOrDefault(id, id);
    }
}
