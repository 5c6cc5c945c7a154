package org.gongkai.server.auth.oidc;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.gongkai.server.auth.Actor.Role;

/**
 * How the unified identity platform's claims become a gongkai account ({@code config/oidc.properties}): which
 * claim holds the username, the name and the department, which claim lists the platform's roles or groups, and
 * which gongkai role each of those values grants. Keys nobody reads fail the start-up ("Unknown parameters").
 *
 * @param usernameClaim   e.g. preferred_username (its value must be an ASCII username)
 * @param nameClaim       e.g. name
 * @param departmentClaim e.g. department (absent: no department)
 * @param rolesClaim      e.g. roles or groups (a string or a list of strings)
 * @param roles           platform value → gongkai roles
 * @param defaultRoles    roles when no value maps (empty: such users may not sign in)
 */
public record OidcMapping(String usernameClaim, String nameClaim, String departmentClaim, String rolesClaim, Map<String, Set<Role>> roles,
                          Set<Role> defaultRoles) {

    public static OidcMapping load(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("无法读取统一身份认证配置 / cannot read " + file, e);
            }
        }
        Set<String> used = new HashSet<>();
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        for (String k : new TreeSet<>(p.stringPropertyNames())) {
            if (k.startsWith("role.")) {
                used.add(k);
                roles.put(k.substring(5), parse(p.getProperty(k), k, file));
            }
        }
        String user = get(p, used, "claim.username", "preferred_username");
        String name = get(p, used, "claim.name", "name");
        String dept = get(p, used, "claim.department", "department");
        String rolesClaim = get(p, used, "claim.roles", "roles");
        Set<Role> dflt = parse(get(p, used, "default.roles", ""), "default.roles", file);
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("统一身份认证配置无效 / invalid " + file + ": Unknown parameters: " + unknown);
        }
        return new OidcMapping(user, name, dept, rolesClaim, Map.copyOf(roles), dflt);
    }

    /** The gongkai roles for the platform values a user carries. */
    public Set<Role> rolesFor(Collection<String> values) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (String v : values) {
            out.addAll(roles.getOrDefault(v, Set.of()));
        }
        return out.isEmpty() ? defaultRoles : out;
    }

    private static String get(Properties p, Set<String> used, String key, String dflt) {
        used.add(key);
        String v = p.getProperty(key);
        return v == null || v.isBlank() ? dflt : v.strip();
    }

    private static Set<Role> parse(String v, String key, Path file) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        List<String> names = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                names.add(s.strip().toUpperCase(Locale.ROOT));
            }
        }
        for (String n : names) {
            try {
                Role r = Role.valueOf(n);
                if (r == Role.SYSTEM) {
                    throw new IllegalArgumentException();
                }
                out.add(r);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("统一身份认证配置无效 / invalid " + file + ": " + key + ": unknown role " + n);
            }
        }
        return out;
    }
}
