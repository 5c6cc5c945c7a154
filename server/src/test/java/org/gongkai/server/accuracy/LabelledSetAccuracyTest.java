package org.gongkai.server.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import org.gongkai.server.App;
import org.gongkai.server.TestEnv;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.plugin.PluginRegistry;
import org.gongkai.spi.Category;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The labelled set in {@code fixtures/labelled} (written from the rules before the detectors ran) through the
 * whole pipeline: the bars of issues 3 and 4.
 */
class LabelledSetAccuracyTest {
    private static AccuracyReport.Result result;
    private static ExecutorService threads;

    @BeforeAll
    static void evaluate(@TempDir Path data) throws Exception {
        ServerConfig cfg = TestEnv.config(data);
        threads = App.extractionThreads();
        result = AccuracyReport.evaluate(TestEnv.fixtures().resolve("labelled"), App.pipeline(PluginRegistry.load(App.environment(cfg)), threads, cfg));
        AccuracyReport.print(result, System.out);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    @Test
    void the_set_has_at_least_forty_documents() {
        assertTrue(result.documents() >= 40, "labelled documents: " + result.documents());
    }

    @Test
    void every_id_number_and_secrecy_marking_is_found() {
        assertEquals(1.0, result.categories().get(Category.ID_NUMBER).recall(), "ID_NUMBER recall");
        assertEquals(1.0, result.categories().get(Category.SECRECY_MARKING).recall(), "SECRECY_MARKING recall");
    }

    @Test
    void overall_precision_and_recall_are_at_least_ninety_percent() {
        assertTrue(result.overallPrecision() >= 0.9, "precision " + result.overallPrecision());
        assertTrue(result.overallRecall() >= 0.9, "recall " + result.overallRecall());
    }

    @Test
    void disclosure_attribute_is_detected_right_on_at_least_98_percent() {
        assertTrue(result.attributeRight() >= Math.ceil(0.98 * result.documents()),
                "attribute right on " + result.attributeRight() + " of " + result.documents());
    }
}
