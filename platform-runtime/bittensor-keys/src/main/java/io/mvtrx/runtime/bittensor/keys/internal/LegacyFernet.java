package io.mvtrx.runtime.bittensor.keys.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decryption of bittensor's oldest keyfile encryption: a Fernet token (text starting {@code gAAAAA}) whose key is
 * PBKDF2-HMAC-SHA256(password, "Iguesscyborgslikemyselfhaveatendencytobeparanoidaboutourorigins", 10,000,000
 * iterations, 32 bytes). Fernet: base64url of {@code 0x80 ‖ time(8) ‖ iv(16) ‖ AES-128-CBC ciphertext ‖
 * HMAC-SHA256}, signing key = key[0..16], encryption key = key[16..32]. Stateless and thread-safe; one derivation
 * takes seconds by design.
 */
public final class LegacyFernet {

    /** What every such token starts with (version byte 0x80 and a 2020s timestamp, base64url). */
    public static final byte[] MARKER = "gAAAAA".getBytes(StandardCharsets.US_ASCII);
    /** The fixed PBKDF2 salt of the legacy format. */
    public static final byte[] SALT = "Iguesscyborgslikemyselfhaveatendencytobeparanoidaboutourorigins"
            .getBytes(StandardCharsets.US_ASCII);
    /** PBKDF2 iterations of the legacy format. */
    public static final int ITERATIONS = 10_000_000;

    private LegacyFernet() {
    }

    /** Whether {@code data} starts with {@code gAAAAA}. */
    public static boolean isFernet(byte[] data) {
        return NaclKeyfileCipher.startsWith(data, MARKER);
    }

    /** The 32-byte Fernet key of a password. */
    public static byte[] deriveKey(byte[] password) {
        return Digests.pbkdf2("HmacSHA256", password, SALT, ITERATIONS, 32);
    }

    /**
     * Decrypts a token under a 32-byte key; null when the HMAC does not match (a wrong password, or changed bytes).
     * Throws {@link IllegalArgumentException} naming what is malformed.
     */
    public static byte[] decrypt(byte[] token, byte[] key) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(new String(token, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Fernet token is not base64url: " + e.getMessage());
        }
        if (raw.length < 1 + 8 + 16 + 16 + 32 || raw[0] != (byte) 0x80 || (raw.length - 57) % 16 != 0) {
            throw new IllegalArgumentException("not a Fernet token: version byte or length is wrong");
        }
        byte[] signed = Arrays.copyOf(raw, raw.length - 32);
        byte[] mac = Arrays.copyOfRange(raw, raw.length - 32, raw.length);
        if (!MessageDigest.isEqual(Digests.hmac("HmacSHA256", Arrays.copyOf(key, 16), signed), mac)) {
            return null;
        }
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(key, 16, 32), "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(raw, 9, 25)));
            return aes.doFinal(raw, 25, raw.length - 25 - 32);
        } catch (javax.crypto.BadPaddingException e) {
            throw new IllegalArgumentException("Fernet plaintext has invalid padding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CBC missing from the JDK", e);
        }
    }
}
