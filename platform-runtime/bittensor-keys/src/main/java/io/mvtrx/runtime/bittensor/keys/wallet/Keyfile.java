package io.mvtrx.runtime.bittensor.keys.wallet;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import io.mvtrx.runtime.bittensor.keys.KeyException;
import io.mvtrx.runtime.bittensor.keys.Mnemonic;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.bittensor.keys.Ss58;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;

/**
 * The decrypted content of a btwallet keyfile: a JSON object with {@code accountId} and {@code publicKey}
 * ({@code 0x} + 32-byte hex), {@code privateKey} ({@code 0x} + 64-byte canonical secret), {@code secretPhrase}
 * (mnemonic), {@code secretSeed} ({@code 0x} + 32-byte mini secret) and {@code ss58Address}; every field optional,
 * key order free. The key pair is loaded as btwallet does: {@code secretPhrase}, else {@code secretSeed}, else
 * {@code privateKey}; with none of them the file is public only. Unlike btwallet, a file whose {@code publicKey} or
 * {@code ss58Address} disagrees with its secret is refused (an edited or corrupt file).
 *
 * <p>Immutable and thread-safe. {@link #toString()} prints only the address.
 */
public final class Keyfile {

    private static final Pattern HEX32 = Pattern.compile("0x[0-9a-fA-F]{64}");
    private static final Pattern HEX64 = Pattern.compile("0x[0-9a-fA-F]{128}");
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] publicKey;
    private final Sr25519Keypair keypair;
    private final Mnemonic mnemonic;
    private final byte[] seed;

    private Keyfile(byte[] publicKey, Sr25519Keypair keypair, Mnemonic mnemonic, byte[] seed) {
        this.publicKey = publicKey;
        this.keypair = keypair;
        this.mnemonic = mnemonic;
        this.seed = seed;
    }

    /**
     * The keyfile of a pair created from a mnemonic (no passphrase: btwallet loads {@code secretPhrase} without
     * one): phrase, seed, secret and public key.
     */
    public static Keyfile of(Mnemonic mnemonic) {
        byte[] seed = mnemonic.miniSecret("");
        Sr25519Keypair pair = Sr25519Keypair.fromMiniSecret(seed);
        return new Keyfile(pair.publicKey(), pair, mnemonic, seed);
    }

    /** The keyfile of a pair known only by its secret key. */
    public static Keyfile of(Sr25519Keypair keypair) {
        return new Keyfile(keypair.publicKey(), keypair, null, null);
    }

    /** A public-only keyfile, as {@code coldkeypub.txt} is. */
    public static Keyfile publicOnly(byte[] publicKey) {
        if (publicKey.length != 32) {
            throw new KeyException("a public key is 32 bytes, got %d", publicKey.length);
        }
        return new Keyfile(publicKey.clone(), null, null, null);
    }

    /** The public-only view of this keyfile. */
    public Keyfile publicPart() {
        return publicOnly(publicKey);
    }

    /** The 32-byte public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The Bittensor SS58 address. */
    public String ss58Address() {
        return Ss58.encode(publicKey);
    }

    /** The key pair, empty for a public-only file. */
    public Optional<Sr25519Keypair> keypair() {
        return Optional.ofNullable(keypair);
    }

    /** The mnemonic, when the file holds one. */
    public Optional<Mnemonic> mnemonic() {
        return Optional.ofNullable(mnemonic);
    }

    /** The JSON btwallet writes (compact, UTF-8). */
    public byte[] toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        String pub = "0x" + HEX.formatHex(publicKey);
        json.add("accountId", pub).add("publicKey", pub);
        if (keypair != null) {
            json.add("privateKey", "0x" + HEX.formatHex(keypair.secretKey()));
        }
        if (mnemonic != null) {
            json.add("secretPhrase", mnemonic.phrase());
        }
        if (seed != null) {
            json.add("secretSeed", "0x" + HEX.formatHex(seed));
        }
        json.add("ss58Address", ss58Address());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = Json.createWriter(out)) {
            writer.writeObject(json.build());
        }
        return out.toByteArray();
    }

    /**
     * Parses keyfile JSON; {@code where} names the file in messages.
     *
     * @throws KeyfileException {@code MALFORMED} for bad JSON or fields, {@code INCONSISTENT} for a contradiction
     */
    public static Keyfile parse(byte[] json, String where) {
        JsonObject object;
        try (JsonReader reader = Json.createReader(new StringReader(utf8(json, where)))) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new KeyfileException(KeyfileException.Reason.MALFORMED, e,
                    "%s is not keyfile JSON (nor $NACL, $ANSIBLE_VAULT or legacy encrypted): %s", where,
                    e.getMessage());
        }
        String phrase = field(object, "secretPhrase", where);
        String seedHex = field(object, "secretSeed", where);
        String privateHex = field(object, "privateKey", where);
        String publicHex = field(object, "publicKey", where);
        String address = field(object, "ss58Address", where);

        Sr25519Keypair pair = null;
        Mnemonic mnemonic = null;
        byte[] seed = null;
        try {
            if (phrase != null) {
                mnemonic = Mnemonic.parse(phrase);
                seed = mnemonic.miniSecret("");
                pair = Sr25519Keypair.fromMiniSecret(seed);
            } else if (seedHex != null && HEX32.matcher(seedHex).matches()) {
                // btwallet sometimes writes the seed as text instead of hex: only a 64-hex-digit seed is usable
                seed = HEX.parseHex(seedHex.substring(2));
                pair = Sr25519Keypair.fromMiniSecret(seed);
            } else if (privateHex != null) {
                if (!HEX64.matcher(privateHex).matches()) {
                    throw new KeyfileException(KeyfileException.Reason.MALFORMED,
                            "%s: privateKey must be 0x and 128 hex digits", where);
                }
                pair = Sr25519Keypair.fromSecretKey(HEX.parseHex(privateHex.substring(2)));
            }
        } catch (KeyException e) {
            throw new KeyfileException(KeyfileException.Reason.MALFORMED, e, "%s: %s", where, e.getMessage());
        }

        byte[] declared = null;
        if (publicHex != null) {
            if (!HEX32.matcher(publicHex).matches()) {
                throw new KeyfileException(KeyfileException.Reason.MALFORMED,
                        "%s: publicKey must be 0x and 64 hex digits", where);
            }
            declared = HEX.parseHex(publicHex.substring(2));
        }
        byte[] fromAddress = null;
        if (address != null) {
            try {
                fromAddress = Ss58.decode(address).publicKey();
            } catch (KeyException e) {
                throw new KeyfileException(KeyfileException.Reason.MALFORMED, e, "%s: ss58Address: %s", where,
                        e.getMessage());
            }
        }
        byte[] publicKey = pair != null ? pair.publicKey() : declared != null ? declared : fromAddress;
        if (publicKey == null) {
            throw new KeyfileException(KeyfileException.Reason.MALFORMED,
                    "%s holds no key: none of secretPhrase, secretSeed, privateKey, publicKey, ss58Address", where);
        }
        if (declared != null && !MessageDigest.isEqual(declared, publicKey)) {
            throw new KeyfileException(KeyfileException.Reason.INCONSISTENT,
                    "%s: publicKey does not belong to the file's secret: the file was modified or is corrupt", where);
        }
        if (fromAddress != null && !MessageDigest.isEqual(fromAddress, publicKey)) {
            throw new KeyfileException(KeyfileException.Reason.INCONSISTENT,
                    "%s: ss58Address does not match the file's key: the file was modified or is corrupt", where);
        }
        return new Keyfile(publicKey, pair, mnemonic, seed);
    }

    @Override
    public String toString() {
        return "Keyfile[" + ss58Address() + (keypair == null ? ", public only]" : "]");
    }

    private static String field(JsonObject object, String name, String where) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new KeyfileException(KeyfileException.Reason.MALFORMED, "%s: %s must be a string, got %s", where, name,
                value.getValueType());
    }

    private static String utf8(byte[] bytes, String where) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new KeyfileException(KeyfileException.Reason.MALFORMED, e,
                    "%s is neither UTF-8 keyfile JSON nor a known encrypted keyfile", where);
        }
    }
}
