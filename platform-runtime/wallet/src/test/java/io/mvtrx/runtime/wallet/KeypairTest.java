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

    @Test
    void verificationAgreesWithTheJdkProviderOnGoodAndDamagedSignatures() throws Exception {
        KeyPair jdk = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] x509 = jdk.getPublic().getEncoded();
        byte[] publicKey = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        Keypair key = Keypair.fromEncoded(publicKey, jdk.getPrivate().getEncoded());
        java.util.Random random = new java.util.Random(7);
        int accepted = 0;

        for (int n = 0; n < 1_500; n++) {
            byte[] message = ("mvtrx.wire.v1|Respond|" + n).getBytes(StandardCharsets.UTF_8);
            byte[] signature = key.sign(message);
            byte[] keyBytes = publicKey.clone();
            switch (n % 5) {
                case 0 -> { } // intact
                case 1 -> signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
                case 2 -> message[random.nextInt(message.length)] ^= (byte) (1 << random.nextInt(8));
                case 3 -> keyBytes[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                default -> addGroupOrderToS(signature); // the same signature with a non-canonical S
            }

            boolean ours = Keypair.verify(keyBytes, message, signature);

            assertThat(ours).as("case %d", n).isEqualTo(jdkVerifies(keyBytes, message, signature));
            accepted += ours ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(300);
    }

    /** S + L, where L = 2^252 + 27742317777372353535851937790883648493: refused by RFC 8032 verifiers. */
    private static void addGroupOrderToS(byte[] signature) {
        java.math.BigInteger order = java.math.BigInteger.TWO.pow(252)
                .add(new java.math.BigInteger("27742317777372353535851937790883648493"));
        byte[] s = Arrays.copyOfRange(signature, 32, 64);
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = s[31 - i];
        }
        byte[] sum = new java.math.BigInteger(1, bigEndian).add(order).toByteArray();
        for (int i = 0; i < 32; i++) {
            signature[32 + i] = i < sum.length ? sum[sum.length - 1 - i] : 0;
        }
    }

    private static boolean jdkVerifies(byte[] rawPublicKey, byte[] message, byte[] signature) {
        try {
            byte[] encoded = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(rawPublicKey));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(encoded)));
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
