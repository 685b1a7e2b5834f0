package io.mvtrx.runtime.bittensor.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Sr25519KeypairTest {

    @Property(tries = 40)
    void everySignatureVerifiesAndNoOtherMessageDoes(@ForAll @Size(32) byte[] seed, @ForAll byte[] message) {
        Sr25519Keypair pair = Sr25519Keypair.fromMiniSecret(seed);
        byte[] signature = pair.sign(message);
        assertThat(Sr25519.verify(pair.publicKey(), message, signature)).isTrue();
        byte[] other = Arrays.copyOf(message, message.length + 1);
        assertThat(Sr25519.check(pair.publicKey(), other, signature)).isEqualTo(Sr25519Verification.EQUATION_FALSE);
    }

    @Property(tries = 40)
    void bothSecretFormsRoundTrip(@ForAll @Size(32) byte[] seed) {
        Sr25519Keypair pair = Sr25519Keypair.fromMiniSecret(seed);
        assertThat(Sr25519Keypair.fromSecretKey(pair.secretKey())).isEqualTo(pair);
        assertThat(Sr25519Keypair.fromEd25519SecretKey(pair.ed25519SecretKey())).isEqualTo(pair);
        assertThat(Sr25519Keypair.fromSecretKey(pair.secretKey()).publicKey()).isEqualTo(pair.publicKey());
    }

    @Test
    void aSignatureUnderAnotherKeyFails() {
        Sr25519Keypair alice = Sr25519Keypair.fromUri("//Alice");
        Sr25519Keypair bob = Sr25519Keypair.fromUri("//Bob");
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(Sr25519.check(bob.publicKey(), message, alice.sign(message)))
                .isEqualTo(Sr25519Verification.EQUATION_FALSE);
    }

    @Test
    void rejectsMalformedSignaturesWithTheirReason() {
        Sr25519Keypair pair = Sr25519Keypair.fromUri("//Alice");
        byte[] message = new byte[0];
        byte[] signature = pair.sign(message);
        assertThat(Sr25519.check(pair.publicKey(), message, Arrays.copyOf(signature, 63)))
                .isEqualTo(Sr25519Verification.BAD_LENGTH);
        byte[] bigS = signature.clone();
        Arrays.fill(bigS, 32, 63, (byte) 0xff);
        bigS[63] = (byte) 0xff;
        assertThat(Sr25519.check(pair.publicKey(), message, bigS)).isEqualTo(Sr25519Verification.NON_CANONICAL_SCALAR);
        byte[] notAPoint = new byte[32];
        Arrays.fill(notAPoint, (byte) 0xff);
        assertThat(Sr25519.check(notAPoint, message, signature)).isEqualTo(Sr25519Verification.INVALID_PUBLIC_KEY);
    }

    @Test
    void polkadotJsWrappedMessagesVerifyOnlyThroughTheWrapperCheck() {
        Sr25519Keypair pair = Sr25519Keypair.fromUri("//Alice");
        byte[] message = "login".getBytes(StandardCharsets.UTF_8);
        byte[] wrapped = "<Bytes>login</Bytes>".getBytes(StandardCharsets.UTF_8);
        byte[] signature = pair.sign(wrapped);
        assertThat(Sr25519.verify(pair.publicKey(), message, signature)).isFalse();
        assertThat(Sr25519.verifyRawOrWrapped(pair.publicKey(), message, signature)).isTrue();
    }

    @Test
    void devUrisFollowSubstrate() {
        // sp-core's well-known development accounts
        assertThat(Sr25519Keypair.fromUri("//Alice").ss58Address())
                .isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
        assertThat(Sr25519Keypair.fromUri("//Bob").ss58Address())
                .isEqualTo("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");
        assertThat(Sr25519Keypair.fromUri(Sr25519Keypair.DEV_PHRASE + "//Alice"))
                .isEqualTo(Sr25519Keypair.fromUri("//Alice"));
        assertThat(Sr25519Keypair.fromUri("0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e")
                .ss58Address()).isEqualTo("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV");
        assertThat(Sr25519Keypair.fromUri("///password").ss58Address())
                .isNotEqualTo(Sr25519Keypair.fromUri("").ss58Address());
    }

    @Test
    void softDerivationIsReproducibleFromThePublicKeyAloneAndSigns() {
        Sr25519Keypair root = Sr25519Keypair.fromUri("//Alice");
        DerivationPath path = DerivationPath.parse("/0/stash/" + "x".repeat(40));
        Sr25519Keypair child = root.derive(path);
        assertThat(Sr25519Keypair.derivePublic(root.publicKey(), path)).isEqualTo(child.publicKey());
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        assertThat(child.verify(message, child.sign(message))).isTrue();
        assertThatThrownBy(() -> Sr25519Keypair.derivePublic(root.publicKey(), DerivationPath.parse("//hard")))
                .hasMessage("hard junction //hard cannot be derived from a public key");
    }

    @Test
    void junctionChainCodesFollowSpCore() {
        assertThat(HexFormat.of().formatHex(new DerivationPath.Junction(true, "Alice").chainCode()))
                .isEqualTo("14416c696365" + "00".repeat(26));
        assertThat(HexFormat.of().formatHex(new DerivationPath.Junction(true, "42").chainCode()))
                .isEqualTo("2a" + "00".repeat(31));
        assertThat(DerivationPath.parse("//a/b//c").toString()).isEqualTo("//a/b//c");
        assertThatThrownBy(() -> DerivationPath.parse("a//b"))
                .hasMessage("derivation path 'a//b' must start each junction with '/' or '//'");
        assertThatThrownBy(() -> DerivationPath.parse("//a///"))
                .hasMessage("derivation path '//a///' has an empty junction at position 4");
    }

    @Test
    void rejectsSeedsAndSecretsOfTheWrongShape() {
        assertThatThrownBy(() -> Sr25519Keypair.fromMiniSecret(new byte[31]))
                .hasMessage("an sr25519 seed (mini secret) is 32 bytes, got 31");
        byte[] nonCanonical = new byte[64];
        Arrays.fill(nonCanonical, 0, 32, (byte) 0xff);
        assertThatThrownBy(() -> Sr25519Keypair.fromSecretKey(nonCanonical))
                .hasMessage("the sr25519 secret key's scalar half is not canonical (not below the group order)");
        assertThat(Sr25519Keypair.fromUri("//Alice").toString())
                .isEqualTo("Sr25519Keypair[5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY]");
    }
}
