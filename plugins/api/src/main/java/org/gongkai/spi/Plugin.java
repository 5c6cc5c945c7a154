package org.gongkai.spi;

import java.util.regex.Pattern;

/**
 * Common contract of every gongkai plugin ({@link Extractor}, {@link StructureParser}, {@link Detector},
 * {@link Router}). Plugins are found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/<interface>} and therefore need a public no-argument constructor.
 *
 * <p>Life cycle: the host instantiates the plugin, calls {@link #configure(PluginConfig)} exactly once,
 * then uses it from many threads at once. Implementations must be thread-safe after configuration and hold
 * no static mutable state.
 *
 * @since 0.1
 */
public interface Plugin {
    /** Allowed plugin names: lowercase ASCII, digits and dashes, starting with a letter. */
    Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    /**
     * The stable lowercase name of this plugin ({@link #NAME}); it appears in findings' {@code detector}
     * field and in configuration. Never changes between versions.
     */
    String name();

    /** The version of this plugin, by default the implementation version of its jar, or {@code "dev"}. */
    default String version() {
        String v = getClass().getPackage() == null ? null : getClass().getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Applies configuration. Implementations read every key they know with {@link PluginConfig#get} or
     * {@link PluginConfig#require}; the host then fails start-up with "Unknown parameters: …" for any key
     * left unread. The default accepts no parameters.
     *
     * @throws IllegalArgumentException when a value is invalid; the message names the key
     */
    default void configure(PluginConfig config) {
    }
}
