package org.gongkai.server.bench;

import java.util.List;
import org.gongkai.server.config.ServerConfig;

/** Benchmark entry point; filled in below. */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static int run(List<String> args, ServerConfig cfg) {
        throw new UnsupportedOperationException("benchmarks not yet written");
    }
}
