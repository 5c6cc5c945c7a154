package org.gongkai.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.gongkai.spi.Attribute;
import org.gongkai.spi.Category;
import org.gongkai.spi.Route;
import org.gongkai.spi.RoutingInput;

/** A parsed routing policy file: an ordered list of rules, the first match wins. */
final class RoutingPolicy {
    private final List<RoutingRule> rules;

    private RoutingPolicy(List<RoutingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    List<RoutingRule> rules() {
        return rules;
    }

    Optional<RoutingRule> firstMatch(RoutingInput in) {
        return rules.stream().filter(r -> r.matches(in)).findFirst();
    }

    static RoutingPolicy load(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses policy lines; throws IllegalArgumentException naming the file and line of the first error. */
    static RoutingPolicy parse(List<String> lines, String name) {
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                rules.add(parseRule(i + 1, line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("路由规则文件 " + name + " 第" + (i + 1) + "行有误 / routing policy "
                        + name + " line " + (i + 1) + ": " + e.getMessage() + " — \"" + line + "\"", e);
            }
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("路由规则文件为空 / routing policy " + name + " has no rules");
        }
        return new RoutingPolicy(rules);
    }

    private static RoutingRule parseRule(int lineNo, String line) {
        int arrow = line.indexOf("->");
        if (arrow < 0) {
            throw new IllegalArgumentException("missing '->'");
        }
        String head = line.substring(0, arrow).strip();
        String[] tail = line.substring(arrow + 2).strip().split("\\s+");
        Route route = Route.valueOf(tail[0].toUpperCase(Locale.ROOT));
        Optional<Category> adds = Optional.empty();
        if (tail.length == 3 && tail[1].equals("add")) {
            adds = Optional.of(Category.valueOf(tail[2]));
        } else if (tail.length != 1) {
            throw new IllegalArgumentException("expected '-> ROUTE [add CATEGORY]'");
        }
        List<Condition> conditions = new ArrayList<>();
        if (!head.equals("otherwise")) {
            if (!head.startsWith("when ")) {
                throw new IllegalArgumentException("a rule starts with 'when' or 'otherwise'");
            }
            for (String part : head.substring(5).split("\\s+and\\s+")) {
                conditions.add(parseCondition(part.strip()));
            }
        }
        return new RoutingRule(lineNo, line, conditions, route, adds);
    }

    private static Condition parseCondition(String c) {
        String[] w = c.split("\\s+", 2);
        return switch (w[0]) {
            case "any" -> {
                String arg = arg(w, c);
                if (arg.equals("@exempt")) {
                    yield new Condition.AnyExempt();
                }
                Set<Category> cats = EnumSet.noneOf(Category.class);
                for (String s : arg.split(",")) {
                    cats.add(Category.valueOf(s.strip()));
                }
                yield new Condition.AnyOf(cats);
            }
            case "attribute" -> {
                Set<Attribute> as = EnumSet.noneOf(Attribute.class);
                for (String s : arg(w, c).split(",")) {
                    as.add(Attribute.valueOf(s.strip()));
                }
                yield new Condition.AttributeIn(as);
            }
            case "reason" -> new Condition.HasReason();
            case "clean" -> new Condition.Clean();
            default -> throw new IllegalArgumentException("unknown condition '" + w[0] + "' (any, attribute, reason, clean)");
        };
    }

    private static String arg(String[] w, String c) {
        if (w.length < 2 || w[1].isBlank()) {
            throw new IllegalArgumentException("condition '" + c + "' needs an argument");
        }
        return w[1].strip();
    }
}
