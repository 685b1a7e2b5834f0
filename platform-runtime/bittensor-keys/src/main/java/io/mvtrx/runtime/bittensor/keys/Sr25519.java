package io.mvtrx.runtime.bittensor.keys;

import java.nio.charset.StandardCharsets;

import io.mvtrx.runtime.bittensor.keys.internal.Schnorrkel;

/**
 * sr25519 signature verification (schnorrkel 0.11, signing context {@code "substrate"} unless given). Stateless and
 * thread-safe.
 */
public final class Sr25519 {

    /** The signing context Substrate and Bittensor use. */
    public static final String SUBSTRATE_CONTEXT = "substrate";
    /** Length of a public key. */
    public static final int PUBLIC_KEY_LENGTH = 32;
    /** Length of a signature. */
    public static final int SIGNATURE_LENGTH = 64;

    private static final byte[] WRAP_OPEN = "<Bytes>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WRAP_CLOSE = "</Bytes>".getBytes(StandardCharsets.US_ASCII);

    private Sr25519() {
    }

    /** Whether {@code signature} is a valid signature of {@code message} by {@code publicKey}, context "substrate". */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return check(publicKey, message, signature) == Sr25519Verification.VALID;
    }

    /** Checks a signature (context "substrate") and says why it fails. */
    public static Sr25519Verification check(byte[] publicKey, byte[] message, byte[] signature) {
        return check(SUBSTRATE_CONTEXT.getBytes(StandardCharsets.US_ASCII), publicKey, message, signature);
    }

    /** Checks a signature under a signing context. */
    public static Sr25519Verification check(byte[] context, byte[] publicKey, byte[] message, byte[] signature) {
        return Schnorrkel.verify(Schnorrkel.signingTranscript(context, message), publicKey, signature);
    }

    /**
     * Verification as the Python {@code Keypair.verify} of bittensor-wallet does it: the raw message first, then the
     * same bytes wrapped in {@code <Bytes>…</Bytes>} (what polkadot-js extensions sign).
     */
    public static boolean verifyRawOrWrapped(byte[] publicKey, byte[] message, byte[] signature) {
        if (verify(publicKey, message, signature)) {
            return true;
        }
        byte[] wrapped = new byte[WRAP_OPEN.length + message.length + WRAP_CLOSE.length];
        System.arraycopy(WRAP_OPEN, 0, wrapped, 0, WRAP_OPEN.length);
        System.arraycopy(message, 0, wrapped, WRAP_OPEN.length, message.length);
        System.arraycopy(WRAP_CLOSE, 0, wrapped, WRAP_OPEN.length + message.length, WRAP_CLOSE.length);
        return verify(publicKey, wrapped, signature);
    }
}
