package io.mvtrx.runtime.bittensor.keys.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import io.mvtrx.runtime.bittensor.keys.Sr25519Verification;

import cafe.cryptography.curve25519.CompressedRistretto;
import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.InvalidEncodingException;
import cafe.cryptography.curve25519.RistrettoElement;
import cafe.cryptography.curve25519.Scalar;

/**
 * schnorrkel 0.11 (w3f/schnorrkel {@code keys.rs}, {@code sign.rs}, {@code derive.rs}) on Ristretto255: mini-secret
 * expansion in "Ed25519" mode, public keys, signing with the transcript-RNG witness, verification, and hard and soft
 * derivation as sp-core uses them. Keys are passed as bytes: a secret is the 32-byte canonical scalar ("key") and the
 * 32-byte signing nonce seed ("nonce").
 *
 * <p>Stateless and thread-safe.
 */
public final class Schnorrkel {

    /** Length of public keys, mini secrets, scalars and nonces. */
    public static final int KEY_LENGTH = 32;
    /** Length of a signature: R (32) then s (32) with the schnorrkel marker bit. */
    public static final int SIGNATURE_LENGTH = 64;

    private Schnorrkel() {
    }

    /** The two halves of an expanded secret key, canonical form. */
    public record ExpandedSecret(byte[] key, byte[] nonce) {
        /** Copies both halves. */
        public ExpandedSecret {
            key = key.clone();
            nonce = nonce.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public byte[] nonce() {
            return nonce.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ExpandedSecret e && MessageDigest.isEqual(key, e.key)
                    && MessageDigest.isEqual(nonce, e.nonce);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key);
        }

        @Override
        public String toString() {
            return "ExpandedSecret[secret]";
        }
    }

    /**
     * {@code MiniSecretKey::expand(ExpansionMode::Ed25519)}: SHA-512 of the mini secret; the first half clamped as in
     * Ed25519 and divided by the cofactor 8 is the scalar, the second half the nonce.
     */
    public static ExpandedSecret expandEd25519(byte[] miniSecret) {
        requireLength("mini secret", miniSecret, KEY_LENGTH);
        byte[] h = sha512(miniSecret);
        byte[] key = Arrays.copyOfRange(h, 0, 32);
        key[0] &= (byte) 248;
        key[31] &= 63;
        key[31] |= 64;
        divideByCofactor(key);
        return new ExpandedSecret(key, Arrays.copyOfRange(h, 32, 64));
    }

    /** The public key (compressed Ristretto point key·B) of a canonical secret scalar. */
    public static byte[] publicKey(byte[] key) {
        return Constants.RISTRETTO_GENERATOR_TABLE.multiply(canonicalScalar(key)).compress().toByteArray();
    }

