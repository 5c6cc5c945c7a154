package org.gongkai.gongwen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gongkai.spi.Category;
import org.gongkai.spi.Finding;
import org.gongkai.spi.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormatDetectorTest {
    private final FormatDetector detector = new FormatDetector();

    private static String doc(String number, String date, String annotation) {
        return "江北区人民政府办公室文件\n" + number + "\n关于做好防汛工作的通知\n各街道办事处：\n    现通知如下。\n"
                + "江北区人民政府办公室\n" + date + "\n    " + annotation + "\n抄送：区委办公室。";
    }

    private List<Finding> run(String text) {
        return Docs.run(detector, text, null, null);
    }

    @Test
    void correct_document_gives_no_format_finding() {
        assertEquals(List.of(), run(doc("江北府办发〔2022〕37号", "2022年6月15日", "（此件主动公开）")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"江北府办发[2022]37号", "江北府办发(2022)37号", "江北府办发（2022）37号", "江北府办发【2022】37号",
            "江北府办发〔22〕37号", "江北府办发〔2022〕第5号", "江北府办发〔2022〕05号"})
    void malformed_doc_number_is_a_format_finding(String number) {
        List<Finding> fs = run(doc(number, "2022年6月15日", "（此件主动公开）"));
        assertEquals(List.of(Category.FORMAT), Docs.categories(fs), number);
        assertEquals(Severity.LOW, fs.get(0).severity());
        assertTrue(fs.get(0).basis().contains("GB/T 9704-2012 7.2.4"));
        assertTrue(fs.get(0).explanation().contains(number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022年06月05日", "2022年6月05日", "二〇二二年六月十五日"})
    void malformed_date_is_a_format_finding(String date) {
        List<Finding> fs = run(doc("江北府办发〔2022〕37号", date, "（此件主动公开）"));
        assertEquals(List.of(Category.FORMAT), Docs.categories(fs), date);
        assertTrue(fs.get(0).basis().contains("7.3.5.3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(此件主动公开)", "（ 此件 主动公开 ）", "(此件依申请公开，理由：内部管理)"})
    void sloppy_annotation_is_accepted_but_a_format_finding(String annotation) {
        List<Finding> fs = run(doc("江北府办发〔2022〕37号", "2022年6月15日", annotation));
        assertEquals(List.of(Category.FORMAT), Docs.categories(fs), annotation);
        assertTrue(fs.get(0).basis().contains("7.3.6"));
    }

    @Test
    void annotation_at_the_top_is_a_position_finding() {
        String text = "（此件主动公开）\n关于做好防汛工作的通知\n各街道办事处：\n    现通知如下。\n江北区人民政府办公室\n2022年6月15日";
        List<Finding> fs = run(text);
        assertEquals(List.of(Category.FORMAT), Docs.categories(fs));
        assertTrue(fs.get(0).explanation().contains("成文日期下一行"));
    }

    @Test
    void classified_document_without_copy_number_is_a_format_finding() {
        String text = "机密★1年\n" + doc("江北府办发〔2022〕37号", "2022年6月15日", "（此件不予公开，理由：涉及国家秘密）");
        List<Finding> fs = run(text);
        assertEquals(List.of(Category.FORMAT), Docs.categories(fs));
        assertTrue(fs.get(0).basis().contains("7.2.1"));
    }

    @Test
    void classified_document_with_copy_number_is_fine() {
        String text = "000086\n机密★1年\n" + doc("江北府办发〔2022〕37号", "2022年6月15日", "（此件不予公开，理由：涉及国家秘密）");
        assertEquals(List.of(), run(text));
    }

    @Test
    void secrecy_words_in_a_rule_sentence_do_not_need_a_copy_number() {
        String text = "关于加强保密审查的通知\n各单位：\n    涉及国家秘密的，应标注绝密、机密、秘密及保密期限。\n县保密局\n2022年6月15日\n（此件主动公开）";
        assertEquals(List.of(), run(text));
    }
}
