package org.benchtarget.db;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Password hashes in Django's format, {@code pbkdf2_sha256$ITERATIONS$SALT$HASH} (salt and hash
 * base64), with the JDK's PBKDF2WithHmacSHA256 at OWASP's 2023 work factor. Thread-safe.
 */
public final class Passwords {
    /** The password of every seeded user (README documents it). */
    public static final String SEEDED_PASSWORD = "benchpass";
    public static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2_sha256";
    private static final int HASH_BITS = 256;
    /**
     * Well-formed but matching no password: checked when the user name is unknown, so that
     * answer costs the same hashing as a wrong password and timing does not tell which it was.
     */
    public static final String DECOY = PREFIX + "$" + ITERATIONS + "$ZGVjb3lkZWNveWRlY295$"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private Passwords() {
    }

    /** Returns the stored form of {@code password} with {@code salt}. */
    public static String hash(String password, byte[] salt, int iterations) {
        var encoder = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + encoder.encodeToString(salt) + "$"
                + encoder.encodeToString(derive(password, salt, iterations));
    }

    /** Returns whether {@code password} matches {@code stored}; a malformed stored value matches nothing. */
    public static boolean verify(String password, String stored) {
        var parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX) || !parts[1].matches("\\d{1,7}")) {
            derive(password, new byte[16], ITERATIONS); // same work as a real check
            return false;
        }
        try {
            var decoder = Base64.getDecoder();
            var expected = decoder.decode(parts[3]);
            var actual = derive(password, decoder.decode(parts[2]), Integer.parseInt(parts[1]));
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Returns the hash every seeded user stores. They share one published password, so they share
     * one salt and hash: per-user salts defend secret passwords against precomputation, and
     * hashing 1,000 times at full cost would make seeding take minutes. The value is a constant
     * because deriving it costs 0.4 s of every start on H2; PasswordsTest derives it again from
     * {@link #seededSalt()} and fails if the two ever differ.
     */
    public static String seeded() {
        return SEEDED_HASH;
    }

    private static final String SEEDED_HASH =
            "pbkdf2_sha256$600000$TP5QNxIcTsrRdZ7vso0k5A==$AjCCoBvGMx9I6+jYrBMSKYkIHyjKGoECqb9ExgQhLU4=";

    /** The seeded users' salt: 16 bytes of the project's deterministic generator. */
    static byte[] seededSalt() {
        var salt = new byte[16];
        var random = new SeedRandom(20080428L);
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) random.nextLong();
        }
        return salt;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        var spec = new PBEKeySpec(password.toCharArray(), salt, Math.max(1, iterations), HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("PBKDF2 failed: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }
}
