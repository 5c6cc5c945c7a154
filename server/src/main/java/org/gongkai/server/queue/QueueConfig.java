package org.gongkai.server.queue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.gongkai.server.auth.Actor;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;

/**
 * The review queues as configured in {@code config/queues.properties}: which queue each route feeds, the
 * stages of each queue with the roles that may act in them, review clocks, and where approval and
 * escalation lead. Keys are consumed like plugin configuration: a key nobody reads fails with
 * "Unknown parameters". Immutable.
 *
 * @param queues            queues by name, in display order
 * @param routes            the queue each route feeds
 * @param lease             how long a claim lasts before it must be renewed
 * @param publicationDays   the publication clock in working days (《政府信息公开条例》第二十六条: 20)
 * @param importantCategories finding categories that mark a document 重要信息/敏感信息
 */
public record QueueConfig(Map<String, QueueDefinition> queues, Map<Route, String> routes, Duration lease, int publicationDays,
                          Set<Category> importantCategories) {
    /** Closed outcomes an approval can lead to, besides another queue. */
    public static final String PUBLISHED = "PUBLISHED";
    public static final String REGISTERED = "REGISTERED";
    public static final String RETURNED = "RETURNED";
    /** Queue names end up in audit states of 30 characters ("NAME/2"). */
    private static final int MAX_NAME = 28;

    /**
     * One queue.
     *
     * @param name        code, e.g. {@code PUBLICATION_REVIEW}
     * @param title       Chinese name
     * @param workingDays the queue's review clock
     * @param stages      stages in order
     * @param approve     where approval at the last stage leads: {@link #PUBLISHED}, {@link #REGISTERED} or a queue
     * @param escalate    the higher-authority queue, or null when escalation is not possible here
     * @param bulkApprove codes of the stages at which several documents may be approved at once (批量通过); empty: none
     */
    public record QueueDefinition(String name, String title, int workingDays, List<Stage> stages, String approve, String escalate,
                                  Set<String> bulkApprove) {

        /** Whether policy lets APPROVE at stage index {@code stage} be given in bulk. */
        public boolean bulkApproves(int stage) {
            return stage >= 0 && stage < stages.size() && bulkApprove.contains(stages.get(stage).code());
        }

        /** The first stage that applies to a document, by its importance. */
        public int firstStage(boolean important) {
            return nextStage(-1, important);
        }

        /** The next stage after {@code stage} that applies, or -1 when {@code stage} was the last. */
        public int nextStage(int stage, boolean important) {
            for (int i = stage + 1; i < stages.size(); i++) {
                if (!stages.get(i).importantOnly() || important) {
                    return i;
                }
            }
            return -1;
        }

        /** How many stages apply to a document. */
        public int stageCount(boolean important) {
            return (int) stages.stream().filter(s -> !s.importantOnly() || important).count();
        }

        /** Indexes of the stages the actor works (department and separation of duties are checked per document). */
        public List<Integer> stagesFor(Actor a) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).works(a)) {
                    out.add(i);
                }
            }
            return out;
        }
    }

    /**
     * One stage of a queue.
     *
     * @param code             e.g. {@code SECTION_HEAD}
     * @param title            e.g. 科室负责人
     * @param roles            who may decide in this stage
     * @param ownDepartment    roles that decide here only for documents of their own department ({@code ROLE@department})
     * @param importantOnly    true for a stage only documents marked important pass (主要领导)
     */
    public record Stage(String code, String title, Set<Actor.Role> roles, Set<Actor.Role> ownDepartment, boolean importantOnly) {
        /** Whether the actor holds a role (and, for an approver limited to stages, this stage) that works this stage at all. */
        public boolean works(Actor a) {
            return actingRole(a, null, false).isPresent();
        }

        /**
         * The role in which the actor may decide a document of {@code department} at this stage: a role of the stage the
         * actor holds, an approver's stage limit respected, and department-bound roles only for their own department.
         */
        public Optional<Actor.Role> actingRole(Actor a, String department) {
            return actingRole(a, department, true);
        }

        private Optional<Actor.Role> actingRole(Actor a, String department, boolean checkDepartment) {
            for (Actor.Role r : Actor.Role.values()) {
                if (!roles.contains(r) || !a.has(r)) {
                    continue;
                }
                if (r == Actor.Role.APPROVER && !a.stages().isEmpty() && !a.stages().contains(code)) {
                    continue;
                }
                if (checkDepartment && ownDepartment.contains(r) && (a.department() == null || !a.department().equals(department))) {
                    continue;
                }
                return Optional.of(r);
            }
            return Optional.empty();
        }
    }

    /** Approval stage codes and titles (stages an APPROVER works), for limiting an approver's account to some of them. */
    public Map<String, String> approverStages() {
        Map<String, String> out = new LinkedHashMap<>();
        queues.values().forEach(q -> q.stages().stream().filter(st -> st.roles().contains(Actor.Role.APPROVER))
                .forEach(st -> out.putIfAbsent(st.code(), st.title())));
        return out;
    }

    public Optional<QueueDefinition> queue(String name) {
        return Optional.ofNullable(name == null ? null : queues.get(name));
    }

    public QueueDefinition queueForRoute(Route route) {
        return queues.get(routes.get(route));
    }

    /** Reads {@code queues.properties}. */
    public static QueueConfig load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取队列配置 / cannot read queue configuration " + file, e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).strip()));
        return parse(m, file.toString());
    }

    static QueueConfig parse(Map<String, String> props, String source) {
        return new Parser(props, source).parse();
    }

    /** Consumes keys and fails on what is left over or malformed. */
    private static final class Parser {
        private final Map<String, String> props;
        private final String source;
        private final Set<String> used = new HashSet<>();

        Parser(Map<String, String> props, String source) {
            this.props = props;
            this.source = source;
        }

        QueueConfig parse() {
            Duration lease = Duration.ofMinutes(number("lease.minutes", "30", 1, 24 * 60));
            int publicationDays = number("publication.workingDays", "20", 1, 200);
            Set<Category> important = EnumSet.noneOf(Category.class);
            for (String c : list(get("important.categories", ""))) {
                important.add(parseEnum(Category.class, c, "important.categories"));
            }
            Map<String, QueueDefinition> queues = new LinkedHashMap<>();
            List<String> names = list(require("queues"));
            for (String name : names) {
                queues.put(name, queue(name));
            }
            for (QueueDefinition q : queues.values()) {
                check(q.approve().equals(PUBLISHED) || q.approve().equals(REGISTERED) || queues.containsKey(q.approve()),
                        "queue." + q.name() + ".approve names no queue: " + q.approve());
                check(q.escalate() == null || queues.containsKey(q.escalate()), "queue." + q.name() + ".escalate names no queue: " + q.escalate());
            }
            Map<Route, String> routes = new EnumMap<>(Route.class);
            for (Route r : Route.values()) {
                String target = get("route." + r.name(), r.name());
                check(queues.containsKey(target), "route " + r + " leads to no configured queue (" + target + "); add it to 'queues' or set route." + r);
                routes.put(r, target);
            }
            TreeSet<String> unknown = new TreeSet<>(props.keySet());
            unknown.removeAll(used);
            check(unknown.isEmpty(), "Unknown parameters: " + unknown);
            return new QueueConfig(java.util.Collections.unmodifiableMap(queues), Map.copyOf(routes), lease, publicationDays,
                    Set.copyOf(important));
        }

        private QueueDefinition queue(String name) {
            check(name.matches("[A-Z][A-Z0-9_]*") && name.length() <= MAX_NAME, "queue name must be A-Z, 0-9, _ and at most " + MAX_NAME + " characters: " + name);
            String k = "queue." + name + ".";
            List<Stage> stages = new ArrayList<>();
            for (String code : list(require(k + "stages"))) {
                stages.add(stage(k + "stage." + code, code));
            }
            check(stages.stream().anyMatch(s -> !s.importantOnly()), k + "stages: at least one stage must apply to every document");
            Set<String> bulk = new java.util.LinkedHashSet<>(list(get(k + "bulkApprove", "")));
            for (String b : bulk) {
                check(stages.stream().anyMatch(s -> s.code().equals(b)), k + "bulkApprove names no stage of the queue: " + b);
            }
            return new QueueDefinition(name, get(k + "title", name), number(k + "workingDays", "5", 0, 200), List.copyOf(stages),
                    get(k + "approve", PUBLISHED), props.containsKey(k + "escalate") ? require(k + "escalate") : null, Set.copyOf(bulk));
        }

        private Stage stage(String key, String code) {
            String[] f = require(key).split(":");
            check(f.length == 2 || (f.length == 3 && f[2].strip().equals("important")),
                    key + " must be <名称>:<ROLE>[@department][,<ROLE>…][:important]");
            Set<Actor.Role> roles = EnumSet.noneOf(Actor.Role.class);
            Set<Actor.Role> own = EnumSet.noneOf(Actor.Role.class);
            for (String r : list(f[1])) {
                boolean department = r.endsWith("@department");
                Actor.Role role = parseEnum(Actor.Role.class, department ? r.substring(0, r.length() - "@department".length()) : r, key);
                check(Actor.Role.documentRoles().contains(role), key + ": only DRAFTER, DOCUMENT_OFFICE, SECRECY_REVIEWER and APPROVER decide documents, not " + role);
                roles.add(role);
                if (department) {
                    own.add(role);
                }
            }
            check(!roles.isEmpty(), key + " names no role");
            return new Stage(code, f[0].strip(), Set.copyOf(roles), Set.copyOf(own), f.length == 3);
        }

        private String require(String key) {
            String v = props.get(key);
            check(v != null && !v.isBlank(), "missing key " + key);
            used.add(key);
            return v;
        }

        private String get(String key, String dflt) {
            used.add(key);
            String v = props.get(key);
            return v == null || v.isBlank() ? dflt : v;
        }

        private int number(String key, String dflt, int min, int max) {
            String v = get(key, dflt);
            try {
                int n = Integer.parseInt(v);
                check(n >= min && n <= max, key + " must be from " + min + " to " + max);
                return n;
            } catch (NumberFormatException e) {
                throw fail(key + " is not a number: " + v);
            }
        }

        private <E extends Enum<E>> E parseEnum(Class<E> type, String v, String key) {
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                throw fail(key + ": unknown " + type.getSimpleName() + " '" + v + "'; known: " + Arrays.toString(type.getEnumConstants()));
            }
        }

        private static List<String> list(String v) {
            return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        private void check(boolean ok, String message) {
            if (!ok) {
                throw fail(message);
            }
        }

        private IllegalArgumentException fail(String message) {
            return new IllegalArgumentException("队列配置无效 / invalid queue configuration " + source + ": " + message);
        }
    }
}
