package io.mvtrx.runtime.bittensor.keys;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import io.mvtrx.runtime.bittensor.keys.internal.Digests;
import io.mvtrx.runtime.bittensor.keys.internal.NaclKeyfileCipher;
import io.mvtrx.runtime.bittensor.keys.internal.SecretBox;
import io.mvtrx.runtime.bittensor.keys.wallet.PolkadotJsKeystore;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Every key-related vector of {@code vectors.json}: keypairs, HDKD, SS58, signatures, key-file constants. */
class KeyVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theFileHoldsTheSixteenKeyVectorsThisTestCovers() {
        List<JsonObject> all = KeyVectors.all();
        long keyVectors = all.stream().filter(v -> KeyVectors.KEY_KINDS.contains(v.getString("kind"))).count();
        long constants = all.stream().filter(v -> KeyVectors.KEY_CONSTANTS.contains(v.getString("name"))).count();
        // 5 keypairs + 2 HDKD + 1 SS58 + 3 signatures + 2 negative signatures, and 3 constants
        assertThat(keyVectors).isEqualTo(13);
        assertThat(constants).isEqualTo(3);
    }

    @TestFactory
    Stream<DynamicTest> keypairs() {
        return KeyVectors.ofKind("sr25519-keypair").stream().map(v -> DynamicTest.dynamicTest(v.getString("name"),
                () -> {
                    JsonObject in = v.getJsonObject("inputs");
                    JsonObject expected = v.getJsonObject("expected");
                    Sr25519Keypair pair;
                    if (in.containsKey("mnemonic")) {
                        Mnemonic mnemonic = Mnemonic.parse(in.getString("mnemonic"));
                        assertThat(HEX.formatHex(mnemonic.entropy())).isEqualTo(expected.getString("entropyHex"));
                        byte[] mini = mnemonic.miniSecret(in.getString("passphrase"));
                        assertThat(HEX.formatHex(mini)).isEqualTo(expected.getString("miniSeedHex"));
                        pair = Sr25519Keypair.fromMnemonic(mnemonic, in.getString("passphrase"));
                        assertThat(Sr25519Keypair.fromMiniSecret(mini)).isEqualTo(pair);
                        assertThat(Mnemonic.fromEntropy(mnemonic.entropy()).phrase())
                                .isEqualTo(in.getString("mnemonic"));
                    } else {
                        if (in.containsKey("miniSeedAscii")) {
                            assertThat(in.getString("miniSeedAscii").getBytes(StandardCharsets.US_ASCII))
                                    .isEqualTo(HEX.parseHex(in.getString("miniSeedHex")));
                        }
                        pair = Sr25519Keypair.fromMiniSecret(HEX.parseHex(in.getString("miniSeedHex")));
                    }
                    assertThat(HEX.formatHex(pair.publicKey())).isEqualTo(expected.getString("publicKeyHex"));
                    if (expected.containsKey("ss58Prefix42")) {
                        assertThat(pair.ss58Address()).isEqualTo(expected.getString("ss58Prefix42"));
                    }
                    if (expected.containsKey("ss58Prefix0")) {
                        assertThat(pair.ss58Address(0)).isEqualTo(expected.getString("ss58Prefix0"));
                    }
                    if (expected.containsKey("secretKeyCanonicalHex")) {
                        String canonical = expected.getString("secretKeyCanonicalHex");
                        assertThat(HEX.formatHex(pair.secretKey())).isEqualTo(canonical);
                        assertThat(Sr25519Keypair.fromSecretKey(HEX.parseHex(canonical))).isEqualTo(pair);
                    }
                    if (expected.containsKey("secretKeyEd25519FormHex")) {
                        String ed = expected.getString("secretKeyEd25519FormHex");
                        assertThat(HEX.formatHex(pair.ed25519SecretKey())).isEqualTo(ed);
                        assertThat(Sr25519Keypair.fromEd25519SecretKey(HEX.parseHex(ed))).isEqualTo(pair);
                    }
                    if (expected.containsKey("secretKeyEd25519FormKeyHalfHex")) {
                        assertThat(HEX.formatHex(pair.ed25519SecretKey()).substring(0, 64))
                                .isEqualTo(expected.getString("secretKeyEd25519FormKeyHalfHex"));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> hardAndSoftDerivation() {
        return KeyVectors.ofKind("sr25519-hdkd").stream().map(v -> DynamicTest.dynamicTest(v.getString("name"),
                () -> {
                    JsonObject in = v.getJsonObject("inputs");
                    JsonObject expected = v.getJsonObject("expected");
                    Sr25519Keypair root = Sr25519Keypair.fromMnemonic(Mnemonic.parse(in.getString("mnemonic")), "");
                    DerivationPath path = DerivationPath.parse(in.getString("path"));
                    Sr25519Keypair derived = root.derive(path);
                    assertThat(HEX.formatHex(derived.publicKey())).isEqualTo(expected.getString("publicKeyHex"));
                    assertThat(Sr25519Keypair.fromUri(in.getString("path"))).extracting(Sr25519Keypair::ss58Address)
                            .isEqualTo(derived.ss58Address());
                    if (expected.containsKey("ss58Prefix42")) {
                        assertThat(derived.ss58Address()).isEqualTo(expected.getString("ss58Prefix42"));
                    }
                    if (path.junctions().stream().noneMatch(DerivationPath.Junction::hard)) {
                        assertThat(HEX.formatHex(Sr25519Keypair.derivePublic(root.publicKey(), path)))
                                .isEqualTo(expected.getString("publicKeyHex"));
                    }
                    byte[] message = "derived keys sign".getBytes(StandardCharsets.UTF_8);
                    assertThat(Sr25519.verify(HEX.parseHex(expected.getString("publicKeyHex")), message,
                            derived.sign(message))).isTrue();
                }));
    }

    @TestFactory
    Stream<DynamicTest> ss58() {
        return KeyVectors.ofKind("ss58").stream().map(v -> DynamicTest.dynamicTest(v.getString("name"), () -> {
            String address = v.getJsonObject("inputs").getString("address");
            JsonObject expected = v.getJsonObject("expected");
            Ss58Address decoded = Ss58.decode(address);
            assertThat(decoded.prefix()).isEqualTo(expected.getInt("prefix"));
            assertThat(HEX.formatHex(decoded.publicKey())).isEqualTo(expected.getString("publicKeyHex"));
            String decodedHex = expected.getString("decodedHex");
            assertThat(decodedHex.length() / 2).isEqualTo(expected.getInt("decodedLength"));
            assertThat(decodedHex).isEqualTo("2a" + expected.getString("publicKeyHex")
                    + expected.getString("checksumHex"));
            byte[] checksum = Digests.blake2b(64, "SS58PRE".getBytes(StandardCharsets.US_ASCII),
                    HEX.parseHex(decodedHex.substring(0, 66)));
            assertThat(HEX.formatHex(checksum).substring(0, 4)).isEqualTo(expected.getString("checksumHex"));
            assertThat(decoded.encode()).isEqualTo(address);
        }));
    }

    @TestFactory
    Stream<DynamicTest> signatures() {
        return KeyVectors.ofKind("sr25519-signature").stream().map(v -> DynamicTest.dynamicTest(v.getString("name"),
                () -> {
                    JsonObject in = v.getJsonObject("inputs");
                    JsonObject expected = v.getJsonObject("expected");
                    byte[] publicKey = HEX.parseHex(in.getString("publicKeyHex"));
                    byte[] message = in.getString("messageUtf8").getBytes(StandardCharsets.UTF_8);
                    byte[] signature = HEX.parseHex(expected.getString("signatureHex"));
                    byte[] context = in.getString("context").getBytes(StandardCharsets.US_ASCII);
                    Sr25519Keypair signer = Sr25519Keypair.fromMiniSecret(HEX.parseHex(in.getString(
                            "signerMiniSeedHex")));
                    assertThat(signer.publicKey()).isEqualTo(publicKey);

                    assertThat(Sr25519.check(context, publicKey, message, signature))
                            .isEqualTo(Sr25519Verification.VALID);
                    assertThat(Sr25519.verify(publicKey, message, signature)).isEqualTo(expected.getBoolean(
                            "verifies"));
                    // schnorrkel's signer reproduced byte for byte with the injected witness randomness
                    byte[] again = signer.sign(context, message, HEX.parseHex(in.getString("witnessRngHex")));
                    assertThat(HEX.formatHex(again)).isEqualTo(expected.getString("signatureHex"));
                    if (expected.containsKey("headerValue")) {
                        assertThat("0x" + HEX.formatHex(again)).isEqualTo(expected.getString("headerValue"));
                        JsonObject parts = in.getJsonObject("messageParts");
                        assertThat(String.join(".", parts.getString("nonce"), parts.getString("dendriteHotkey"),
                                parts.getString("axonHotkey"), parts.getString("uuid"), parts.getString("bodyHash")))
                                .isEqualTo(in.getString("messageUtf8"));
                    }

                    byte[] otherMessage = (in.getString("messageUtf8") + "!").getBytes(StandardCharsets.UTF_8);
                    assertThat(Sr25519.check(publicKey, otherMessage, signature))
                            .isEqualTo(Sr25519Verification.EQUATION_FALSE);
                    for (int i : new int[] {0, 31, 32, 62}) {
                        byte[] changed = signature.clone();
                        changed[i] ^= 0x01;
                        assertThat(Sr25519.verify(publicKey, message, changed)).as("byte %d changed", i).isFalse();
                    }
                    byte[] otherContext = "not-substrate".getBytes(StandardCharsets.US_ASCII);
                    assertThat(Sr25519.check(otherContext, publicKey, message, signature))
                            .isEqualTo(Sr25519Verification.EQUATION_FALSE);
                    // a fresh random witness gives a different signature that verifies all the same
                    byte[] fresh = signer.sign(message);
                    assertThat(fresh).isNotEqualTo(signature);
                    assertThat(Sr25519.verify(publicKey, message, fresh)).isTrue();
                }));
    }

    @TestFactory
    Stream<DynamicTest> preAuditSignaturesAreRejected() {
        return KeyVectors.ofKind("sr25519-signature-negative").stream().map(v -> DynamicTest.dynamicTest(
                v.getString("name"), () -> {
                    JsonObject in = v.getJsonObject("inputs");
                    byte[] publicKey = HEX.parseHex(in.getString("publicKeyHex"));
                    byte[] message = in.getString("messageUtf8").getBytes(StandardCharsets.UTF_8);
                    byte[] signature = HEX.parseHex(in.getString("signatureHex"));
                    assertThat(v.getJsonObject("expected").getBoolean("verifies")).isFalse();
                    assertThat(signature[63] & 0x80).isZero();
                    assertThat(Sr25519.check(publicKey, message, signature))
                            .isEqualTo(Sr25519Verification.MARKER_MISSING);
                    assertThat(Sr25519.verifyRawOrWrapped(publicKey, message, signature)).isFalse();
                    if (in.containsKey("signerMiniSeedHex")) {
                        assertThat(Sr25519Keypair.fromMiniSecret(HEX.parseHex(in.getString("signerMiniSeedHex")))
                                .publicKey()).isEqualTo(publicKey);
                    }
                }));
    }

    @Test
    void ss58PrefixConstant() {
        JsonObject expected = KeyVectors.named("const-ss58-prefix").getJsonObject("expected");
        assertThat(Ss58.BITTENSOR_PREFIX).isEqualTo(expected.getInt("value"))
                .isEqualTo(Integer.parseInt(expected.getString("hex"), 16));
    }

    @Test
    void naclKeyfileConstants() {
        JsonObject expected = KeyVectors.named("const-nacl-keyfile").getJsonObject("expected");
        assertThat(new String(NaclKeyfileCipher.MARKER, StandardCharsets.US_ASCII))
                .isEqualTo(expected.getString("marker"));
        assertThat(SecretBox.NONCE_LENGTH).isEqualTo(expected.getInt("nonceLength"));
        assertThat(SecretBox.KEY_LENGTH).isEqualTo(expected.getInt("keyLength"));
        assertThat(HEX.formatHex(NaclKeyfileCipher.SALT)).isEqualTo(expected.getString("argon2iSaltHex"));
        assertThat(NaclKeyfileCipher.Argon2Cost.SENSITIVE.opsLimit()).isEqualTo(expected.getInt("argon2iOpsLimit"));
        assertThat(NaclKeyfileCipher.Argon2Cost.SENSITIVE.memLimitBytes())
                .isEqualTo(expected.getInt("argon2iMemLimitBytes"));
    }

    @Test
    void polkadotJsPkcs8Constants() {
        JsonObject expected = KeyVectors.named("const-polkadotjs-pkcs8").getJsonObject("expected");
        assertThat(HEX.formatHex(PolkadotJsKeystore.PKCS8_HEADER)).isEqualTo(expected.getString("pkcs8HeaderHex"));
        assertThat(HEX.formatHex(PolkadotJsKeystore.PKCS8_DIVIDER)).isEqualTo(expected.getString("dividerHex"));
    }
}
