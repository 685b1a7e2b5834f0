package io.mvtrx.runtime.bittensor.keys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import io.mvtrx.runtime.bittensor.keys.internal.Schnorrkel;
import io.mvtrx.runtime.bittensor.keys.internal.Schnorrkel.ExpandedSecret;

/**
 * An sr25519 key pair as Substrate, btwallet and the Bittensor SDK use it: a secret scalar with its signing nonce
 * seed, and the Ristretto255 public key.
 *
 * <p>Secret keys come in two 64-byte forms, both {@code key ‖ nonce}: <b>canonical</b> (schnorrkel
 * {@code SecretKey::to_bytes}, what btwallet writes as {@code privateKey}) and <b>ed25519 form</b> (key × 8, used by
 * polkadot-js keystores). Immutable and thread-safe; {@link #toString()} prints only the address.
 */
public final class Sr25519Keypair {

    /** The Substrate development phrase, the base of dev URIs such as {@code //Alice}. */
    public static final String DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ExpandedSecret secret;
    private final byte[] publicKey;

    private Sr25519Keypair(ExpandedSecret secret) {
        this.secret = secret;
        this.publicKey = Schnorrkel.publicKey(secret.key());
    }

    /** The pair of a 32-byte mini secret, expanded in Ed25519 mode as sp-core does. */
    public static Sr25519Keypair fromMiniSecret(byte[] miniSecret) {
        if (miniSecret.length != 32) {
            throw new KeyException("an sr25519 seed (mini secret) is 32 bytes, got %d", miniSecret.length);
        }
        return new Sr25519Keypair(Schnorrkel.expandEd25519(miniSecret));
    }

    /** The pair of a mnemonic and passphrase ("" for none), via substrate-bip39. */
    public static Sr25519Keypair fromMnemonic(Mnemonic mnemonic, String passphrase) {
        byte[] mini = mnemonic.miniSecret(passphrase);
        try {
            return fromMiniSecret(mini);
        } finally {
            Arrays.fill(mini, (byte) 0);
        }
    }

    /** The pair of a 64-byte canonical secret key ({@code key ‖ nonce}, key below the group order). */
    public static Sr25519Keypair fromSecretKey(byte[] secretKey) {
        if (secretKey.length != 64) {
            throw new KeyException("an sr25519 secret key is 64 bytes, got %d", secretKey.length);
        }
        byte[] key = Arrays.copyOfRange(secretKey, 0, 32);
        if (!Schnorrkel.isCanonicalScalar(key)) {
            throw new KeyException("the sr25519 secret key's scalar half is not canonical (not below the group order)");
        }
        return new Sr25519Keypair(new ExpandedSecret(key, Arrays.copyOfRange(secretKey, 32, 64)));
    }

    /** The pair of a 64-byte ed25519-form secret key (key × 8 ‖ nonce), as polkadot-js stores it. */
    public static Sr25519Keypair fromEd25519SecretKey(byte[] secretKey) {
        if (secretKey.length != 64) {
            throw new KeyException("an sr25519 secret key is 64 bytes, got %d", secretKey.length);
        }
        byte[] key = Schnorrkel.canonicalFromEd25519Form(Arrays.copyOfRange(secretKey, 0, 32));
        return new Sr25519Keypair(new ExpandedSecret(key, Arrays.copyOfRange(secretKey, 32, 64)));
    }

    /**
     * The pair of a Substrate secret URI {@code PHRASE[PATH][///PASSWORD]}: PHRASE is a mnemonic, {@code 0x} and a
     * 32-byte hex seed, or empty for the development phrase; PATH is a {@link DerivationPath}. So {@code //Alice} is
     * Alice's development key.
     */
    public static Sr25519Keypair fromUri(String uri) {
        String rest = uri;
        String password = "";
        int passwordAt = rest.indexOf("///");
        if (passwordAt >= 0) {
            password = rest.substring(passwordAt + 3);
            rest = rest.substring(0, passwordAt);
        }
        int pathAt = rest.indexOf('/');
        String phrase = (pathAt < 0 ? rest : rest.substring(0, pathAt)).strip();
        DerivationPath path = DerivationPath.parse(pathAt < 0 ? "" : rest.substring(pathAt));
        Sr25519Keypair base;
        if (phrase.startsWith("0x")) {
            if (!password.isEmpty()) {
                throw new KeyException("a password cannot be combined with a hex seed in a secret URI");
            }
            base = fromMiniSecret(parseHex(phrase.substring(2), "seed"));
        } else {
            base = fromMnemonic(Mnemonic.parse(phrase.isEmpty() ? DEV_PHRASE : phrase), password);
        }
        return base.derive(path);
    }

