package org.gongkai.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContextTest {

    @Test
    void line_before_and_after() {
        String t = "第一行\n当事人：王建国，电话13912345678\n第三行";
        int s = t.indexOf("139");
        assertEquals("当事人：王建国，电话13912345678", Context.line(t, s, s + 11));
        assertEquals("电话", Context.before(t, s, 2));
        assertEquals("当事人：王建国，电话", Context.before(t, s, 10));
        assertEquals("\n第三", Context.after(t, s + 11, 3));
        assertEquals("第一行", Context.line(t, 0, 0));
        assertEquals("", Context.before(t, 0, 5));
        assertEquals("", Context.after(t, t.length(), 5));
    }

    @Test
    void sentence_before_and_around() {
        String t = "当事人：李华，男。本局监督电话：0851-12345678；传真：0851-12345679。";
        int s = t.indexOf("0851");
        assertEquals("本局监督电话：", Context.sentenceBefore(t, s, 60));
        assertEquals("监督电话：", Context.sentenceBefore(t, s, 5));
        assertEquals("本局监督电话：0851-12345678", Context.sentenceAround(t, s, s + 13));
        assertEquals("当事人：李华，男", Context.sentenceAround(t, 0, 3));
    }

    @Test
    void person_and_agency_words() {
        assertEquals("当事人", Context.find(Context.PERSON, "当事人：王建国"));
        assertEquals("驾驶人", Context.find(Context.PERSON, "驾驶人张建军"));
        assertNull(Context.find(Context.PERSON, "各乡镇人民政府"));
        assertTrue(Context.AGENCY_LABEL.matcher("监督电话：").find());
        assertFalse(Context.AGENCY_LABEL.matcher("手机：").find());
    }

    @Test
    void surnames() {
        assertTrue(Surnames.startsWithSurname("王建国"));
        assertTrue(Surnames.startsWithSurname("冉小雪"));
        assertTrue(Surnames.startsWithSurname("欧阳明月"));
        assertTrue(Surnames.compound("欧阳明月"));
        assertTrue(Surnames.compound("司马光"));
        assertFalse(Surnames.compound("欧阳"), "a compound surname needs a given name after it");
        assertFalse(Surnames.compound("王建国"));
        assertFalse(Surnames.startsWithSurname("依规"));
        assertFalse(Surnames.startsWithSurname("各单位"));
        assertFalse(Surnames.startsWithSurname("王"));
        assertFalse(Surnames.startsWithSurname(""));
    }
}
