package capas.aula;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Codes a student can type, and their hashes in the one format the Hub's authenticator
 * ({@code aula/capas_aula/authenticator.py}) verifies:
 * {@code pbkdf2_sha256$<iterations>$<salt, base64>$<hash, base64>} (PBKDF2-HMAC-SHA256, a
 * 16-byte random salt, a 32-byte key, standard base64 with padding). The iterations are in the
 * string, so raising them later leaves every older hash valid.
 *
 * <pre>{@code
 * String code = Passwords.generate();             // «k7mq-t3xe-9hpa»
 * String hash = Passwords.hash(code);
 * Passwords.verify(code, hash);                   // true
 * }</pre>
 */
public final class Passwords {
    /** The contract's number: OWASP's 2023 advice for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2_sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 32;
    /**
     * Lowercase letters and digits without those read or typed for each other on a projector or
     * a photocopy: 0/o, 1/l/i. 31 symbols, 12 of them: about 59 bits.
     */
    static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int GROUPS = 3;
    private static final int GROUP_LENGTH = 4;
    private static final Pattern HASH = Pattern.compile("pbkdf2_sha256\\$(\\d{1,9})\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** A new code: three groups of four symbols from {@link #ALPHABET}, joined by dashes (the dashes are part of it). */
    public static String generate() {
        StringBuilder code = new StringBuilder();
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                code.append('-');
            }
            for (int i = 0; i < GROUP_LENGTH; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return code.toString();
    }

    /** The hash of {@code password} with a new salt and {@link #ITERATIONS}. */
    public static String hash(String password) {
        return hash(password, ITERATIONS);
    }

    /** The hash of {@code password} with a new salt and {@code iterations} (tests use few). */
    public static String hash(String password, int iterations) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(pbkdf2(password.getBytes(StandardCharsets.UTF_8), salt, iterations, KEY_BYTES));
    }

    /** Whether {@code hash} (in this class's format) is the hash of {@code password}; a malformed hash never is. */
    public static boolean verify(String password, String hash) {
        Matcher m = HASH.matcher(hash == null ? "" : hash);
        if (!m.matches()) {
            return false;
        }
        int iterations = Integer.parseInt(m.group(1));
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(m.group(2));
            expected = Base64.getDecoder().decode(m.group(3));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (iterations < 1 || expected.length == 0) {
            return false;
        }
        byte[] actual = pbkdf2(password.getBytes(StandardCharsets.UTF_8), salt, iterations, expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    /** Whether {@code hash} has this class's format (an account written by hand may not). */
    public static boolean wellFormed(String hash) {
        return hash != null && HASH.matcher(hash).matches();
    }

    /**
     * PBKDF2 (RFC 8018) with HMAC-SHA256 over the password's UTF-8 bytes, written out rather than
     * through {@code PBEKeySpec}: that takes {@code char[]} and leaves the byte encoding to the
     * provider, and Python's {@code hashlib.pbkdf2_hmac} must get the very same bytes.
     */
    static byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // SecretKeySpec refuses an empty key; HMAC pads keys with zero bytes, so one zero byte is the same key.
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, "HmacSHA256"));
            int blockLength = mac.getMacLength();
            byte[] out = new byte[length];
            int blocks = (length + blockLength - 1) / blockLength;
            for (int block = 1; block <= blocks; block++) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                byte[] u = mac.doFinal();
                byte[] t = u.clone();
                for (int i = 1; i < iterations; i++) {
                    u = mac.doFinal(u);
                    for (int j = 0; j < t.length; j++) {
                        t[j] ^= u[j];
                    }
                }
                int offset = (block - 1) * blockLength;
                System.arraycopy(t, 0, out, offset, Math.min(blockLength, length - offset));
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }
}
