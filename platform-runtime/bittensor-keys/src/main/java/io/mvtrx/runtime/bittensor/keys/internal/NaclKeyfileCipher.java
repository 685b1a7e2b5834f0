package io.mvtrx.runtime.bittensor.keys.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * btwallet's {@code $NACL} keyfile encryption: {@code "$NACL" ‖ nonce(24) ‖ secretbox(plaintext)}, the secretbox key
 * derived from the password with libsodium's {@code crypto_pwhash_argon2i} (Argon2i v1.3, one lane, t = opslimit,
 * m = memlimit / 1 KiB) and btwallet's fixed salt. Stateless and thread-safe.
 */
public final class NaclKeyfileCipher {

    /** The marker that starts a {@code $NACL} keyfile. */
    public static final byte[] MARKER = "$NACL".getBytes(StandardCharsets.US_ASCII);
    /** btwallet's fixed Argon2i salt ({@code NACL_SALT}). */
    public static final byte[] SALT = HexFormat.of().parseHex("137183dff15a09bc9c90b5518739e9b1");

    /**
     * An Argon2i cost as libsodium states it.
     *
     * @param opsLimit    passes over memory (t)
     * @param memLimitBytes memory in bytes; a multiple of 1024
     */
    public record Argon2Cost(int opsLimit, int memLimitBytes) {
        /** libsodium's {@code OPSLIMIT_SENSITIVE} / {@code MEMLIMIT_SENSITIVE}: what btwallet uses (512 MiB). */
        public static final Argon2Cost SENSITIVE = new Argon2Cost(8, 512 * 1024 * 1024);

        /** Checks libsodium's lower bounds for Argon2i. */
        public Argon2Cost {
            if (opsLimit < 3 || memLimitBytes < 8192 || memLimitBytes % 1024 != 0) {
                throw new IllegalArgumentException("Argon2i needs opslimit >= 3 and memlimit >= 8192, a multiple of"
                        + " 1024; got " + opsLimit + " and " + memLimitBytes);
            }
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private NaclKeyfileCipher() {
    }

    /** Whether {@code data} starts with {@code $NACL}. */
    public static boolean isNacl(byte[] data) {
        return startsWith(data, MARKER);
    }

    /** The 32-byte secretbox key of a password. */
    public static byte[] deriveKey(byte[] password, Argon2Cost cost) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_i)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(cost.opsLimit())
                .withMemoryAsKB(cost.memLimitBytes() / 1024)
                .withParallelism(1)
                .withSalt(SALT)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] key = new byte[SecretBox.KEY_LENGTH];
        generator.generateBytes(password, key);
        return key;
    }

    /** Encrypts with a fresh random nonce. */
    public static byte[] encrypt(byte[] plaintext, byte[] password, Argon2Cost cost) {
        byte[] nonce = new byte[SecretBox.NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        byte[] key = deriveKey(password, cost);
        byte[] box = SecretBox.seal(key, nonce, plaintext);
        Arrays.fill(key, (byte) 0);
        byte[] out = new byte[MARKER.length + nonce.length + box.length];
        System.arraycopy(MARKER, 0, out, 0, MARKER.length);
        System.arraycopy(nonce, 0, out, MARKER.length, nonce.length);
        System.arraycopy(box, 0, out, MARKER.length + nonce.length, box.length);
        return out;
    }

    /**
     * Decrypts; null when the box does not authenticate under the password's key (a wrong password, or changed
     * bytes). Throws {@link IllegalArgumentException} when the data is too short to be a box.
     */
    public static byte[] decrypt(byte[] data, byte[] password, Argon2Cost cost) {
        int header = MARKER.length + SecretBox.NONCE_LENGTH;
        if (!isNacl(data) || data.length < header + SecretBox.TAG_LENGTH) {
            throw new IllegalArgumentException("too short for a $NACL keyfile: " + data.length + " bytes");
        }
        byte[] nonce = Arrays.copyOfRange(data, MARKER.length, header);
        byte[] key = deriveKey(password, cost);
        try {
            return SecretBox.open(key, nonce, Arrays.copyOfRange(data, header, data.length));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
