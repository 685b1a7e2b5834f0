package io.mvtrx.runtime.wallet;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signatures made with Bouncy Castle are the JDK provider's bytes and verify with it. */
class KeypairTest {

    /** RFC 8032 section 7.1, TEST 2: secret key, public key, the one-byte message 0x72, and its signature. */
    private static final String RFC_SECRET = "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb";
    private static final String RFC_PUBLIC = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    private static final String RFC_SIGNATURE = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    @Test
    void signsTheRfc8032TestVector() throws Exception {
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + RFC_SECRET);
        Keypair key = Keypair.fromEncoded(HexFormat.of().parseHex(RFC_PUBLIC), pkcs8);

        assertThat(HexFormat.of().formatHex(key.sign(new byte[] {0x72}))).isEqualTo(RFC_SIGNATURE);
    }

    @Test
    void signsTheSameBytesAsTheJdkProviderForManyMessages() throws Exception {
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] x509 = jdk.getPublic().getEncoded();
        Keypair key = Keypair.fromEncoded(Arrays.copyOfRange(x509, x509.length - 32, x509.length),
                jdk.getPrivate().getEncoded());

        for (int n = 0; n < 50; n++) {
            byte[] message = ("mvtrx.wire.v1|Respond|" + n + "|sender|receiver|" + "ab".repeat(n))
                    .getBytes(StandardCharsets.UTF_8);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(jdk.getPrivate());
            signer.update(message);

            byte[] signature = key.sign(message);

            assertThat(signature).as("message %d", n).isEqualTo(signer.sign());
            assertThat(Keypair.verify(key.publicKeyBytes(), message, signature)).isTrue();
        }
    }

    @Test
    void aSignatureOverOtherBytesDoesNotVerify() throws Exception {
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] x509 = jdk.getPublic().getEncoded();
        Keypair key = Keypair.fromEncoded(Arrays.copyOfRange(x509, x509.length - 32, x509.length),
                jdk.getPrivate().getEncoded());

        byte[] signature = key.sign("one".getBytes(StandardCharsets.UTF_8));

        assertThat(Keypair.verify(key.publicKeyBytes(), "two".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }
}
