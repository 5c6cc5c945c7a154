package org.gongkai.personal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Surnames, single and compound: what the name detector and the rules' built-in @SURNAME list rely on. */
class SurnamesTest {

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

    @Test
    void every_surname_is_listed_for_the_rules() {
        assertTrue(Surnames.all().contains("王"));
        assertTrue(Surnames.all().contains("欧阳"));
        assertFalse(Surnames.all().contains("依"));
    }
}
