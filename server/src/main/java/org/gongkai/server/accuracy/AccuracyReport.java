package org.gongkai.server.accuracy;

import java.util.List;
import org.gongkai.server.config.ServerConfig;

/** Accuracy entry point; filled in below. */
public final class AccuracyReport {
    private AccuracyReport() {
    }

    public static int run(List<String> args, ServerConfig cfg) {
        throw new UnsupportedOperationException("accuracy report not yet written");
    }
}
