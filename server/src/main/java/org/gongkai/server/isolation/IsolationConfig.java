package org.gongkai.server.isolation;

import java.util.Map;

/**
 * How the server isolates parsers: each extraction runs in a child JVM of a small warm pool.
 *
 * @param childHeapMb      {@code -Xmx} of each child in MB (GONGKAI_EXTRACT_HEAP_MB, default 768); a document that
 *                         needs more costs that document (MANUAL_REVIEW), never the server
 * @param restartAfter     a child is replaced after this many documents (GONGKAI_EXTRACT_RESTART_AFTER, default 5000),
 *                         so that what a parser leaks or caches cannot build up
 * @param startupSeconds   how long a new child may take to load the extractors before it counts as broken
 */
public record IsolationConfig(int childHeapMb, int restartAfter, int startupSeconds) {
    public IsolationConfig {
        if (childHeapMb < 32 || restartAfter < 1 || startupSeconds < 1) {
            throw new IllegalArgumentException("GONGKAI_EXTRACT_HEAP_MB must be ≥ 32 and GONGKAI_EXTRACT_RESTART_AFTER ≥ 1");
        }
    }

    public static IsolationConfig fromEnvironment(Map<String, String> env) {
        return new IsolationConfig(Integer.parseInt(env.getOrDefault("GONGKAI_EXTRACT_HEAP_MB", "768").strip()),
                Integer.parseInt(env.getOrDefault("GONGKAI_EXTRACT_RESTART_AFTER", "5000").strip()), 180);
    }

    public IsolationConfig withChildHeapMb(int mb) {
        return new IsolationConfig(mb, restartAfter, startupSeconds);
    }

    public IsolationConfig withRestartAfter(int n) {
        return new IsolationConfig(childHeapMb, n, startupSeconds);
    }
}
