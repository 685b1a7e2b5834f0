package io.mvtrx.runtime.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletStoreTest {

    @TempDir
    Path root;

    @Test
    void createsColdkeyAndHotkeysAndListsThem() {
        WalletStore store = new WalletStore(root);
        Keypair cold = store.createColdkey("miner");
        Keypair hot1 = store.createHotkey("miner", "h1");
        Keypair hot0 = store.createHotkey("miner", "h0");

        assertThat(store.list()).singleElement().satisfies(w -> {
            assertThat(w.coldkey()).isEqualTo("miner");
            assertThat(w.coldkeyAddress()).isEqualTo(cold.address()).hasSize(64);
            assertThat(w.hotkeys()).containsExactly(
                    new WalletEntry.Hotkey("h0", hot0.address()),
                    new WalletEntry.Hotkey("h1", hot1.address()));
        });
    }

    @Test
    void privateKeyFilesAreOwnerOnly() throws Exception {
        WalletStore store = new WalletStore(root);
        store.createColdkey("v");
        store.createHotkey("v", "default");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("v/coldkey"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("v/hotkeys/default")))).isEqualTo("rw-------");
        assertThat(Files.readString(root.resolve("v/coldkeypub.txt"))).doesNotContain("privateKey");
    }

    @Test
    void loadedHotkeySignsWhatItsAddressVerifies() {
        WalletStore store = new WalletStore(root);
        store.createColdkey("v");
        String address = store.createHotkey("v", "default").address();

        Keypair loaded = store.hotkey("v", "default");
        byte[] message = "nonce|sender|receiver|bodyhash".getBytes(StandardCharsets.UTF_8);
        byte[] signature = loaded.sign(message);

        assertThat(loaded.address()).isEqualTo(address);
        assertThat(signature).hasSize(64);
        assertThat(Keypair.verify(loaded.publicKeyBytes(), message, signature)).isTrue();
        message[0] ^= 1;
        assertThat(Keypair.verify(loaded.publicKeyBytes(), message, signature)).isFalse();
    }

    @Test
    void refusesToOverwriteAKey() {
        WalletStore store = new WalletStore(root);
        store.createColdkey("v");
        assertThatThrownBy(() -> store.createColdkey("v"))
                .hasMessage("%s already exists; refusing to overwrite a key", root.resolve("v/coldkey"));
    }

    @Test
    void hotkeyNeedsItsColdkey() {
        assertThatThrownBy(() -> new WalletStore(root).createHotkey("ghost", "h"))
                .hasMessage("no coldkey 'ghost' under %s; create it first with `mvtrx wallet create`", root);
    }

    @Test
    void rejectsNamesThatEscapeTheStore() {
        assertThatThrownBy(() -> new WalletStore(root).createColdkey("../etc"))
                .hasMessageStartingWith("coldkey name '../etc' is invalid");
    }

    @Test
    void detectsATamperedKeyFile() throws Exception {
        WalletStore store = new WalletStore(root);
        store.createColdkey("a");
        store.createColdkey("b");
        Path fileA = root.resolve("a/coldkey");
        String publicB = Files.readAllLines(root.resolve("b/coldkeypub.txt")).get(1);
        String tampered = Files.readString(fileA).replaceFirst("publicKey=.*", publicB);
        Files.writeString(fileA, tampered);
        assertThatThrownBy(() -> store.coldkey("a"))
                .hasMessage("%s: privateKey does not match publicKey", fileA);
    }
}
