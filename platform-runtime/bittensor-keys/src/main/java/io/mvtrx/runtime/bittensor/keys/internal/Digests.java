package io.mvtrx.runtime.bittensor.keys.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Hashes and key stretching shared by the key and keyfile code. Stateless and thread-safe. */
public final class Digests {

    private Digests() {
    }

    /** BLAKE2b with an output of {@code outBytes} bytes (no key). */
    public static byte[] blake2b(int outBytes, byte[]... parts) {
        Blake2bDigest digest = new Blake2bDigest(outBytes * 8);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[outBytes];
        digest.doFinal(out, 0);
        return out;
    }

    /**
     * PBKDF2 (RFC 8018) with HMAC-{@code hmacAlgorithm} ("HmacSHA256", "HmacSHA512"), on raw password bytes. The
     * JDK's HMAC is used for speed: the legacy keyfile format asks for ten million iterations.
     */
    public static byte[] pbkdf2(String hmacAlgorithm, byte[] password, byte[] salt, int iterations, int length) {
        try {
            Mac mac = keyedMac(hmacAlgorithm, password);
            int hLen = mac.getMacLength();
            byte[] out = new byte[length];
            byte[] u = new byte[hLen];
            byte[] t = new byte[hLen];
            for (int block = 1, offset = 0; offset < length; block++, offset += hLen) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8),
                    (byte) block});
                mac.doFinal(u, 0);
                System.arraycopy(u, 0, t, 0, hLen);
                for (int i = 1; i < iterations; i++) {
                    mac.update(u);
                    mac.doFinal(u, 0);
                    for (int j = 0; j < hLen; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, out, offset, Math.min(hLen, length - offset));
            }
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmacAlgorithm + " missing from the JDK", e);
        }
    }

    /** HMAC-{@code algorithm} of {@code data}. */
    public static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            return keyedMac(algorithm, key).doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }

    /**
     * An HMAC keyed with {@code key}. SecretKeySpec refuses an empty key; HMAC zero-pads keys to a block, so an empty
     * key and a single zero byte give the same MAC.
     */
    private static Mac keyedMac(String algorithm, byte[] key) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
        return mac;
    }
}
