package io.mvtrx.runtime.bittensor.keys.wallet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.runtime.bittensor.keys.Mnemonic;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.bittensor.keys.internal.NaclKeyfileCipher.Argon2Cost;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BtWalletsTest {

    private static final KeyfileCodec CHEAP = new KeyfileCodec(new Argon2Cost(3, 8192 * 1024));
    private static final Mnemonic COLD = Mnemonic.parse(Fixtures.K3_PHRASE);
    private static final Mnemonic HOT = Mnemonic.parse(Sr25519Keypair.DEV_PHRASE);

    @TempDir
    Path temp;

    @Test
    void createsTheBtwalletLayoutOwnerOnlyAndReadsItBack() throws IOException {
        Path root = temp.resolve("wallets");
        BtWallets wallets = new BtWallets(root, CHEAP);
        wallets.createColdkey("miner", Keyfile.of(COLD), Optional.of("pw"));
        wallets.createHotkey("miner", "default", Keyfile.of(HOT), Optional.empty());

        assertThat(KeyfileCodec.encryptionOf(root.resolve("miner/coldkey"))).isEqualTo(KeyfileEncryption.NACL);
        assertThat(KeyfileCodec.encryptionOf(root.resolve("miner/coldkeypub.txt"))).isEqualTo(KeyfileEncryption.NONE);
        assertThat(KeyfileCodec.encryptionOf(root.resolve("miner/hotkeys/default"))).isEqualTo(KeyfileEncryption.NONE);
        assertThat(Files.readString(root.resolve("miner/coldkeypub.txt"))).doesNotContain("privateKey");
        assertThat(Files.readString(root.resolve("miner/hotkeys/defaultpub.txt"))).doesNotContain("privateKey");
        for (String file : new String[] {"miner/coldkey", "miner/coldkeypub.txt", "miner/hotkeys/default"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        for (String dir : new String[] {"", "miner", "miner/hotkeys"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve(dir))))
                    .as(dir).isEqualTo("rwx------");
        }

        assertThat(wallets.coldkeypub("miner").ss58Address()).isEqualTo(Fixtures.K3_ADDRESS);
        assertThat(wallets.coldkey("miner", PasswordSource.of("pw")).mnemonic()).contains(COLD);
        assertThat(wallets.hotkey("miner", "default", PasswordSource.none()).ss58Address())
                .isEqualTo("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV");
        assertThat(root.resolve("miner")).isDirectoryNotContaining("glob:**/.*");
    }

    @Test
    void aWrongColdkeyPasswordAndAMissingOneAreClearErrors() {
        BtWallets wallets = new BtWallets(temp, CHEAP);
        wallets.createColdkey("w", Keyfile.of(COLD), Optional.of("right"));
        Path coldkey = temp.resolve("w").resolve("coldkey");
        assertThatThrownBy(() -> wallets.coldkey("w", PasswordSource.of("wrong")))
                .hasMessage(coldkey + ": wrong password, or the encrypted file was modified (NaCl authentication"
                        + " failed)");
        assertThatThrownBy(() -> wallets.coldkey("w", PasswordSource.none()))
                .hasMessage(coldkey + " is NaCl-encrypted and no password was given (set "
                        + KeyfileCodec.passwordVariable(coldkey) + " or pass a password)");
    }

    @Test
    void aTamperedPlainHotkeyIsRefused() throws IOException {
        BtWallets wallets = new BtWallets(temp, CHEAP);
        wallets.createHotkey("w", "h", Keyfile.of(Sr25519Keypair.fromMiniSecret(new byte[32])), Optional.empty());
        Path file = temp.resolve("w/hotkeys/h");
        String json = Files.readString(file);
        // swap in another account's public key but keep the secret
        Files.writeString(file, json.replaceFirst("\"publicKey\":\"0x[0-9a-f]{64}\"",
                "\"publicKey\":\"0x" + "22".repeat(32) + "\""));
        assertThatThrownBy(() -> wallets.hotkey("w", "h", PasswordSource.none()))
                .isInstanceOfSatisfying(KeyfileException.class, e -> assertThat(e.reason())
                        .isEqualTo(KeyfileException.Reason.INCONSISTENT))
                .hasMessageContaining(file + ": publicKey does not belong to the file's secret");
    }

    @Test
    void neverOverwritesAKey() {
        BtWallets wallets = new BtWallets(temp, CHEAP);
        wallets.createHotkey("w", "h", Keyfile.of(HOT), Optional.empty());
        assertThatThrownBy(() -> wallets.createHotkey("w", "h", Keyfile.of(COLD), Optional.empty()))
                .isInstanceOfSatisfying(KeyfileException.class, e -> assertThat(e.reason())
                        .isEqualTo(KeyfileException.Reason.EXISTS))
                .hasMessage(temp.resolve("w/hotkeys/h") + " already exists; refusing to overwrite a key");
        assertThat(wallets.hotkey("w", "h", PasswordSource.none()).mnemonic()).contains(HOT);
    }

    @Test
    void listsAddressesWithoutDecryptingAnything() {
        BtWallets wallets = new BtWallets(temp, CHEAP);
        wallets.createColdkey("b", Keyfile.of(COLD), Optional.of("pw"));
        wallets.createHotkey("b", "plain", Keyfile.of(HOT), Optional.empty());
        wallets.createHotkey("b", "sealed", Keyfile.of(COLD), Optional.of("pw"));
        wallets.createColdkey("a", Keyfile.of(HOT), Optional.empty());

        assertThat(wallets.list()).containsExactly(
                new BtWalletEntry("a", Optional.of("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV"),
                        java.util.List.of()),
                new BtWalletEntry("b", Optional.of(Fixtures.K3_ADDRESS), java.util.List.of(
                        new BtWalletEntry.Hotkey("plain",
                                Optional.of("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV"),
                                KeyfileEncryption.NONE),
                        new BtWalletEntry.Hotkey("sealed", Optional.of(Fixtures.K3_ADDRESS),
                                KeyfileEncryption.NACL))));
    }

    @Test
    void refusesNamesThatAreNotPlainFileNames() {
        BtWallets wallets = new BtWallets(temp, CHEAP);
        assertThatThrownBy(() -> wallets.coldkeyFile("../x"))
                .hasMessage("wallet name '../x' is invalid: use 1-64 letters, digits, '.', '_' or '-', starting with"
                        + " a letter or digit");
    }

    @Test
    void readsThePasswordFromBtwalletsEnvironmentVariable() {
        BtWallets wallets = new BtWallets(temp, CHEAP);
        wallets.createColdkey("w", Keyfile.of(COLD), Optional.of("s3cret-ü"));
        Path coldkey = wallets.coldkeyFile("w");
        String variable = KeyfileCodec.passwordVariable(coldkey);
        String value = KeyfileCodec.obfuscatedPassword(coldkey, "s3cret-ü");
        Keyfile read = wallets.coldkey("w", KeyfileCodec.environmentPasswords(Map.of(variable, value)));
        assertThat(read.ss58Address()).isEqualTo(Fixtures.K3_ADDRESS);
    }

    @Test
    void theEnvironmentVariableNameAndValueAreBtwallets() {
        Path coldkey = Path.of("/root/.bittensor/wallets/default/coldkey");
        assertThat(KeyfileCodec.passwordVariable(coldkey)).isEqualTo("BT_PW__ROOT__BITTENSOR_WALLETS_DEFAULT_COLDKEY");
        // base64 of the password XORed with the variable name: 'a' ^ 'B' = 0x23, 'b' ^ 'T' = 0x36
        assertThat(KeyfileCodec.obfuscatedPassword(coldkey, "ab")).isEqualTo("IzY=");
    }

    @Test
    void theDefaultRootFollowsBtWalletPath() {
        Path home = Path.of("/home/u");
        assertThat(BtWallets.defaultRoot(Map.of(), home)).isEqualTo(Path.of("/home/u/.bittensor/wallets"));
        assertThat(BtWallets.defaultRoot(Map.of("BT_WALLET_PATH", "~/w"), home)).isEqualTo(Path.of("/home/u/w"));
        assertThat(BtWallets.defaultRoot(Map.of("BT_WALLET_PATH", "/srv/w"), home)).isEqualTo(Path.of("/srv/w"));
    }
}
