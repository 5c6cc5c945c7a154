package org.gongkai.server.plugin;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.gongkai.spi.Detector;
import org.gongkai.spi.Extractor;
import org.gongkai.spi.Plugin;
import org.gongkai.spi.PluginConfig;
import org.gongkai.spi.Router;
import org.gongkai.spi.StructureParser;

/**
 * The plugins in use, found with {@link ServiceLoader}, selected, ordered and configured by
 * {@code config/plugins.properties}. Names are checked at load (stable lowercase, unique per family); a name
 * that is not found fails start-up with the names available, and unknown parameters fail too.
 */
public final class PluginRegistry {
    private final List<Extractor> extractors;
    private final StructureParser structure;
    private final List<Detector> detectors;
    private final List<Router> routers;

    public PluginRegistry(List<Extractor> extractors, StructureParser structure, List<Detector> detectors, List<Router> routers) {
        this.extractors = List.copyOf(extractors);
        this.structure = structure;
        this.detectors = List.copyOf(detectors);
        this.routers = List.copyOf(routers);
    }

    /** Loads and configures the plugins named in {@code configDir/plugins.properties}. */
    public static PluginRegistry load(PluginConfig.Environment env) {
        Properties props = properties(env);
        Map<String, Map<String, String>> params = parameters(props);
        List<Extractor> ex = select(Extractor.class, list(props, "extractors"), params, env);
        List<StructureParser> sp = select(StructureParser.class, list(props, "structure"), params, env);
        if (sp.size() != 1) {
            throw new IllegalStateException("exactly one structure parser must be configured (structure=…)");
        }
        List<Detector> det = select(Detector.class, list(props, "detectors"), params, env);
        List<Router> ro = select(Router.class, list(props, "routers"), params, env);
        params.keySet().removeAll(names(ex));
        params.keySet().removeAll(names(sp));
        params.keySet().removeAll(names(det));
        params.keySet().removeAll(names(ro));
        if (!params.isEmpty()) {
            throw new IllegalStateException("插件配置中有未启用的插件参数 / parameters for plugins that are not enabled: " + new TreeSet<>(params.keySet()));
        }
        return new PluginRegistry(ex, sp.get(0), det, ro);
    }

    /**
     * Only the extractors of {@code configDir/plugins.properties}, configured as {@link #load} configures them: what an
     * extraction child process needs (it never loads detectors and their dictionaries).
     */
    public static List<Extractor> loadExtractors(PluginConfig.Environment env) {
        Properties props = properties(env);
        return select(Extractor.class, list(props, "extractors"), parameters(props), env);
    }

    private static Properties properties(PluginConfig.Environment env) {
        Properties props = new Properties();
        Path file = env.config().resolve("plugins.properties");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("插件配置无法读取 / cannot read plugin configuration " + file + ": " + e.getMessage(), e);
        }
        return props;
    }

    private static Map<String, Map<String, String>> parameters(Properties props) {
        Map<String, Map<String, String>> params = new HashMap<>();
        for (String key : props.stringPropertyNames()) {
            int dot = key.indexOf('.');
            if (dot > 0) {
                params.computeIfAbsent(key.substring(0, dot), k -> new HashMap<>()).put(key.substring(dot + 1), props.getProperty(key).strip());
            }
        }
        return params;
    }

    private static List<String> names(List<? extends Plugin> ps) {
        return ps.stream().map(Plugin::name).toList();
    }

    private static List<String> list(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("plugins.properties: '" + key + "' is required");
        }
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** All registered implementations of a family, by name, after checking names. */
    public static <T extends Plugin> Map<String, ServiceLoader.Provider<T>> available(Class<T> type) {
        Map<String, ServiceLoader.Provider<T>> byName = new LinkedHashMap<>();
        for (ServiceLoader.Provider<T> p : ServiceLoader.load(type).stream().toList()) {
            String name = p.get().name();
            if (name == null || !Plugin.NAME.matcher(name).matches()) {
                throw new IllegalStateException("plugin " + p.type().getName() + " has an invalid name '" + name + "' (lowercase, digits, dashes)");
            }
            if (byName.putIfAbsent(name, p) != null) {
                throw new IllegalStateException("two " + type.getSimpleName() + " plugins are named '" + name + "': "
                        + byName.get(name).type().getName() + " and " + p.type().getName());
            }
        }
        return byName;
    }

    private static <T extends Plugin> List<T> select(Class<T> type, List<String> wanted, Map<String, Map<String, String>> params, PluginConfig.Environment env) {
        Map<String, ServiceLoader.Provider<T>> byName = available(type);
        List<T> out = new ArrayList<>();
        for (String name : wanted) {
            ServiceLoader.Provider<T> p = byName.get(name);
            if (p == null) {
                throw new IllegalStateException("找不到插件 / no " + type.getSimpleName() + " plugin named '" + name + "'; available: " + byName.keySet());
            }
            T plugin = p.get();
            PluginConfig cfg = new PluginConfig(name, params.getOrDefault(name, Map.of()), env);
            plugin.configure(cfg);
            cfg.ensureConsumed();
            out.add(plugin);
        }
        return out;
    }

    public List<Extractor> extractors() {
        return extractors;
    }

    public StructureParser structure() {
        return structure;
    }

    public List<Detector> detectors() {
        return detectors;
    }

    public List<Router> routers() {
        return routers;
    }

    /** Description of every active plugin, for {@code GET /api/v1/plugins}. */
    public List<PluginInfo> describe() {
        List<PluginInfo> out = new ArrayList<>();
        extractors.forEach(p -> out.add(new PluginInfo(p.name(), "extractor", p.version(), p.getClass().getName(), List.copyOf(new TreeSet<>(p.mediaTypes())))));
        out.add(new PluginInfo(structure.name(), "structure", structure.version(), structure.getClass().getName(), List.of()));
        detectors.forEach(p -> out.add(new PluginInfo(p.name(), "detector", p.version(), p.getClass().getName(),
                p.categories().stream().map(Enum::name).sorted().toList())));
        routers.forEach(p -> out.add(new PluginInfo(p.name(), "router", p.version(), p.getClass().getName(), List.of())));
        return out;
    }

    /**
     * The word lists of every detector that has them ({@link org.gongkai.spi.WordLists}), for
     * {@code GET /api/v1/dictionaries}: file, category, term count and the version stored with findings.
     */
    public List<DictionaryView> dictionaries() {
        List<DictionaryView> out = new ArrayList<>();
        for (Detector d : detectors) {
            if (d instanceof org.gongkai.spi.WordLists w) {
                w.wordLists().forEach(l -> out.add(new DictionaryView(d.name(), l.file(), l.category(), l.terms(), l.version())));
            }
        }
        return out;
    }

    /**
     * Every active plugin that reads rules files an office edits ({@link org.gongkai.spi.RulesFileOwner}), for the
     * workbench's rules editor: which files it may edit and how an edit is validated.
     */
    public List<org.gongkai.spi.RulesFileOwner> rulesOwners() {
        List<org.gongkai.spi.RulesFileOwner> out = new ArrayList<>();
        List<Plugin> all = new ArrayList<>(extractors);
        all.add(structure);
        all.addAll(detectors);
        all.addAll(routers);
        for (Plugin p : all) {
            if (p instanceof org.gongkai.spi.RulesFileOwner o) {
                out.add(o);
            }
        }
        return out;
    }

    /** One word list as listed by the API. */
    public record DictionaryView(String detector, String file, String category, int terms, String version) {
    }

    /** One loaded plugin: name, family, version, class, and what it handles (media types or categories). */
    public record PluginInfo(String name, String family, String version, String className, List<String> handles) {
    }
}
