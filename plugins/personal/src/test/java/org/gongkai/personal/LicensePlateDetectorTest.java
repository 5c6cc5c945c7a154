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

/** LICENSE_PLATE (GA 36): province, issuing-office letter, five characters, six for new-energy plates. */
class LicensePlateDetectorTest {
    private final LicensePlateDetector detector = Detect.configured(new LicensePlateDetector());

    @Test
    void plate_in_a_traffic_circular() {
        String text = "  第三季度，渝A·12345号重型货车多次超速，驾驶人张建军已被依法处理。";
        Finding f = only(run(detector, text), text, Category.LICENSE_PLATE, "渝A·12345", Severity.MEDIUM);
        assertTrue(f.explanation().contains("普通号牌"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"贵A12345", "贵AK5Q88", "渝B 7C8D9", "京N·8P8F8", "沪A12345D", "粤BD12345", "粤BFA1234", "贵C1234挂", "渝A1234学", "川A.X7788"})
    void plate_formats(String plate) {
        String text = "当事人驾驶" + plate + "车辆";
        only(run(detector, text), text, Category.LICENSE_PLATE, plate, Severity.MEDIUM);
    }

    @Test
    void new_energy_plate_is_named_as_such() {
        String text = "车牌号：粤BD12345";
        Finding f = only(run(detector, text), text, Category.LICENSE_PLATE, "粤BD12345", Severity.MEDIUM);
        assertTrue(f.explanation().contains("新能源"));
    }

    @Test
    void new_energy_plate_a_pdf_spaces_after_the_province() {
        String text = "当事人驾驶车牌湘 BF61234比亚迪牌小型轿车从事网约车经营。";
        Finding f = only(run(detector, text), text, Category.LICENSE_PLATE, "湘 BF61234", Severity.MEDIUM);
        assertTrue(f.explanation().contains("新能源"));
    }

    @Test
    void full_width_plate() {
        String text = "车牌号码：渝Ａ１２３４５";
        only(run(detector, text), text, Category.LICENSE_PLATE, "渝Ａ１２３４５", Severity.MEDIUM);
    }

    @Test
    void several_plates_in_a_list() {
        String text = "序号\t号牌号码\t违法次数\n1\t贵A12345\t3\n2\t贵AK5Q88\t5\n3\t黔东南州车辆\t—";
        List<Finding> found = run(detector, text);
        assertEquals(2, found.size(), Detect.describe(found));
        one(found, text, Category.LICENSE_PLATE, "贵AK5Q88", Severity.MEDIUM);
    }

    @Test
    void words_roads_and_numbers_that_are_not_plates() {
        none(run(detector, "因G210国道观音桥至两路段路面改造工程施工需要，京津冀协同发展，渝ABCDE，川A，贵州省G75兰海高速。"));
        none(run(detector, "渝府发〔2022〕12号，渝AI2345，渝AO2345，渝A123456，渝A1234"));
        none(run(detector, "ABC渝A12345"));
        none(run(detector, "车牌号：渝A***45、贵A·1****"));
    }
}
