package io.mvtrx.runtime.bittensor.keys.wallet;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.mvtrx.runtime.bittensor.keys.Mnemonic;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyfileTest {

    private static final String K3_PUBLIC = "0xe4359ad3e2716c539a1d663ebd0a51bdc5c98a12e663bb4c4402db47828c9446";
    private static final String K3_PRIVATE = "0x1f1995bdf3a17b60626a26cfe6f564b337d46056b7a1281b64c649d592ccda0a"
            + "9cffd34d9fb01cae1fba61aeed184c817442a2186d5172416729a4b54dd4b84e";

    @Test
    void aMnemonicKeyfileWritesEveryFieldBtwalletWrites() {
        Keyfile keyfile = Keyfile.of(Mnemonic.parse(Fixtures.K3_PHRASE));
        assertThat(new String(keyfile.toJson(), StandardCharsets.UTF_8)).isEqualTo("{\"accountId\":\"" + K3_PUBLIC
                + "\",\"publicKey\":\"" + K3_PUBLIC + "\",\"privateKey\":\"" + K3_PRIVATE + "\",\"secretPhrase\":\""
                + Fixtures.K3_PHRASE + "\",\"secretSeed\":\""
                + "0xda3cf5b1e9144931a0f0db65664aab662673b099415a7f8121b7245fb0be4143\",\"ss58Address\":\""
                + Fixtures.K3_ADDRESS + "\"}");
        assertThat(new String(Keyfile.parse(keyfile.toJson(), "f").toJson(), StandardCharsets.UTF_8))
                .isEqualTo(new String(keyfile.toJson(), StandardCharsets.UTF_8));
    }

    @Test
    void aSecretOnlyKeyfileRoundTrips() {
        Sr25519Keypair pair = Sr25519Keypair.fromMiniSecret(new byte[32]);
        Keyfile read = Keyfile.parse(Keyfile.of(pair).toJson(), "f");
        assertThat(read.keypair()).contains(pair);
        assertThat(read.mnemonic()).isEmpty();
    }

    @Test
    void thePublicPartHasNoSecret() {
        Keyfile pub = Keyfile.of(Mnemonic.parse(Fixtures.K3_PHRASE)).publicPart();
        String json = new String(pub.toJson(), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"accountId\":\"" + K3_PUBLIC + "\",\"publicKey\":\"" + K3_PUBLIC
                + "\",\"ss58Address\":\"" + Fixtures.K3_ADDRESS + "\"}");
        Keyfile read = Keyfile.parse(pub.toJson(), "coldkeypub.txt");
        assertThat(read.keypair()).isEmpty();
        assertThat(read.ss58Address()).isEqualTo(Fixtures.K3_ADDRESS);
    }

    @Test
    void anAddressAloneIsAPublicKeyfile() {
        Keyfile read = Keyfile.parse(("{\"ss58Address\":\"" + Fixtures.K3_ADDRESS + "\",\"secretPhrase\":null}")
                .getBytes(StandardCharsets.UTF_8), "f");
        assertThat(HexFormat.of().formatHex(read.publicKey())).isEqualTo(K3_PUBLIC.substring(2));
    }

    @Test
    void aSecretSeedWrittenAsTextFallsBackToThePrivateKey() {
        String json = "{\"secretSeed\":\"0xnot hex at all\",\"privateKey\":\"" + K3_PRIVATE + "\"}";
        Keyfile read = Keyfile.parse(json.getBytes(StandardCharsets.UTF_8), "f");
        assertThat(read.ss58Address()).isEqualTo(Fixtures.K3_ADDRESS);
    }

    @Test
    void aPublicKeyThatIsNotTheSecretsIsRefusedAsModified() {
        String otherPublic = "0x" + "11".repeat(32);
        String json = "{\"publicKey\":\"" + otherPublic + "\",\"privateKey\":\"" + K3_PRIVATE + "\"}";
        assertThatThrownBy(() -> Keyfile.parse(json.getBytes(StandardCharsets.UTF_8), "hotkeys/default"))
                .isInstanceOfSatisfying(KeyfileException.class, e -> assertThat(e.reason())
                        .isEqualTo(KeyfileException.Reason.INCONSISTENT))
                .hasMessage("hotkeys/default: publicKey does not belong to the file's secret: the file was modified"
                        + " or is corrupt");
    }

    @Test
    void anAddressThatIsNotTheKeysIsRefusedAsModified() {
        String json = "{\"privateKey\":\"" + K3_PRIVATE + "\",\"ss58Address\":\""
                + "5DcjVUSFQsUSFDCMFNSFYRwBYgya7BEcoA47F5pkphi8NXnu\"}";
        assertThatThrownBy(() -> Keyfile.parse(json.getBytes(StandardCharsets.UTF_8), "f"))
                .hasMessage("f: ss58Address does not match the file's key: the file was modified or is corrupt");
    }

    @Test
    void aChangedMnemonicWordIsRefused() {
        String json = "{\"secretPhrase\":\"" + Fixtures.K3_PHRASE.replace("review", "river") + "\"}";
        assertThatThrownBy(() -> Keyfile.parse(json.getBytes(StandardCharsets.UTF_8), "f"))
                .isInstanceOfSatisfying(KeyfileException.class, e -> assertThat(e.reason())
                        .isEqualTo(KeyfileException.Reason.MALFORMED))
                .hasMessage("f: mnemonic checksum does not match: a word is wrong or out of order");
    }

    @Test
    void brokenJsonAndKeylessObjectsAreMalformed() {
        assertThatThrownBy(() -> Keyfile.parse("{\"publicKey\": ".getBytes(StandardCharsets.UTF_8), "f"))
                .isInstanceOf(KeyfileException.class)
                .hasMessageStartingWith("f is not keyfile JSON (nor $NACL, $ANSIBLE_VAULT or legacy encrypted)");
        assertThatThrownBy(() -> Keyfile.parse("{}".getBytes(StandardCharsets.UTF_8), "f"))
                .hasMessage("f holds no key: none of secretPhrase, secretSeed, privateKey, publicKey, ss58Address");
        assertThatThrownBy(() -> Keyfile.parse("{\"privateKey\":\"0x12\"}".getBytes(StandardCharsets.UTF_8), "f"))
                .hasMessage("f: privateKey must be 0x and 128 hex digits");
        assertThatThrownBy(() -> Keyfile.parse(new byte[] {(byte) 0xff, (byte) 0xfe}, "f"))
                .hasMessage("f is neither UTF-8 keyfile JSON nor a known encrypted keyfile");
    }

    @Test
    void toStringShowsNoSecret() {
        Keyfile keyfile = Keyfile.of(Mnemonic.parse(Fixtures.K3_PHRASE));
        assertThat(keyfile.toString()).isEqualTo("Keyfile[" + Fixtures.K3_ADDRESS + "]");
        assertThat(keyfile.mnemonic().orElseThrow().toString()).isEqualTo("Mnemonic[12 words]");
    }
}
