package org.gongkai.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizedTextTest {

    @Test
    void full_width_digits_are_folded_and_map_back() {
        NormalizedText n = NormalizedText.of("身份证号：１１０１０５１９４９１００１００２Ｘ。");
        assertEquals("身份证号：11010519491001002X。", n.text());
        int s = n.text().indexOf("110");
        assertEquals("１１０１０５１９４９１００１００２Ｘ", n.originalText(s, s + 18));
    }

    @Test
    void letter_spaced_pdf_line_is_closed_up() {
        assertEquals("期内向观音桥街道", NormalizedText.of("期 内 向 观 音 桥 街 道").text());
    }

    @Test
    void spaces_between_cjk_removed_but_kept_between_latin_words() {
        assertEquals("凤冈县人民政府 Open Government", NormalizedText.of("凤冈县 人民政府 Open Government").text());
        assertEquals("2022年6月15日", NormalizedText.of("2022 年 6 月 15 日").text());
    }

    @Test
    void digits_wrapped_in_a_table_cell_are_joined() {
        NormalizedText n = NormalizedText.of(DocumentText.of(List.of(Block.of(Part.TABLE, "50010519\n58031244\n28"))));
        assertEquals("500105195803124428", n.text());
        assertEquals(new Span(0, 20), n.toOriginal(0, 18));
    }

    @Test
    void mobile_wrapped_at_line_end_is_joined() {
        assertEquals("联系人手机15923087766，", NormalizedText.of("联系人手机15\n923087766，").text());
    }

    @Test
    void complete_mobile_at_line_end_is_not_joined_with_next_line() {
        assertEquals("手机13812345678\n2022年", NormalizedText.of("手机13812345678\n2022年").text());
    }

    @Test
    void digits_are_never_joined_across_blocks() {
        NormalizedText n = NormalizedText.of(DocumentText.of(List.of(Block.body("编号15"), Block.body("923087766"))));
        assertEquals("编号15\n923087766", n.text());
    }

    @Test
    void block_lookup_by_offset() {
        DocumentText t = DocumentText.of(List.of(Block.body("ab"), Block.of(Part.COMMENT, "cd")));
        assertEquals(Part.BODY, t.blockAt(2).part());
        assertEquals(Part.COMMENT, t.blockAt(3).part());
        assertEquals(3, t.blockStart(1));
    }

    @Test
    void next_table_row_number_is_not_joined_onto_a_wrapped_id() {
        String pdf = "1 白云飞 37020219\n88111166\n18\n2 冉小雪 42010619\n70040135\n32";
        String n = NormalizedText.of(DocumentText.of(List.of(Block.body(pdf)))).text();
        assertEquals("1白云飞370202198811116618\n2冉小雪420106197004013532", n);
    }

    @Test
    void complete_id_number_is_never_extended() {
        assertEquals("370202198811116618\n2023", NormalizedText.of("370202198811116618\n2023").text());
    }

    @org.junit.jupiter.api.Test
    void a_number_wrapped_in_a_cell_joins_also_when_its_lines_carry_trailing_spaces() {
        // OFD text objects and padded table-cell lines end in spaces: the continuation still fills its line
        org.junit.jupiter.api.Assertions.assertTrue(NormalizedText.of("联系电话\n13912 \n345678 \n王建国").text().contains("13912345678"));
        org.junit.jupiter.api.Assertions.assertTrue(NormalizedText.of("1391234\n5678\u3000\u3000").text().contains("13912345678"));
        // near miss: digits followed by more text on their line are the next row's serial number
        org.junit.jupiter.api.Assertions.assertFalse(NormalizedText.of("42010619\n2 冉小雪").text().contains("420106192"));
    }
}
