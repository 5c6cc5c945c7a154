package org.gongkai.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gongkai.spi.Finding;
import org.gongkai.spi.PluginConfig;
import org.gongkai.spi.RouteDecision;
import org.gongkai.spi.Router;
import org.gongkai.spi.RoutingInput;
import org.gongkai.spi.Severity;

/**
 * Routes documents by the rules of a policy file ({@code config/routing.rules} by default; parameter
 * {@code rules} names another), so that an office changes its policy without recompiling. The default
 * file encodes the contract's default routing (shared/CONTRACT.md).
 */
public final class PolicyRouter implements Router {
    private volatile RoutingPolicy policy;

    @Override
    public String name() {
        return "policy";
    }

    @Override
    public void configure(PluginConfig config) {
        String rules = config.get("rules", null);
        Path file = rules == null ? config.environment().config().resolve("routing.rules") : Path.of(rules);
        try {
            policy = RoutingPolicy.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("路由规则文件无法读取 / cannot read routing policy " + file, e);
        }
    }

    /** For tests and tools: a router over policy text given directly. */
    public static PolicyRouter of(List<String> lines) {
        PolicyRouter r = new PolicyRouter();
        r.policy = RoutingPolicy.parse(lines, "<inline>");
        return r;
    }

    @Override
    public Optional<RouteDecision> route(RoutingInput input) {
        RoutingPolicy p = policy;
        if (p == null) {
            throw new IllegalStateException("policy router used before configure()");
        }
        return p.firstMatch(input).map(rule -> new RouteDecision(rule.route(), "第" + rule.line() + "行规则 / rule line "
                + rule.line() + ": " + rule.source(), rule.adds().map(c -> List.of(Finding.document(c, Severity.HIGH, null,
                explain(input, rule), name()))).orElse(List.of())));
    }

    private static String explain(RoutingInput in, RoutingRule rule) {
        String found = in.findings().stream().filter(f -> f.category().exempt() && Condition.counts(f))
                .map(f -> f.category().chinese()).distinct().reduce((a, b) -> a + "、" + b).orElse("");
        return "公开属性为“" + in.effective().chinese() + "”，但文件含有不宜公开的内容（" + found
                + "）。确定为主动公开的公文，不可夹带依申请公开和不予公开的内容，须区分处理后方可公开。";
    }
}