    /** The 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The Bittensor (prefix 42) SS58 address. */
    public String ss58Address() {
        return Ss58.encode(publicKey);
    }

    /** The SS58 address under another network prefix. */
    public String ss58Address(int prefix) {
        return Ss58.encode(publicKey, prefix);
    }

    /** The 64-byte canonical secret key ({@code key ‖ nonce}), what btwallet writes as {@code privateKey}. */
    public byte[] secretKey() {
        byte[] out = Arrays.copyOf(secret.key(), 64);
        System.arraycopy(secret.nonce(), 0, out, 32, 32);
        return out;
    }

    /** The 64-byte ed25519-form secret key (key × 8 ‖ nonce). */
    public byte[] ed25519SecretKey() {
        byte[] out = Arrays.copyOf(Schnorrkel.multiplyByCofactor(secret.key()), 64);
        System.arraycopy(secret.nonce(), 0, out, 32, 32);
        return out;
    }

    /** Signs a message under the "substrate" context; signatures are randomized. */
    public byte[] sign(byte[] message) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return sign(message, random);
    }

    /**
     * Signs with the given 32 bytes finishing the witness RNG. Only for reproducing test vectors (they use 32 zero
     * bytes): reusing randomness does not leak the key, because the secret nonce is mixed in, but it makes the
     * signature deterministic.
     */
    public byte[] sign(byte[] message, byte[] witnessRandomness) {
        return sign(Sr25519.SUBSTRATE_CONTEXT.getBytes(StandardCharsets.US_ASCII), message, witnessRandomness);
    }

    /** Signs under an explicit signing context with the given witness randomness. */
    public byte[] sign(byte[] context, byte[] message, byte[] witnessRandomness) {
        return Schnorrkel.sign(Schnorrkel.signingTranscript(context, message), secret, publicKey, witnessRandomness);
    }

    /** Whether {@code signature} verifies under this public key (context "substrate"). */
    public boolean verify(byte[] message, byte[] signature) {
        return Sr25519.verify(publicKey, message, signature);
    }

    /**
     * The pair at {@code path} below this one, as sp-core derives it: a hard junction hashes the secret scalar into a
     * new mini secret; a soft junction adds a public-derivable scalar (its secret nonce is random, so soft-derived
     * pairs sign the same but do not serialize identically).
     */
    public Sr25519Keypair derive(DerivationPath path) {
        ExpandedSecret current = secret;
        byte[] currentPublic = publicKey;
        for (DerivationPath.Junction junction : path.junctions()) {
            if (junction.hard()) {
                byte[] mini = Schnorrkel.hardDeriveMiniSecret(current, junction.chainCode());
                current = Schnorrkel.expandEd25519(mini);
                Arrays.fill(mini, (byte) 0);
            } else {
                byte[] random = new byte[32];
                RANDOM.nextBytes(random);
                current = Schnorrkel.softDerive(current, currentPublic, junction.chainCode(), random);
            }
            currentPublic = Schnorrkel.publicKey(current.key());
        }
        return current == secret ? this : new Sr25519Keypair(current);
    }

    /** Soft derivation of a public key alone; hard junctions need the secret and are refused. */
    public static byte[] derivePublic(byte[] publicKey, DerivationPath path) {
        byte[] current = publicKey.clone();
        for (DerivationPath.Junction junction : path.junctions()) {
            if (junction.hard()) {
                throw new KeyException("hard junction %s cannot be derived from a public key", junction);
            }
            current = Schnorrkel.softDerivePublic(current, junction.chainCode());
        }
        return current;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sr25519Keypair k && k.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "Sr25519Keypair[" + ss58Address() + "]";
    }

    static byte[] parseHex(String hex, String what) {
        try {
            byte[] bytes = HexFormat.of().parseHex(hex);
            if (bytes.length != 32) {
                throw new KeyException("%s must be 32 bytes (64 hex digits), got %d bytes", what, bytes.length);
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new KeyException("%s is not hex: %s", what, e.getMessage());
        }
    }
}
