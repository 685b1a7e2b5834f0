package io.mvtrx.runtime.wallet;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 key pair. Keys are stored with the JDK provider; signatures are made and verified with Bouncy Castle's
 * RFC 8032 implementation, which gives the same bytes (Ed25519 is deterministic) three to five times faster than the
 * JDK's: a validator signs one request per miner per step, and that signing dominated its per-step cost. The address
 * is the hex of the 32-byte raw public key.
 *
 * <p>Immutable and thread-safe.
 */
public final class Keypair {

    /** X.509 SubjectPublicKeyInfo prefix of an Ed25519 key; the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PublicKey publicKey;
    private final PrivateKey privateKey;
    private final Ed25519PrivateKeyParameters signer;
    private final Ed25519PublicKeyParameters signerPublic;

    Keypair(PublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        if (privateKey == null) {
            this.signer = null;
            this.signerPublic = null;
        } else {
            byte[] seed = ((EdECPrivateKey) privateKey).getBytes().orElseThrow(() -> new WalletException(
                    "Ed25519 private key of %s does not expose its seed", address()));
            this.signer = new Ed25519PrivateKeyParameters(seed, 0);
            this.signerPublic = new Ed25519PublicKeyParameters(publicKeyBytes(), 0);
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The 32-byte raw public key. */
    public byte[] publicKeyBytes() {
        byte[] encoded = publicKey.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** Hex of the raw public key: how hotkeys are named on the local chain. */
    public String address() {
        return HexFormat.of().formatHex(publicKeyBytes());
    }

    /** PKCS#8 encoding of the private key, or null for a public-only key. */
    byte[] privateKeyEncoded() {
        return privateKey == null ? null : privateKey.getEncoded();
    }

    /** Whether the private half is present. */
    public boolean canSign() {
        return privateKey != null;
    }

    /** Signs a message. */
    public byte[] sign(byte[] message) {
        if (privateKey == null) {
            throw new WalletException("key %s has no private half; cannot sign", address());
        }
        byte[] signature = new byte[Ed25519PrivateKeyParameters.SIGNATURE_SIZE];
        signer.sign(Ed25519.Algorithm.Ed25519, signerPublic, null, message, 0, message.length, signature, 0);
        return signature;
    }

    /**
     * Verifies an Ed25519 signature made by the key whose raw public key is given (RFC 8032: S below the group order,
     * a public key that decodes to a curve point, R recomputed and compared byte for byte), with Bouncy Castle: a
     * miner verifies every request it receives, and the JDK's verification was a visible share of its work.
     */
    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (rawPublicKey.length != 32 || signature.length != 64) {
            return false;
        }
        return Ed25519.verify(signature, 0, rawPublicKey, 0, message, 0, message.length);
    }

    /** A public-only key from its 32 raw bytes. */
    public static Keypair publicOnly(byte[] rawPublicKey) {
        try {
            return new Keypair(publicKeyOf(rawPublicKey), null);
        } catch (GeneralSecurityException e) {
            throw new WalletException(e, "not an Ed25519 public key: %s", HexFormat.of().formatHex(rawPublicKey));
        }
    }

    static Keypair fromEncoded(byte[] rawPublicKey, byte[] pkcs8Private) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8Private));
        return new Keypair(publicKeyOf(rawPublicKey), privateKey);
    }

    private static PublicKey publicKeyOf(byte[] raw) throws GeneralSecurityException {
        if (raw.length != 32) {
            throw new GeneralSecurityException("Ed25519 public key must be 32 bytes, got " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }
}
