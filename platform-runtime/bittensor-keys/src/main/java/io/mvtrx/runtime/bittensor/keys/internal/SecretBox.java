package io.mvtrx.runtime.bittensor.keys.internal;

import java.security.MessageDigest;
import java.util.Arrays;

import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl {@code crypto_secretbox} (XSalsa20-Poly1305), output {@code tag(16) ‖ ciphertext} as libsodium's
 * {@code crypto_secretbox_easy} and PyNaCl's {@code SecretBox} write it. Stateless and thread-safe.
 */
public final class SecretBox {

    /** Key length. */
    public static final int KEY_LENGTH = 32;
    /** Nonce length. */
    public static final int NONCE_LENGTH = 24;
    /** Authenticator length. */
    public static final int TAG_LENGTH = 16;

    private SecretBox() {
    }

    /** Seals {@code message}: the tag, then the ciphertext. */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] message) {
        XSalsa20Engine stream = stream(key, nonce);
        byte[] polyKey = keystream(stream, 32);
        byte[] out = new byte[TAG_LENGTH + message.length];
        stream.processBytes(message, 0, message.length, out, TAG_LENGTH);
        byte[] tag = poly1305(polyKey, out, TAG_LENGTH, message.length);
        System.arraycopy(tag, 0, out, 0, TAG_LENGTH);
        Arrays.fill(polyKey, (byte) 0);
        return out;
    }

    /** Opens a box; null when the tag does not authenticate (wrong key, or the box was changed). */
    public static byte[] open(byte[] key, byte[] nonce, byte[] box) {
        if (box.length < TAG_LENGTH) {
            return null;
        }
        XSalsa20Engine stream = stream(key, nonce);
        byte[] polyKey = keystream(stream, 32);
        byte[] tag = poly1305(polyKey, box, TAG_LENGTH, box.length - TAG_LENGTH);
        Arrays.fill(polyKey, (byte) 0);
        if (!MessageDigest.isEqual(tag, Arrays.copyOf(box, TAG_LENGTH))) {
            return null;
        }
        byte[] message = new byte[box.length - TAG_LENGTH];
        stream.processBytes(box, TAG_LENGTH, message.length, message, 0);
        return message;
    }

    private static XSalsa20Engine stream(byte[] key, byte[] nonce) {
        if (key.length != KEY_LENGTH || nonce.length != NONCE_LENGTH) {
            throw new IllegalArgumentException("secretbox needs a 32-byte key and a 24-byte nonce");
        }
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return engine;
    }

    /** The first 32 keystream bytes key Poly1305; the message is enciphered from byte 32 on. */
    private static byte[] keystream(XSalsa20Engine stream, int n) {
        byte[] out = new byte[n];
        stream.processBytes(new byte[n], 0, n, out, 0);
        return out;
    }

    private static byte[] poly1305(byte[] key, byte[] data, int offset, int length) {
        Poly1305 mac = new Poly1305();
        mac.init(new KeyParameter(key));
        mac.update(data, offset, length);
        byte[] tag = new byte[TAG_LENGTH];
        mac.doFinal(tag, 0);
        return tag;
    }
}
