package io.mvtrx.runtime.bittensor.keys.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decryption of Ansible Vault 1.1/1.2 {@code AES256} text, bittensor's legacy keyfile encryption
 * ({@code $ANSIBLE_VAULT;1.1;AES256}, then hex lines). The body is hex of {@code hex(salt) \n hex(hmac) \n
 * hex(ciphertext)}; PBKDF2-HMAC-SHA256(password, salt, 10000) gives 80 bytes: AES-256 key, HMAC-SHA256 key, CTR IV;
 * the HMAC covers the ciphertext; the plaintext is PKCS#7 padded. Stateless and thread-safe.
 */
public final class AnsibleVault {

    /** The marker that starts a vault. */
    public static final byte[] MARKER = "$ANSIBLE_VAULT".getBytes(StandardCharsets.US_ASCII);

    private static final int ITERATIONS = 10_000;

    private AnsibleVault() {
    }

    /** Whether {@code data} starts with {@code $ANSIBLE_VAULT}. */
    public static boolean isVault(byte[] data) {
        return NaclKeyfileCipher.startsWith(data, MARKER);
    }

    /**
     * Decrypts; null when the HMAC does not match (a wrong password, or changed bytes). Throws
     * {@link IllegalArgumentException} naming what is malformed.
     */
    public static byte[] decrypt(byte[] data, byte[] password) {
        String text = new String(data, StandardCharsets.US_ASCII).strip();
        String[] lines = text.split("\\R");
        String[] header = lines[0].strip().split(";");
        if (header.length < 3 || !header[0].equals("$ANSIBLE_VAULT")) {
            throw new IllegalArgumentException("vault header '" + lines[0] + "' is not $ANSIBLE_VAULT;VERSION;CIPHER");
        }
        if (!header[1].equals("1.1") && !header[1].equals("1.2")) {
            throw new IllegalArgumentException("vault format version " + header[1] + " is not supported (1.1, 1.2)");
        }
        if (!header[2].strip().equals("AES256")) {
            throw new IllegalArgumentException("vault cipher " + header[2] + " is not supported (AES256)");
        }
        StringBuilder body = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            body.append(lines[i].strip());
        }
        String[] parts;
        try {
            parts = new String(HexFormat.of().parseHex(body), StandardCharsets.US_ASCII).split("\n");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vault body is not hex: " + e.getMessage());
        }
        if (parts.length != 3) {
            throw new IllegalArgumentException("vault body has " + parts.length + " parts, expected salt, hmac and"
                    + " ciphertext");
        }
        byte[] salt;
        byte[] hmac;
        byte[] ciphertext;
        try {
            salt = HexFormat.of().parseHex(parts[0].strip());
            hmac = HexFormat.of().parseHex(parts[1].strip());
            ciphertext = HexFormat.of().parseHex(parts[2].strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("vault salt, hmac or ciphertext is not hex: " + e.getMessage());
        }
        byte[] keys = Digests.pbkdf2("HmacSHA256", password, salt, ITERATIONS, 80);
        try {
            byte[] expected = Digests.hmac("HmacSHA256", Arrays.copyOfRange(keys, 32, 64), ciphertext);
            if (!MessageDigest.isEqual(expected, hmac)) {
                return null;
            }
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(keys, 0, 32), "AES"),
                    new IvParameterSpec(Arrays.copyOfRange(keys, 64, 80)));
            return unpad(aes.doFinal(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CTR missing from the JDK", e);
        } finally {
            Arrays.fill(keys, (byte) 0);
        }
    }

    private static byte[] unpad(byte[] padded) {
        int pad = padded.length == 0 ? 0 : padded[padded.length - 1] & 0xff;
        if (pad < 1 || pad > 16 || pad > padded.length) {
            throw new IllegalArgumentException("vault plaintext has invalid PKCS#7 padding");
        }
        for (int i = padded.length - pad; i < padded.length; i++) {
            if ((padded[i] & 0xff) != pad) {
                throw new IllegalArgumentException("vault plaintext has invalid PKCS#7 padding");
            }
        }
        return Arrays.copyOf(padded, padded.length - pad);
    }
}