    /** Whether 32 bytes are a canonical scalar (below the group order). */
    public static boolean isCanonicalScalar(byte[] key) {
        if (key.length != KEY_LENGTH) {
            return false;
        }
        try {
            Scalar.fromCanonicalBytes(key.clone());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether 32 bytes decode to a Ristretto255 point. */
    public static boolean isValidPublicKey(byte[] publicKey) {
        return publicKey.length == KEY_LENGTH && decompress(publicKey) != null;
    }

    /** The transcript of {@code signing_context(context).bytes(message)}. */
    public static MerlinTranscript signingTranscript(byte[] context, byte[] message) {
        MerlinTranscript t = MerlinTranscript.create("SigningContext");
        t.appendMessage(new byte[0], context);
        t.appendMessage("sign-bytes", message);
        return t;
    }

    /**
     * Signs the transcript ({@code SecretKey::sign}). The witness scalar r comes from the transcript RNG rekeyed with
     * the secret nonce and finished with {@code random32}; fresh random bytes make every signature different, fixed
     * bytes reproduce a test vector.
     */
    public static byte[] sign(MerlinTranscript t, ExpandedSecret secret, byte[] publicKey, byte[] random32) {
        requireLength("public key", publicKey, KEY_LENGTH);
        Scalar x = canonicalScalar(secret.key);
        t.appendMessage("proto-name", ascii("Schnorr-sig"));
        t.appendMessage("sign:pk", publicKey);
        byte[] wide = new byte[64];
        t.buildRng().rekeyWithWitnessBytes("signing", secret.nonce).finish(random32).fillBytes(wide);
        Scalar r = Scalar.fromBytesModOrderWide(wide);
        Arrays.fill(wide, (byte) 0);
        byte[] bigR = Constants.RISTRETTO_GENERATOR_TABLE.multiply(r).compress().toByteArray();
        t.appendMessage("sign:R", bigR);
        Scalar k = Scalar.fromBytesModOrderWide(t.challengeBytes("sign:c", 64));
        byte[] s = k.multiplyAndAdd(x, r).toByteArray();
        byte[] signature = new byte[SIGNATURE_LENGTH];
        System.arraycopy(bigR, 0, signature, 0, 32);
        System.arraycopy(s, 0, signature, 32, 32);
        signature[63] |= (byte) 0x80;
        return signature;
    }

    /** Verifies a signature on the transcript ({@code PublicKey::verify} with {@code Signature::from_bytes}). */
    public static Sr25519Verification verify(MerlinTranscript t, byte[] publicKey, byte[] signature) {
        if (publicKey.length != KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
            return Sr25519Verification.BAD_LENGTH;
        }
        if ((signature[63] & 0x80) == 0) {
            return Sr25519Verification.MARKER_MISSING;
        }
        byte[] bigR = Arrays.copyOfRange(signature, 0, 32);
        byte[] sBytes = Arrays.copyOfRange(signature, 32, 64);
        sBytes[31] &= 0x7f;
        Scalar s;
        try {
            s = Scalar.fromCanonicalBytes(sBytes);
        } catch (IllegalArgumentException e) {
            return Sr25519Verification.NON_CANONICAL_SCALAR;
        }
        RistrettoElement point = decompress(publicKey);
        if (point == null) {
            return Sr25519Verification.INVALID_PUBLIC_KEY;
        }
        t.appendMessage("proto-name", ascii("Schnorr-sig"));
        t.appendMessage("sign:pk", publicKey);
        t.appendMessage("sign:R", bigR);
        Scalar k = Scalar.fromBytesModOrderWide(t.challengeBytes("sign:c", 64));
        byte[] expected = Constants.RISTRETTO_GENERATOR_TABLE.multiply(s).subtract(point.multiply(k))
                .compress().toByteArray();
        return MessageDigest.isEqual(expected, bigR) ? Sr25519Verification.VALID : Sr25519Verification.EQUATION_FALSE;
    }

    /**
     * Hard derivation ({@code SecretKey::hard_derive_mini_secret_key(Some(cc), b"")}): a new mini secret from the
     * secret scalar and a chain code; sp-core then expands it in Ed25519 mode.
     */
    public static byte[] hardDeriveMiniSecret(ExpandedSecret secret, byte[] chainCode) {
        requireLength("chain code", chainCode, KEY_LENGTH);
        MerlinTranscript t = MerlinTranscript.create("SchnorrRistrettoHDKD");
        t.appendMessage("sign-bytes", new byte[0]);
        t.appendMessage("chain-code", chainCode);
        t.appendMessage("secret-key", secret.key);
        return t.challengeBytes("HDKD-hard", 32);
    }

    /**
     * Soft derivation of a secret ({@code derived_key_simple(cc, b"")}): key + H(cc, public key); the new nonce comes
     * from the transcript RNG (rekeyed with the old nonce and secret, finished with {@code random32}), so only the
     * public half is deterministic.
     */
    public static ExpandedSecret softDerive(ExpandedSecret secret, byte[] publicKey, byte[] chainCode,
            byte[] random32) {
        MerlinTranscript t = softTranscript();
        Scalar delta = softScalar(t, publicKey, chainCode);
        byte[] secretBytes = new byte[64];
        System.arraycopy(secret.key, 0, secretBytes, 0, 32);
        System.arraycopy(secret.nonce, 0, secretBytes, 32, 32);
        byte[] nonce = new byte[32];
        t.buildRng()
                .rekeyWithWitnessBytes("HDKD-nonce", secret.nonce)
                .rekeyWithWitnessBytes("HDKD-nonce", secretBytes)
                .finish(random32)
                .fillBytes(nonce);
        Arrays.fill(secretBytes, (byte) 0);
        byte[] key = canonicalScalar(secret.key).add(delta).toByteArray();
        return new ExpandedSecret(key, nonce);
    }

    /** Soft derivation of a public key alone: P + H(cc, P)·B. */
    public static byte[] softDerivePublic(byte[] publicKey, byte[] chainCode) {
        RistrettoElement point = decompress(publicKey);
        if (point == null) {
            throw new IllegalArgumentException("not a Ristretto255 public key");
        }
        Scalar delta = softScalar(softTranscript(), publicKey, chainCode);
        return point.add(Constants.RISTRETTO_GENERATOR_TABLE.multiply(delta)).compress().toByteArray();
    }

    /** Multiplies a little-endian 256-bit number by 8 (canonical key → ed25519-form key). */
    public static byte[] multiplyByCofactor(byte[] key) {
        requireLength("scalar", key, KEY_LENGTH);
        byte[] out = key.clone();
        int high = 0;
        for (int i = 0; i < 32; i++) {
            int v = out[i] & 0xff;
            out[i] = (byte) ((v << 3) | high);
            high = v >>> 5;
        }
        return out;
    }

    /** Divides a little-endian 256-bit number by 8 in place (ed25519-form key → canonical key). */
    public static void divideByCofactor(byte[] key) {
        int low = 0;
        for (int i = 31; i >= 0; i--) {
            int v = key[i] & 0xff;
            key[i] = (byte) ((v >>> 3) | low);
            low = (v & 7) << 5;
        }
    }

    /** The scalar of ed25519-form key bytes: divided by 8 and reduced, as {@code SecretKey::from_ed25519_bytes}. */
    public static byte[] canonicalFromEd25519Form(byte[] ed25519Key) {
        requireLength("scalar", ed25519Key, KEY_LENGTH);
        byte[] key = ed25519Key.clone();
        divideByCofactor(key);
        return Scalar.fromBytesModOrder(key).toByteArray();
    }

    private static MerlinTranscript softTranscript() {
        MerlinTranscript t = MerlinTranscript.create("SchnorrRistrettoHDKD");
        t.appendMessage("sign-bytes", new byte[0]);
        return t;
    }

    private static Scalar softScalar(MerlinTranscript t, byte[] publicKey, byte[] chainCode) {
        requireLength("chain code", chainCode, KEY_LENGTH);
        t.appendMessage("chain-code", chainCode);
        t.appendMessage("public-key", publicKey);
        Scalar delta = Scalar.fromBytesModOrderWide(t.challengeBytes("HDKD-scalar", 64));
        t.challengeBytes("HDKD-chaincode", 32);
        return delta;
    }

    private static Scalar canonicalScalar(byte[] key) {
        requireLength("secret scalar", key, KEY_LENGTH);
        return Scalar.fromCanonicalBytes(key.clone());
    }

    private static RistrettoElement decompress(byte[] encoded) {
        try {
            return new CompressedRistretto(encoded.clone()).decompress();
        } catch (InvalidEncodingException e) {
            return null;
        }
    }

    private static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 missing from the JDK", e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void requireLength(String what, byte[] bytes, int length) {
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + bytes.length);
        }
    }
}
