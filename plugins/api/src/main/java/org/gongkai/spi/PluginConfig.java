package org.gongkai.spi;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The configuration of one plugin: string parameters that are consumed as they are read (in the manner of
 * Lucene's analysis factories), and the host environment (where dictionaries and data live).
 *
 * @since 0.1
 */
public final class PluginConfig {
    private final String pluginName;
    private final Map<String, String> remaining;
    private final Environment environment;

    /**
     * Where the host keeps files a plugin may read.
     *
     * @param dictionaries folder of keyword lists ({@code ./dictionaries} by default)
     * @param config       folder of configuration files such as the routing policy
     * @param data         the server's data folder (may be a temporary folder for the CLI)
     */
    public record Environment(Path dictionaries, Path config, Path data) {
        public Environment {
            Objects.requireNonNull(dictionaries, "dictionaries");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(data, "data");
        }
    }

    public PluginConfig(String pluginName, Map<String, String> parameters, Environment environment) {
        this.pluginName = pluginName;
        this.remaining = new HashMap<>(parameters);
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public String pluginName() {
        return pluginName;
    }

    public Environment environment() {
        return environment;
    }

    /** Reads and consumes an optional parameter. */
    public String get(String key, String defaultValue) {
        String v = remaining.remove(key);
        return v == null ? defaultValue : v;
    }

    /** Reads and consumes a required parameter. */
    public String require(String key) {
        String v = remaining.remove(key);
        if (v == null) {
            throw new IllegalArgumentException("Plugin '" + pluginName + "': missing parameter '" + key + "'");
        }
        return v;
    }

    public int getInt(String key, int defaultValue) {
        String v = get(key, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Plugin '" + pluginName + "': parameter '" + key + "' is not an integer: " + v, e);
        }
    }

    public double getDouble(String key, double defaultValue) {
        String v = get(key, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Plugin '" + pluginName + "': parameter '" + key + "' is not a number: " + v, e);
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String v = get(key, null);
        return v == null ? defaultValue : Boolean.parseBoolean(v.strip());
    }

    /**
     * Fails when parameters were given that the plugin did not read. Called by the host after
     * {@link Plugin#configure(PluginConfig)}.
     *
     * @throws IllegalArgumentException "Unknown parameters: …" listing the unread keys
     */
    public void ensureConsumed() {
        if (!remaining.isEmpty()) {
            throw new IllegalArgumentException("Plugin '" + pluginName + "': Unknown parameters: " + new TreeSet<>(remaining.keySet()));
        }
    }
}
