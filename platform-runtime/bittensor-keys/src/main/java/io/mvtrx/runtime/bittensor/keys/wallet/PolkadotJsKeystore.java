package io.mvtrx.runtime.bittensor.keys.wallet;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.mvtrx.runtime.bittensor.keys.KeyException;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.bittensor.keys.Ss58;
import io.mvtrx.runtime.bittensor.keys.internal.SecretBox;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Import of polkadot-js JSON keystores ({@code encoding.version "3"}, content {@code ["pkcs8", "sr25519"]}), either
 * unencrypted (type {@code ["none"]}) or {@code ["scrypt", "xsalsa20-poly1305"]}: {@code encoded} is base64 of
 * {@code salt(32) ‖ N ‖ p ‖ r (u32 LE each) ‖ nonce(24) ‖ secretbox}, keyed with scrypt(password, salt, N, r, p)
 * [0..32]. The plaintext is {@code 3053020101300506032b657004220420 ‖ secret(64, ed25519 form) ‖ a123032100 ‖
 * public(32)}. Stateless and thread-safe.
 */
public final class PolkadotJsKeystore {

    /** The PKCS#8 header polkadot-js writes before the secret. */
    public static final byte[] PKCS8_HEADER = HexFormat.of().parseHex("3053020101300506032b657004220420");
    /** The divider between secret and public key. */
    public static final byte[] PKCS8_DIVIDER = HexFormat.of().parseHex("a123032100");

    private static final int SCRYPT_PARAMS_LENGTH = 32 + 3 * 4;
    private static final int MAX_SCRYPT_N = 1 << 20;

    private PolkadotJsKeystore() {
    }

    /** Whether the JSON text looks like a polkadot-js keystore (has {@code encoded} and {@code encoding}). */
    public static boolean looksLikeKeystore(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        return text.contains("\"encoded\"") && text.contains("\"encoding\"");
    }

