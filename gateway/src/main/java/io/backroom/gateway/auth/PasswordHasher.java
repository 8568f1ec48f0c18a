package io.backroom.gateway.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing with PBKDF2-HMAC-SHA256 from the JDK: a random 16-byte salt per user and
 * {@value #DEFAULT_ITERATIONS} iterations (OWASP's 2023 guidance for this function is 600,000; we chose a count that
 * keeps a sign-in near 0.1 s on a small laptop and store it per user so it can be raised later without a reset).
 * Hashes are compared in constant time.
 */
public final class PasswordHasher {
    public static final int DEFAULT_ITERATIONS = 210_000;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public PasswordHasher(int iterations) {
        if (iterations < 1000) {
            throw new IllegalArgumentException("iterations must be at least 1000");
        }
        this.iterations = iterations;
    }

    /** A stored password: base64 hash and salt, and the iteration count used. */
    public record Hashed(String hash, String salt, int iterations) {
    }

    public Hashed hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Hashed(Base64.getEncoder().encodeToString(derive(password, salt, iterations)),
                Base64.getEncoder().encodeToString(salt), iterations);
    }

    /** Whether {@code password} matches the stored hash. */
    public static boolean verify(char[] password, Hashed stored) {
        byte[] expected = Base64.getDecoder().decode(stored.hash());
        byte[] actual = derive(password, Base64.getDecoder().decode(stored.salt()), stored.iterations());
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
