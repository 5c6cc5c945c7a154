package org.gongkai.personal;

import static org.gongkai.personal.Detect.none;
import static org.gongkai.personal.Detect.one;
import static org.gongkai.personal.Detect.only;
import static org.gongkai.personal.Detect.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BANK_CARD: 16–19 digits → Luhn → card-scheme prefix (62 UnionPay) → context 卡号/账号/开户 → score. */
class BankCardDetectorTest {
    private final BankCardDetector detector = Detect.configured(new BankCardDetector());

    @Test
    void subsidy_card_of_a_household() {
        String text = "经核实，补助资金通过“一卡通”发放至农户账户。其中：户主谭正国，银行卡号6222021001123456789，补助金额1200元。";
        Finding f = only(run(detector, text), text, Category.BANK_CARD, "6222021001123456789", Severity.BLOCKER);
        assertTrue(f.score() > 0.95, "Luhn + 62 + 卡号: " + f.score());
        assertTrue(f.explanation().contains("Luhn校验通过") && f.explanation().contains("62"), f.explanation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6222 0210 0112 3456 789", "6228-4804-0256-4890-018", "6212 2625 0200 9182 455", "4367 4200 0000 0009",
            "6228480402564890018", "６２２２０２１００１１２３４５６７８９"})
    void grouped_and_full_width_numbers_with_context(String card) {
        String text = "申请人：李华，开户行：中国工商银行江北支行，账号：" + card + "。";
        only(run(detector, text), text, Category.BANK_CARD, card, Severity.BLOCKER);
    }

    @Test
    void luhn_and_unionpay_prefix_without_context() {
        String text = "1\t谭正国\t6212262502009182455\t1200";
        Finding f = only(run(detector, text), text, Category.BANK_CARD, "6212262502009182455", Severity.BLOCKER);
        assertTrue(f.score() >= 0.7 && f.score() < 0.99, "no context: " + f.score());
    }

    @Test
    void context_alone_for_an_account_failing_luhn() {
        String text = "收款人：刘洋，收款账号：6217003810012345675。";
        Finding f = only(run(detector, text), text, Category.BANK_CARD, "6217003810012345675", Severity.BLOCKER);
        assertTrue(f.explanation().contains("Luhn校验未通过"), f.explanation());
        assertTrue(f.score() < 0.9);
    }

    @Test
    void neither_luhn_nor_context() {
        none(run(detector, "项目编号：6217003810012345675"));
        none(run(detector, "检测报告编号 2022061500018765"));
    }

    @Test
    void luhn_without_scheme_prefix_or_context() {
        String luhnOnly = "1234567812345670";
        assertTrue(Luhn.valid(luhnOnly));
        none(run(detector, "样品编号：" + luhnOnly));
    }

    @Test
    void wrong_lengths() {
        none(run(detector, "卡号：622202100112345")); // 15
        none(run(detector, "卡号：62220210011234567890")); // 20
        // a 20-digit account grouped by four: no 16-digit card inside it
        none(run(detector, "卡号：6222 0210 0112 3456 7890"));
    }

    @Test
    void id_numbers_and_credit_codes_are_left_to_their_detectors() {
        none(run(detector, "社保卡号（即公民身份号码）：500105195803124428"));
        none(run(detector, "账户名称：南川区疾病预防控制中心，统一社会信用代码：125001197506150496"));
        none(run(detector, "统一社会信用代码：91500105MA5U8KQ3XN"));
    }

    @Test
    void dates_amounts_phones_and_document_numbers() {
        none(run(detector, "2022年6月15日 20220615 2022061520220630 ¥3,260,000.00 13912345678 023-67881234 江北府办发〔2022〕37号 "
                + "1,234,567,890,123,456.00元"));
    }

    @Test
    void account_of_an_agency_for_paying_a_fine_is_public() {
        String text = "当事人应自收到本决定书之日起十五日内，将罚款缴至指定账户。户名：江北县财政局非税收入专户，开户行：中国农业银行江北支行，"
                + "账号：2201 0401 0400 1234 5。";
        none(run(detector, text));
        String company = "中标供应商：重庆市康泰医疗器械有限公司，开户银行：中国建设银行渝北支行，账号：5000 1063 6000 5001 2345。";
        none(run(detector, company));
    }

    @Test
    void several_cards_in_a_payment_list() {
        String text = """
                序号\t户主姓名\t银行卡号\t补助金额（元）
                1\t谭正国\t6222021001123456789\t1200
                2\t冉小雪\t6228480402564890018\t800
                3\t白云飞\t6212 2625 0200 9182 455\t950
                """;
        List<Finding> found = run(detector, text);
        assertEquals(3, found.size(), Detect.describe(found));
        one(found, text, Category.BANK_CARD, "6212 2625 0200 9182 455", Severity.BLOCKER);
    }
}
