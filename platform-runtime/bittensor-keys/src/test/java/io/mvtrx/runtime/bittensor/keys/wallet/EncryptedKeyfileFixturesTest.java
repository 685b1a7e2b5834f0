package io.mvtrx.runtime.bittensor.keys.wallet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.bittensor.keys.internal.NaclKeyfileCipher.Argon2Cost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keyfiles encrypted by other implementations decrypt here; wrong passwords and changed bytes are refused. */
class EncryptedKeyfileFixturesTest {

    /** The lowest Argon2i cost libsodium accepts, which k3-nacl-cheap.keyfile was written with. */
    private static final KeyfileCodec CHEAP = new KeyfileCodec(new Argon2Cost(3, 8192 * 1024));

    @Test
    void plainBtwalletJsonLoadsTheMnemonicKey() {
        Keyfile keyfile = Keyfile.parse(Fixtures.bytes("k3-plain.json"), "k3-plain.json");
        assertThat(keyfile.ss58Address()).isEqualTo(Fixtures.K3_ADDRESS);
        assertThat(keyfile.mnemonic().orElseThrow().phrase()).isEqualTo(Fixtures.K3_PHRASE);
        assertThat(HexFormat.of().formatHex(keyfile.keypair().orElseThrow().secretKey())).isEqualTo(
                "1f1995bdf3a17b60626a26cfe6f564b337d46056b7a1281b64c649d592ccda0a"
                        + "9cffd34d9fb01cae1fba61aeed184c817442a2186d5172416729a4b54dd4b84e");
    }

    @Test
    void naclKeyfileOfLibsodiumAtBtwalletsSensitiveCostDecrypts() {
        byte[] data = Fixtures.bytes("k3-nacl.keyfile");
        assertThat(KeyfileEncryption.detect(data)).isEqualTo(KeyfileEncryption.NACL);
        Keyfile keyfile = KeyfileCodec.btwallet().decode(data, PasswordSource.of(Fixtures.PASSWORD),
                Path.of("k3-nacl.keyfile"));
        assertThat(keyfile.ss58Address()).isEqualTo(Fixtures.K3_ADDRESS);
        assertThat(keyfile.keypair()).isPresent();
    }

    @Test
    void naclKeyfileRefusesAWrongPassword() {
        assertThatThrownBy(() -> CHEAP.decode(Fixtures.bytes("k3-nacl-cheap.keyfile"), PasswordSource.of("hunter2"),
                Path.of("wallets/w/coldkey")))
                .isInstanceOfSatisfying(KeyfileException.class, e -> assertThat(e.reason())
                        .isEqualTo(KeyfileException.Reason.WRONG_PASSWORD_OR_TAMPERED))
                .hasMessage("wallets/w/coldkey: wrong password, or the encrypted file was modified (NaCl"
                        + " authentication failed)");
    }

    @Test
    void naclKeyfileRefusesEveryChangedByteAfterTheMarker() {
        byte[] data = Fixtures.bytes("k3-nacl-cheap.keyfile");
        assertThat(CHEAP.decrypt(data, Fixtures.PASSWORD, "f")).isEqualTo(Fixtures.bytes("k3-plain.json"));
        // one byte in the nonce, the tag and the ciphertext
        for (int at : new int[] {5, 28, 29, 45, 60, data.length - 1}) {
            byte[] changed = data.clone();
            changed[at] ^= 0x40;
            assertThatThrownBy(() -> CHEAP.decrypt(changed, Fixtures.PASSWORD, "f"))
                    .as("byte %d changed", at)
                    .isInstanceOfSatisfying(KeyfileException.class, e -> assertThat(e.reason())
                            .isEqualTo(KeyfileException.Reason.WRONG_PASSWORD_OR_TAMPERED));
        }
    }

    @Test
    void aTruncatedNaclKeyfileIsMalformed() {
        byte[] cut = Arrays.copyOf(Fixtures.bytes("k3-nacl-cheap.keyfile"), 40);
        assertThatThrownBy(() -> CHEAP.decrypt(cut, Fixtures.PASSWORD, "hotkeys/h"))
                .isInstanceOfSatisfying(KeyfileException.class, e -> assertThat(e.reason())
                        .isEqualTo(KeyfileException.Reason.MALFORMED))
                .hasMessage("hotkeys/h is not a valid NaCl keyfile: too short for a $NACL keyfile: 40 bytes");
    }

    @Test
    void ansibleVaultKeyfileDecryptsAndRefusesWrongPasswordOrChange() {
        byte[] data = Fixtures.bytes("k3-ansible-vault.keyfile");
        assertThat(KeyfileEncryption.detect(data)).isEqualTo(KeyfileEncryption.ANSIBLE_VAULT);
        Keyfile keyfile = KeyfileCodec.btwallet().decode(data, PasswordSource.of(Fixtures.PASSWORD), Path.of("v"));
        assertThat(keyfile.ss58Address()).isEqualTo(Fixtures.K3_ADDRESS);

        assertThatThrownBy(() -> KeyfileCodec.btwallet().decrypt(data, "wrong", "v"))
                .hasMessage("v: wrong password, or the encrypted file was modified (Ansible Vault authentication"
                        + " failed)");
        String text = new String(data, StandardCharsets.US_ASCII);
        int at = text.indexOf('\n') + 40;
        byte[] changed = data.clone();
        changed[at] = (byte) (changed[at] == '3' ? '4' : '3');
        assertThatThrownBy(() -> KeyfileCodec.btwallet().decrypt(changed, Fixtures.PASSWORD, "v"))
                .isInstanceOf(KeyfileException.class);
    }

    @Test
    void legacyFernetKeyfileDecrypts() {
        byte[] data = Fixtures.bytes("k3-legacy-fernet.keyfile");
        assertThat(KeyfileEncryption.detect(data)).isEqualTo(KeyfileEncryption.LEGACY_FERNET);
        Keyfile keyfile = KeyfileCodec.btwallet().decode(data, PasswordSource.of(Fixtures.PASSWORD), Path.of("l"));
        assertThat(keyfile.keypair().map(Sr25519Keypair::ss58Address)).contains(Fixtures.K3_ADDRESS);
    }

    @Test
    void anEncryptedKeyfileWithoutAPasswordNamesTheEnvironmentVariable() {
        Path file = Path.of("/home/u/.bittensor/wallets/w/coldkey");
        assertThatThrownBy(() -> CHEAP.decode(Fixtures.bytes("k3-nacl-cheap.keyfile"), PasswordSource.none(), file))
                .isInstanceOfSatisfying(KeyfileException.class, e -> assertThat(e.reason())
                        .isEqualTo(KeyfileException.Reason.PASSWORD_REQUIRED))
                .hasMessage("/home/u/.bittensor/wallets/w/coldkey is NaCl-encrypted and no password was given (set"
                        + " BT_PW__HOME_U__BITTENSOR_WALLETS_W_COLDKEY or pass a password)");
    }
}
