package org.gongkai.server.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gongkai.spi.Category;
import org.junit.jupiter.api.Test;

/** The set-level measures issue 10 sets targets for, computed from the per-category counts. */
class AccuracyMeasuresTest {

    private static AccuracyReport.Score score(int expected, int found, int reported, int correct) {
        AccuracyReport.Score s = new AccuracyReport.Score();
        s.expected = expected;
        s.found = found;
        s.reported = reported;
        s.correct = correct;
        return s;
    }

    private static AccuracyReport.Result result() {
        Map<Category, AccuracyReport.Score> m = new EnumMap<>(Category.class);
        m.put(Category.ATTRIBUTE_MISSING, score(10, 10, 10, 10));
        m.put(Category.PERSON_NAME, score(4, 3, 8, 3));
        m.put(Category.HIDDEN_CONTENT, score(1, 1, 3, 1));
        return new AccuracyReport.Result(m, 40, 40, 38, List.of(), 7, 7, List.of("budget.pdf: SECRET_CONTENT “保密”"));
    }

    @Test
    void content_precision_leaves_out_the_attribute_bookkeeping() {
        AccuracyReport.Result r = result();
        assertEquals(4.0 / 11, r.contentPrecision(), 1e-9);
        assertEquals(4.0 / 5, r.contentRecall(), 1e-9);
        assertEquals(14.0 / 21, r.overallPrecision(), 1e-9);
    }

    @Test
    void unwanted_findings_are_scaled_to_twenty_documents() {
        assertEquals(3.5, result().unwantedPer20(false), 1e-9);
        assertEquals(0.0, new AccuracyReport.Result(new EnumMap<>(Category.class), 0, 0, 0, List.of(), 0, 0, List.of()).unwantedPer20(true));
    }

    @Test
    void the_printed_report_names_documents_sent_to_secrecy_review_by_a_dictionary_term() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AccuracyReport.print(result(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(true, out.contains("content findings (EXEMPT categories): precision 0.36 (4/11), recall 0.80 (4/5)"), out);
        assertEquals(true, out.contains("unwanted findings: 7 = 3.5 per 20 documents"), out);
        assertEquals(true, out.contains("by a dictionary term: 1\n  budget.pdf: SECRET_CONTENT “保密”"), out);
    }
}