    /**
     * Reads the key pair of a keystore; {@code where} names the file in messages. The password is asked only when the
     * keystore is encrypted.
     */
    public static Sr25519Keypair read(byte[] json, PasswordSource passwords, Path where) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8)))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw malformed(where, "not JSON: " + e.getMessage());
        }
        JsonObject encoding = object.getJsonObject("encoding");
        if (encoding == null || !(object.get("encoded") instanceof JsonString encodedText)) {
            throw malformed(where, "a polkadot-js keystore needs 'encoded' and 'encoding'");
        }
        String version = encoding.get("version") instanceof JsonString v ? v.getString() : "";
        List<String> content = strings(encoding.getJsonArray("content"));
        List<String> type = strings(encoding.getJsonArray("type"));
        if (!version.equals("3")) {
            throw malformed(where, "keystore version '" + version + "' is not supported (3)");
        }
        if (!content.equals(List.of("pkcs8", "sr25519"))) {
            throw malformed(where, "keystore content " + content + " is not [pkcs8, sr25519]");
        }
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(encodedText.getString());
        } catch (IllegalArgumentException e) {
            throw malformed(where, "'encoded' is not base64");
        }
        byte[] pkcs8;
        if (type.equals(List.of("none"))) {
            pkcs8 = encoded;
        } else if (type.equals(List.of("scrypt", "xsalsa20-poly1305"))) {
            String password = passwords.password(where, KeyfileEncryption.NACL).orElseThrow(() ->
                    new KeyfileException(KeyfileException.Reason.PASSWORD_REQUIRED,
                            "%s is an encrypted polkadot-js keystore and no password was given", where));
            pkcs8 = decrypt(encoded, password, where);
        } else {
            throw malformed(where, "keystore encryption " + type + " is not supported ([scrypt, xsalsa20-poly1305],"
                    + " [none])");
        }
        Sr25519Keypair pair = fromPkcs8(pkcs8, where);
        Optional<String> address = object.get("address") instanceof JsonString a ? Optional.of(a.getString())
                : Optional.empty();
        if (address.isPresent()) {
            byte[] declared;
            try {
                declared = Ss58.decode(address.get()).publicKey();
            } catch (KeyException e) {
                throw malformed(where, "address: " + e.getMessage());
            }
            if (!MessageDigest.isEqual(declared, pair.publicKey())) {
                throw new KeyfileException(KeyfileException.Reason.INCONSISTENT,
                        "%s: address does not match the keystore's key: the file was modified or is corrupt", where);
            }
        }
        return pair;
    }

    private static byte[] decrypt(byte[] encoded, String password, Path where) {
        if (encoded.length < SCRYPT_PARAMS_LENGTH + SecretBox.NONCE_LENGTH + SecretBox.TAG_LENGTH) {
            throw malformed(where, "encrypted keystore is too short");
        }
        byte[] salt = Arrays.copyOf(encoded, 32);
        int n = le32(encoded, 32);
        int p = le32(encoded, 36);
        int r = le32(encoded, 40);
        if (n < 2 || n > MAX_SCRYPT_N || Integer.bitCount(n) != 1 || p < 1 || p > 16 || r < 1 || r > 32) {
            throw malformed(where, "scrypt parameters N=" + n + " p=" + p + " r=" + r + " are out of range");
        }
        byte[] derived = SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt, n, r, p, 64);
        byte[] key = Arrays.copyOf(derived, 32);
        Arrays.fill(derived, (byte) 0);
        byte[] nonce = Arrays.copyOfRange(encoded, SCRYPT_PARAMS_LENGTH, SCRYPT_PARAMS_LENGTH + SecretBox.NONCE_LENGTH);
        byte[] box = Arrays.copyOfRange(encoded, SCRYPT_PARAMS_LENGTH + SecretBox.NONCE_LENGTH, encoded.length);
        byte[] plain = SecretBox.open(key, nonce, box);
        Arrays.fill(key, (byte) 0);
        if (plain == null) {
            throw new KeyfileException(KeyfileException.Reason.WRONG_PASSWORD_OR_TAMPERED,
                    "%s: wrong password, or the keystore was modified (xsalsa20-poly1305 authentication failed)",
                    where);
        }
        return plain;
    }

    private static Sr25519Keypair fromPkcs8(byte[] pkcs8, Path where) {
        int secretAt = PKCS8_HEADER.length;
        int dividerAt = secretAt + 64;
        int publicAt = dividerAt + PKCS8_DIVIDER.length;
        if (pkcs8.length < publicAt + 32
                || !Arrays.equals(pkcs8, 0, PKCS8_HEADER.length, PKCS8_HEADER, 0, PKCS8_HEADER.length)
                || !Arrays.equals(pkcs8, dividerAt, publicAt, PKCS8_DIVIDER, 0, PKCS8_DIVIDER.length)) {
            throw malformed(where, "the keystore body is not polkadot-js sr25519 PKCS#8 (header, 64-byte secret,"
                    + " divider, public key)");
        }
        Sr25519Keypair pair;
        try {
            pair = Sr25519Keypair.fromEd25519SecretKey(Arrays.copyOfRange(pkcs8, secretAt, dividerAt));
        } catch (KeyException e) {
            throw malformed(where, e.getMessage());
        }
        if (!MessageDigest.isEqual(pair.publicKey(), Arrays.copyOfRange(pkcs8, publicAt, publicAt + 32))) {
            throw new KeyfileException(KeyfileException.Reason.INCONSISTENT,
                    "%s: the keystore's public key does not belong to its secret", where);
        }
        return pair;
    }

    private static List<String> strings(JsonArray array) {
        if (array == null) {
            return List.of();
        }
        return array.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList();
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static KeyfileException malformed(Path where, String why) {
        return new KeyfileException(KeyfileException.Reason.MALFORMED, "%s: %s", where, why);
    }
}
