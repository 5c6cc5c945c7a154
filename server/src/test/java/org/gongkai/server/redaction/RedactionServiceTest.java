package org.gongkai.server.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.gongkai.server.queue.Redaction;
import org.gongkai.spi.Block;
import org.gongkai.spi.DocumentText;
import org.gongkai.spi.Part;
import org.junit.jupiter.api.Test;

/** Building the publication copy from stored blocks and confirmed redactions. */
class RedactionServiceTest {
    private static final List<Block> BLOCKS = List.of(
            new Block(Part.HEADER, "江北县民政局", null, "页眉"),
            Block.body("关于临时救助对象的公示"),
            new Block(Part.TABLE, "姓名", null, "表格1 第1行第1列"),
            new Block(Part.TABLE, "身份证号", null, "表格1 第1行第2列"),
            new Block(Part.TABLE, "王小明", null, "表格1 第2行第1列"),
            new Block(Part.TABLE, "500105195803124428", null, "表格1 第2行第2列"),
            Block.body("经审核，王小明符合临时救助条件。"),
            new Block(Part.COMMENT, "王小明家住建新北路25号", null, "批注 作者：张科长"),
            new Block(Part.TRACKED_DELETION, "手机13912345678", null, ""),
            new Block(Part.TRACKED_INSERTION, "公示期五个工作日。", null, ""),
            new Block(Part.METADATA, "李小红", null, "作者"));
    private static final String TEXT = DocumentText.of(BLOCKS).text();

    private static Redaction redaction(String text, String category) {
        int s = TEXT.indexOf(text);
        return new Redaction(1, "d", "f-" + text, category, "TABLE", s, s + text.length(), null, text, "条例第十五条", "chen.bm",
                OffsetDateTime.parse("2026-11-25T10:00:00+08:00"));
    }

    @Test
    void confirmed_passages_and_their_repeats_are_replaced_and_hidden_parts_left_out() {
        RedactedCopy c = RedactionService.build("d", "a.docx", BLOCKS, true,
                List.of(redaction("500105195803124428", "ID_NUMBER"), redaction("王小明", "PERSON_NAME")));
        String all = c.paragraphs().toString();
        assertFalse(all.contains("王小明") || all.contains("500105195803124428"), all);
        assertFalse(all.contains("建新北路") || all.contains("13912345678") || all.contains("李小红"), "hidden parts stripped: " + all);
        assertTrue(all.contains("经审核，〔已删除〕符合临时救助条件。"), all);
        assertTrue(all.contains("公示期五个工作日。"), "tracked insertion kept as accepted: " + all);
        RedactedCopy.Table t = (RedactedCopy.Table) c.paragraphs().stream().filter(p -> p instanceof RedactedCopy.Table).findFirst().orElseThrow();
        assertEquals(List.of(List.of("姓名", "身份证号"), List.of("〔已删除〕", "〔已删除〕")), t.rows());
        assertEquals(3, c.removed().size(), c.removed().toString());
        assertEquals(1, c.removed().stream().filter(r -> r.occurrence().equals("repeat")).count());
        assertEquals(java.util.Map.of("COMMENT", 1, "METADATA", 1, "TRACKED_DELETION", 1), c.stripped());
    }

    @Test
    void overlapping_redactions_merge_into_one_mark() {
        RedactedCopy c = RedactionService.build("d", "a.docx", List.of(Block.body("住址：建新北路25号3单元502室。")), true, List.of(
                new Redaction(1, "d", "a", "ADDRESS", "BODY", 3, 10, null, "建新北路25号", "b", "x", OffsetDateTime.now()),
                new Redaction(2, "d", "b", "ADDRESS", "BODY", 7, 17, null, "25号3单元502室", "b", "x", OffsetDateTime.now())));
        assertEquals("住址：〔已删除〕。", ((RedactedCopy.Paragraph) c.paragraphs().get(0)).text());
    }

    @Test
    void an_output_that_still_contains_a_removed_passage_is_refused() {
        assertThrows(IllegalStateException.class, () -> RedactedRenderer.verify("PDF", "当事人 王小\n明", java.util.Set.of("王小明")));
        RedactedRenderer.verify("PDF", "当事人〔已删除〕", java.util.Set.of("王小明"));
    }
}
