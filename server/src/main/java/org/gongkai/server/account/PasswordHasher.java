package org.gongkai.server.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Hashes and verifies passwords with Argon2id (Password4j; RFC 9106), at OWASP's recommended minimum cost:
 * 19 MiB of memory, 2 passes, one lane, a 16-byte random salt, stored as a PHC string so the parameters travel
 * with the hash and can be raised later.
 */
public final class PasswordHasher {
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private final Argon2Function argon2 = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, 1, 32, Argon2.ID);
    /** Verified against when the account does not exist, so an unknown username costs as much time as a wrong password. */
    private final String decoy = hash("decoy-password-never-matches-\u0000");

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    /** True when {@code password} matches {@code hash}; a null hash (no password set) verifies against a decoy and fails. */
    public boolean verify(String password, String hash) {
        if (password == null) {
            return false;
        }
        if (hash == null || !hash.startsWith("$argon2")) {
            Password.check(password, decoy).with(argon2);
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
