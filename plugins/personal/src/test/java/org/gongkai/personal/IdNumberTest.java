package org.gongkai.personal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.hutool.core.util.IdcardUtil;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 11643-1999 validation: check character, real province prefix, real birth date; 15-digit legacy numbers. */
class IdNumberTest {

    /** Completes 17 digits with their GB 11643 check character (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, Σ mod 11 → "10X98765432"). */
    static String withCheck(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    @Test
    void check_character_follows_the_weights_of_gb_11643() {
        assertEquals('8', IdNumber.checkChar("50010519580312442"));
        assertEquals('X', IdNumber.checkChar("11010519491231002")); // the standard's own example, 11010519491231002X
        assertEquals('5', IdNumber.checkChar("51010219900714321"));
        for (String id17 : new String[] {"52210119850615001", "50011219901120652", "53010219991231002", "44030419761230155"}) {
            assertEquals(withCheck(id17).charAt(17), IdNumber.checkChar(id17), id17);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"500105195803124428", "510102199007143215", "520322198511020023", "440304197612301556", "330106199205200040",
            "370202198811116618", "420106197004013532", "11010519491231002X", "11010519491231002x", "522101198506150017", "11010520000229003X"})
    void valid_numbers(String id) {
        assertTrue(IdNumber.isValid18(id), id);
        assertTrue(IdcardUtil.isValidCard18(id), "cross-check with Hutool: " + id);
    }

    @Test
    void a_single_wrong_digit_always_fails_the_checksum() {
        String id = "500105195803124428";
        for (int i = 0; i < 18; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == id.charAt(i)) {
                    continue;
                }
                String wrong = id.substring(0, i) + d + id.substring(i + 1);
                assertFalse(IdNumber.isValid18(wrong), wrong);
            }
        }
        assertFalse(IdNumber.isValid18("500105195803124420"), "批次编号 of the fixture: 18 digits, checksum fails");
        assertFalse(IdNumber.isValid18("50010519580312442X"));
    }

    @Test
    void area_prefix_must_be_a_real_province() {
        assertFalse(IdNumber.isValid18(withCheck("00010519580312442")));
        assertFalse(IdNumber.isValid18(withCheck("20151122189720596")), "20 is no province");
        assertFalse(IdNumber.isValid18(withCheck("99010519491231002")));
        assertFalse(IdNumber.isValid18(withCheck("16010519491231002")));
        assertFalse(IdNumber.isValid18(withCheck("10010519491231002")));
        for (String p : new String[] {"11", "15", "23", "31", "37", "46", "50", "52", "54", "65", "71", "81", "82", "83"}) {
            assertTrue(IdNumber.isValid18(withCheck(p + "010519800101001")), p);
        }
    }

    @Test
    void birth_date_must_be_a_real_past_date_from_1900() {
        assertTrue(IdNumber.isValid18(withCheck("52010220000229001")), "2000-02-29 exists");
        assertFalse(IdNumber.isValid18(withCheck("52010219000229001")), "1900 is no leap year");
        assertFalse(IdNumber.isValid18(withCheck("52010219990230001")), "30 February");
        assertFalse(IdNumber.isValid18(withCheck("52010219991301001")), "month 13");
        assertFalse(IdNumber.isValid18(withCheck("52010219990001001")), "month 0");
        assertFalse(IdNumber.isValid18(withCheck("52010219990100001")), "day 0");
        assertFalse(IdNumber.isValid18(withCheck("52010219990431001")), "31 April");
        assertFalse(IdNumber.isValid18(withCheck("52010218991231001")), "before 1900");
        String tomorrow = LocalDate.now().plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertFalse(IdNumber.isValid18(withCheck("520102" + tomorrow + "001")), "born tomorrow");
        String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        assertTrue(IdNumber.isValid18(withCheck("520102" + today + "001")), "born today");
    }

    @Test
    void wrong_length_or_characters_are_rejected() {
        assertFalse(IdNumber.isValid18(null));
        assertFalse(IdNumber.isValid18(""));
        assertFalse(IdNumber.isValid18("50010519580312442"));
        assertFalse(IdNumber.isValid18("5001051958031244281"));
        assertFalse(IdNumber.isValid18("500105********4428"));
        assertFalse(IdNumber.isValid18("5001051958O3124428"), "letter O for zero");
        assertFalse(IdNumber.isValid18("91500105MA5U8KQ3XN"), "a credit code");
        assertFalse(IdNumber.isValid18("５００１０５１９５８０３１２４４２８"), "the validator sees normalised text only");
        assertFalse(IdNumber.isValid15(null));
        assertFalse(IdNumber.isValid15("15010288073030"));
        assertFalse(IdNumber.isValid15("15010288073030X"));
    }

    @Test
    void legacy_15_digit_numbers() {
        assertTrue(IdNumber.isValid15("150102880730303"));
        assertTrue(IdNumber.isValid15("520102720309431"));
        assertFalse(IdNumber.isValid15("520102720230431"), "30 February");
        assertFalse(IdNumber.isValid15("200102720309431"), "no province 20");
        assertFalse(IdNumber.isValid15("150102000229001"), "1900-02-29");
    }

    /**
     * The public test vectors of Hutool's {@code IdcardUtilTest} (dromara/hutool,
     * hutool-core/src/test/java/cn/hutool/core/util/IdcardUtilTest.java, v5 branch: isValidCardTest,
     * isValidCard18Test, convert15To18Test, issueI88YKMTest, issue3651Test).
     */
    @Test
    void hutool_idcard_util_test_vectors() {
        // valid: ID_18, the case-insensitive X, 港澳台居民居住证, 新版外国人永久居留身份证 (FOREIGN_ID_18)
        for (String id : new String[] {"321083197812162119", "33010219200403064x", "33010219200403064X", "81000019980902013X",
                "820000200009100032", "830000200209060065", "932682198501010017", "321083200807112111", "321083200807312113",
                "150102198807303035"}) {
            assertTrue(IdNumber.isValid18(id), id);
        }
        // invalid 18: bad province 20 / birth 1897; a letter in the body
        assertFalse(IdNumber.isValid18("201511221897205960"));
        assertFalse(IdNumber.isValid18("3301022011022000D6"));
        assertFalse(IdNumber.isValid18(null));
        // 15-digit: ID_15 and issue I88YKM valid; bad birthdays invalid
        assertTrue(IdNumber.isValid15("150102880730303"));
        assertTrue(IdNumber.isValid15("111111111111111"));
        assertTrue(IdNumber.isValid15("330102200403064"));
        assertFalse(IdNumber.isValid15("360198910283844"));
        assertFalse(IdNumber.isValid15("815727834224151"));
        // convert15To18: the 18-digit forms Hutool computes are valid numbers of ours
        assertTrue(IdNumber.isValid18(IdcardUtil.convert15To18("150102880730303")));
        assertTrue(IdNumber.isValid18(IdcardUtil.convert15To18("330102200403064")));
        // Hutool's non-mainland forms (HK P174468(6), TW B221690311, H01487002) are no 居民身份证号码 of ours
        for (String other : new String[] {"P174468(6)", "B221690311", "H01487002", "M517086311"}) {
            assertFalse(IdNumber.isValid18(other) || IdNumber.isValid15(other), other);
        }
    }

    /** Ours agrees with Hutool's IdcardUtil on many generated numbers, near misses included. */
    @Test
    void agrees_with_hutool_on_generated_numbers() {
        Random r = new Random(11643);
        int valid = 0;
        for (int i = 0; i < 50_000; i++) {
            String area = String.format("%02d", r.nextInt(100)) + String.format("%04d", r.nextInt(10_000));
            int year = 1880 + r.nextInt(LocalDate.now().getYear() - 1880); // Hutool allows any day of this year
            String birth = String.format("%04d%02d%02d", year, r.nextInt(14), r.nextInt(33));
            String body = area + birth + String.format("%03d", r.nextInt(1000));
            String id = r.nextBoolean() ? withCheck(body) : body + "0123456789X".charAt(r.nextInt(11));
            boolean ours = IdNumber.isValid18(id);
            assertEquals(IdcardUtil.isValidCard18(id), ours, id);
            valid += ours ? 1 : 0;
            String legacy = area + birth.substring(2) + String.format("%03d", r.nextInt(1000));
            assertEquals(IdcardUtil.isValidCard15(legacy), IdNumber.isValid15(legacy), legacy);
        }
        assertTrue(valid > 1000, "the generator also makes valid numbers: " + valid);
    }
}
