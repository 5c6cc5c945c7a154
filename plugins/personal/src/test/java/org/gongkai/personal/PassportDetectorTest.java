package org.gongkai.personal;

import static org.gongkai.personal.Detect.none;
import static org.gongkai.personal.Detect.only;
import static org.gongkai.personal.Detect.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PASSPORT: Chinese ordinary passports anywhere a person is named; other travel documents after 护照/通行证. */
class PassportDetectorTest {
    private final PassportDetector detector = Detect.configured(new PassportDetector());

    @Test
    void passport_in_an_outbound_travel_filing() {
        String text = "  经审核，同意刘海洋同志赴德国开展经贸交流，护照号码E12345678，出访时间为2022年11月。";
        Finding f = only(run(detector, text), text, Category.PASSPORT, "E12345678", Severity.HIGH);
        assertEquals(0.95, f.score(), 1e-9);
        assertTrue(f.explanation().contains("护照"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"E12345678", "EA1234567", "EJ7654321", "G12345678"})
    void chinese_passport_formats_with_a_person_in_the_line(String number) {
        String text = "申请人：李华，证件：" + number + "。";
        Finding f = only(run(detector, text), text, Category.PASSPORT, number, Severity.HIGH);
        assertEquals(0.7, f.score(), 1e-9, "format and person, no 护照 word");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C12345678", "CA1234567", "K1234567", "P1234567"})
    void other_travel_documents_after_their_name(String number) {
        String text = "当事人往来港澳通行证号码：" + number + "，";
        only(run(detector, text), text, Category.PASSPORT, number, Severity.HIGH);
    }

    @Test
    void full_width_passport_number() {
        String text = "护照号：Ｅ１２３４５６７８";
        only(run(detector, text), text, Category.PASSPORT, "Ｅ１２３４５６７８", Severity.HIGH);
    }

    @Test
    void codes_that_only_look_like_passports() {
        none(run(detector, "项目编号：E12345678，合同编号：G20220615。"));
        none(run(detector, "G210国道、G75兰海高速、S205省道"));
        none(run(detector, "申请人：李华，证件号：EI1234567、EO1234567、E1234567、E123456789"));
        none(run(detector, "护照号码：E1234567890"));
        none(run(detector, "护照号码：E****5678"));
    }
}
