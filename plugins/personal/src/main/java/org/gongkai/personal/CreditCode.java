package org.gongkai.personal;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters over "0123456789ABCDEFGHJKLMNPQRTUWXY", check character by
 * weights 3^i mod 31. An organisation's code is public; it is recognised so it is never taken for a person's
 * identifier.
 */
public final class CreditCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = code.charAt(i);
            int v = ALPHABET.indexOf(c);
            if (v < 0 || i >= 2 && i < 8 && v > 9) {
                return false; // characters 3-8 are the 登记管理机关行政区划码, digits only
            }
            sum += v * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check) == code.charAt(17);
    }
}
