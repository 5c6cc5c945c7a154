package org.gongkai.personal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {

    @ParameterizedTest
    @ValueSource(strings = {"79927398713", "4111111111111111", "6222021001123456789", "6228480402564890018", "6212262502009182455",
            "6217003810012345677", "4367420000000009", "5555555555554444", "378282246310005"})
    void valid(String digits) {
        assertTrue(Luhn.valid(digits), digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"79927398710", "4111111111111112", "6222021001123456788", "6217003810012345675", "1234567812345678"})
    void invalid(String digits) {
        assertFalse(Luhn.valid(digits), digits);
    }

    @Test
    void every_single_digit_error_is_caught() {
        String card = "6222021001123456789";
        for (int i = 0; i < card.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != card.charAt(i)) {
                    assertFalse(Luhn.valid(card.substring(0, i) + d + card.substring(i + 1)));
                }
            }
        }
    }

    @Test
    void non_digits_and_trivial_input() {
        assertFalse(Luhn.valid("6222 0210 0112 3456 789"));
        assertFalse(Luhn.valid("62220210011234567X9"));
        assertFalse(Luhn.valid(""));
        assertFalse(Luhn.valid("0"));
    }
}
