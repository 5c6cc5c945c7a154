package org.gongkai.server.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be (等保 2.0 身份鉴别: 口令复杂度): at least {@link #MIN_LENGTH} characters, at most
 * {@link #MAX_LENGTH}, at least three of upper case, lower case, digits and symbols, not containing the
 * username, and none of the default passwords that are tried first in every attack.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    /** Defaults and keyboard walks that satisfy the character classes but are the first ones guessed. */
    private static final Set<String> NOTORIOUS = Set.of("p@ssw0rd", "passw0rd!", "p@ssword1", "p@ssw0rd1", "admin@123", "admin123!",
            "admin@1234", "abc@1234", "abc@123456", "qwer1234!", "qwe123!@#", "1qaz@wsx", "1qaz!qaz", "1qaz2wsx!", "a123456!", "aa123456!",
            "root@123", "test@123", "welcome1!", "password1!", "password@123", "zaq1@wsx", "q1w2e3r4!", "asdf1234!", "abcd1234!");

    /** The reason a password is refused, in Chinese and English, or empty when it is acceptable. */
    public Optional<String[]> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(new String[] {"口令至少 " + MIN_LENGTH + " 位", "the password needs at least " + MIN_LENGTH + " characters"});
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(new String[] {"口令不能超过 " + MAX_LENGTH + " 位", "the password may have at most " + MAX_LENGTH + " characters"});
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            return Optional.of(new String[] {"口令须包含大写字母、小写字母、数字、符号中的至少三类",
                    "the password needs at least three of: upper case, lower case, digits, symbols"});
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new String[] {"口令不能包含用户名", "the password must not contain the username"});
        }
        if (NOTORIOUS.contains(lower)) {
            return Optional.of(new String[] {"该口令是常见默认口令，请另设", "this is a well-known default password; choose another"});
        }
        return Optional.empty();
    }
}
