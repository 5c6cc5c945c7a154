package org.gongkai.server.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.gongkai.server.TestEnv;
import org.gongkai.server.config.ServerConfig;
import org.gongkai.server.pipeline.ReportedFinding;
import org.gongkai.server.document.DocumentDao;
import org.gongkai.server.document.DocumentRecord;
import org.gongkai.server.document.FindingDao;
import org.gongkai.spi.Category;
import org.gongkai.spi.Likelihood;
import org.gongkai.spi.Part;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A finding's likelihood, the rules that fired, its technical detail and masked value are stored (migration V5)
 * and read back, on H2 and on PostgreSQL; a row written before V5 reads as likelihood-from-score with no rules.
 */
class FindingReasonsStorageTest {
    @TempDir
    Path dir;

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private Database open(String kind) throws Exception {
        if (kind.equals("h2")) {
            return new Database(ServerConfig.h2Url(dir), "sa", "");
        }
        String url = TestEnv.postgresUrl();
        Assumptions.assumeTrue(url != null, "GONGKAI_TEST_PG_URL not set: PostgreSQL tests skipped (CI sets it)");
        DatabaseTest.resetPostgres(url);
        return new Database(url, null, null);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void likelihood_rules_detail_and_masked_value_round_trip(String kind) throws Exception {
        try (Database db = open(kind)) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            ReportedFinding f = new ReportedFinding("f1", Category.ID_NUMBER, Category.ID_NUMBER.chinese(), Severity.BLOCKER, "500105195803124428",
                    Part.BODY, 10, 28, 1, "", "id-number", 0.99, Category.ID_NUMBER.basis(), "居民身份证号码（校验位正确；前有“公民身份号码”）。",
                    null, Likelihood.VERY_LIKELY, List.of("personal.rules:63 id.label", "personal.rules:70 id.taxpayer"),
                    "GB 11643 校验位、地区码、出生日期有效；得分 0.99（阈值 0.60）", "500105********4428");
            ReportedFinding old = new ReportedFinding("f2", Category.PHONE_NUMBER, Category.PHONE_NUMBER.chinese(), Severity.HIGH, "13912345678",
                    Part.BODY, 40, 51, 1, "", "phone-number", 0.8, Category.PHONE_NUMBER.basis(), "个人手机号码。", null);
            db.jdbi().useTransaction(h -> {
                DocumentDao docs = h.attach(DocumentDao.class);
                docs.insertBlobIfAbsent("a".repeat(64), 10, "text/plain", now);
                docs.insert(new DocumentRecord("d1", "通知.txt", "a".repeat(64), "text/plain", 10, "RECEIVED", null, null, null, null, null, null, null,
                        "anonymous", now, null, null, null, 0, null, null, null, null, null, null, null, null, null, 0));
                FindingDao dao = h.attach(FindingDao.class);
                dao.insert("d1", 0, f, f.text(), f.basis(), f.explanation());
                // a row as written before V5: the new columns stay NULL
                h.execute("INSERT INTO finding (id, document_id, seq, category, severity, part, start_offset, end_offset, page, source, matched_text, "
                        + "detector, score, basis, explanation) VALUES ('f2', 'd1', 1, 'PHONE_NUMBER', 'HIGH', 'BODY', 40, 51, 1, '', '13912345678', "
                        + "'phone-number', 0.8, ?, '个人手机号码。')", old.basis());
            });
            List<ReportedFinding> back = db.jdbi().withExtension(FindingDao.class, d -> d.forDocument("d1"));
            assertEquals(f, back.get(0));
            assertEquals(Likelihood.LIKELY, back.get(1).likelihood(), "likelihood from the score of an older row");
            assertEquals(List.of(), back.get(1).rules());
            assertNull(back.get(1).detail());
            assertNull(back.get(1).masked());
        }
    }
}
