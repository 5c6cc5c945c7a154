package org.gongkai.personal;

/** The Luhn (mod 10) check used by bank card numbers. */
final class Luhn {
    private Luhn() {
    }

    static boolean valid(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return digits.length() > 1 && sum % 10 == 0;
    }
}
