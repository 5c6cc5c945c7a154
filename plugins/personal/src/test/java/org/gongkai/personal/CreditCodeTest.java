package org.gongkai.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hutool.core.util.CreditCodeUtil;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** 统一社会信用代码 (GB 32100-2015): alphabet without I O S V Z, weights 3^i mod 31. */
class CreditCodeTest {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Completes 17 characters with their GB 32100 check character. */
    static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @Test
    void weights_are_powers_of_three_mod_31() {
        int w = 1;
        for (int i = 0; i < 17; i++) {
            assertEquals(w, WEIGHTS[i]);
            w = w * 3 % 31;
        }
    }

    /**
     * Hutool's {@code CreditCodeUtilTest} (dromara/hutool,
     * hutool-core/src/test/java/cn/hutool/core/util/CreditCodeUtilTest.java: isCreditCode, isCreditCode2, randomCreditCode).
     */
    @Test
    void hutool_credit_code_util_test_vectors() {
        assertTrue(CreditCode.isValid("91310110666007217T"));
        assertTrue(CreditCode.isValid("91310115591693856A")); // isCreditCodeBySimple; also passes the full check
        // an early pilot-area code that does not follow the national standard (isCreditCode2)
        assertFalse(CreditCode.isValid("91350211M00013FA1N"));
        for (int i = 0; i < 200; i++) {
            String random = CreditCodeUtil.randomCreditCode();
            assertTrue(CreditCode.isValid(random), random);
        }
    }

    @Test
    void codes_of_this_project_fixtures() {
        assertTrue(CreditCode.isValid("91500105MA5U8KQ3XN"), "重庆市康泰医疗器械有限公司 in the labelled set");
        assertTrue(CreditCodeUtil.isCreditCode("91500105MA5U8KQ3XN"));
    }

    @Test
    void single_character_changes_fail() {
        String code = "91310110666007217T";
        for (int i = 0; i < 18; i++) {
            for (char c : ALPHABET.toCharArray()) {
                if (c == code.charAt(i)) {
                    continue;
                }
                String wrong = code.substring(0, i) + c + code.substring(i + 1);
                assertFalse(CreditCode.isValid(wrong), wrong);
            }
        }
    }

    @Test
    void malformed_codes() {
        assertFalse(CreditCode.isValid(null));
        assertFalse(CreditCode.isValid(""));
        assertFalse(CreditCode.isValid("91310110666007217"));
        assertFalse(CreditCode.isValid("91310110666007217TT"));
        assertFalse(CreditCode.isValid("91310110666007217t"), "lower case is not in the alphabet");
        assertFalse(CreditCode.isValid(withCheck("9131011066600721I").substring(0, 17) + "I"), "I is not in the alphabet");
        assertFalse(CreditCode.isValid(withCheck("9131A110666007217")), "the 登记管理机关行政区划码 (characters 3-8) is digits");
        assertFalse(CreditCode.isValid("500105195803124428"), "an ID number");
    }

    @Test
    void agrees_with_hutool_on_generated_codes() {
        Random r = new Random(32100);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 17; k++) {
                sb.append(k >= 2 && k < 8 && r.nextInt(4) > 0 ? (char) ('0' + r.nextInt(10)) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
            String code = r.nextInt(3) > 0 ? withCheck(sb.toString()) : sb.toString() + ALPHABET.charAt(r.nextInt(ALPHABET.length()));
            assertEquals(CreditCodeUtil.isCreditCode(code), CreditCode.isValid(code), code);
        }
    }
}
