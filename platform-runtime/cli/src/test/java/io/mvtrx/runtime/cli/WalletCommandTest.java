package io.mvtrx.runtime.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.mvtrx.runtime.bittensor.keys.Mnemonic;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.bittensor.keys.wallet.BtWallets;
import io.mvtrx.runtime.bittensor.keys.wallet.KeyfileCodec;
import io.mvtrx.runtime.bittensor.keys.wallet.KeyfileEncryption;
import io.mvtrx.runtime.bittensor.keys.wallet.PasswordSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class WalletCommandTest {

    private static final String K3_PHRASE =
            "old leopard transfer rib spatial phone calm indicate online fire caution review";
    private static final String K3_ADDRESS = "5HDvhV6WDCjCKyrXqGQSDYqQAzkzabNhctmiDYEqgBC66BsX";
    private static final String DEV_ADDRESS = "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV";
    private static final String ALICE_ADDRESS = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err) {
    }

    private Run runWithInput(String stdin, String... args) {
        MvtrxCommand command = new MvtrxCommand(getClass().getClassLoader(), Map.of())
                .withInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        CommandLine commandLine = MvtrxCommand.commandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return runWithInput("", args);
    }

    @Test
    void createsAnSr25519WalletFromFreshMnemonicsAndListsItsSs58Addresses() {
        Path root = temp.resolve("bt");
        Run create = run("wallet", "create", "--scheme", "sr25519", "--name", "miner", "--hotkey", "default",
                "--no-password", "--path", root.toString());
        assertThat(create.exitCode()).isEqualTo(0);
        String[] lines = create.out().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).matches("coldkey miner  5[1-9A-HJ-NP-Za-km-z]{47}");
        assertThat(lines[2]).matches("hotkey  miner/default  5[1-9A-HJ-NP-Za-km-z]{47}");
        // each printed mnemonic is the key whose address is printed above it
        String coldAddress = lines[0].substring("coldkey miner  ".length());
        String coldPhrase = lines[1].substring("mnemonic of coldkey miner: ".length());
        assertThat(Mnemonic.parse(coldPhrase).wordCount()).isEqualTo(12);
        assertThat(Sr25519Keypair.fromMnemonic(Mnemonic.parse(coldPhrase), "").ss58Address()).isEqualTo(coldAddress);
        String hotAddress = lines[2].substring("hotkey  miner/default  ".length());
        String hotPhrase = lines[3].substring("mnemonic of hotkey miner/default: ".length());
        assertThat(Sr25519Keypair.fromMnemonic(Mnemonic.parse(hotPhrase), "").ss58Address()).isEqualTo(hotAddress);
        assertThat(create.err()).startsWith("mvtrx: store the mnemonics above offline");

        Run list = run("wallet", "list", "--scheme", "sr25519", "--path", root.toString());
        assertThat(list.exitCode()).isEqualTo(0);
        assertThat(list.out()).isEqualTo("miner  " + coldAddress + "\n  default  " + hotAddress + "\n");
    }

    @Test
    void importsAMnemonicFromStandardInputAsAPlainHotkey() throws IOException {
        Path root = temp.resolve("bt");
        Run imported = runWithInput(Sr25519Keypair.DEV_PHRASE + "\n", "wallet", "import", "--name", "v", "--hotkey",
                "h1", "--mnemonic-stdin", "--path", root.toString());
        assertThat(imported.exitCode()).isEqualTo(0);
        assertThat(imported.out()).isEqualTo("hotkey  v/h1  " + DEV_ADDRESS + "\n");
        Path hotkey = root.resolve("v/hotkeys/h1");
        assertThat(KeyfileCodec.encryptionOf(hotkey)).isEqualTo(KeyfileEncryption.NONE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hotkey))).isEqualTo("rw-------");
        assertThat(new BtWallets(root).hotkey("v", "h1", PasswordSource.none()).mnemonic().orElseThrow().phrase())
                .isEqualTo(Sr25519Keypair.DEV_PHRASE);
        assertThat(run("wallet", "list", "--scheme", "sr25519", "--path", root.toString()).out())
                .isEqualTo("v  (no coldkeypub.txt)\n  h1  " + DEV_ADDRESS + "\n");
    }

    @Test
    void importsAMnemonicFileAsAnEncryptedColdkeyWithThePasswordOfAFile() throws IOException {
        Path root = temp.resolve("bt");
        Path phrase = Files.writeString(temp.resolve("phrase.txt"), K3_PHRASE + "\n");
        Path password = Files.writeString(temp.resolve("pw.txt"), "s3cret pass\n");
        Run imported = run("wallet", "import", "--name", "cold", "--mnemonic-file", phrase.toString(),
                "--password-file", password.toString(), "--path", root.toString());
        assertThat(imported.exitCode()).isEqualTo(0);
        assertThat(imported.out()).isEqualTo("coldkey cold  " + K3_ADDRESS + "\n");
        assertThat(KeyfileCodec.encryptionOf(root.resolve("cold/coldkey"))).isEqualTo(KeyfileEncryption.NACL);
        assertThat(Files.readString(root.resolve("cold/coldkey"), StandardCharsets.ISO_8859_1))
                .doesNotContain("leopard");
        assertThat(run("wallet", "list", "--scheme", "sr25519", "--path", root.toString()).out())
                .isEqualTo("cold  " + K3_ADDRESS + "\n");
    }

    @Test
    void importsAPolkadotJsKeystore() throws IOException {
        // written by @polkadot/keyring 14.0.3: //Alice, unencrypted
        Path keystore = Files.writeString(temp.resolve("alice.json"), "{\"encoded\":\"MFMCAQEwBQYDK2VwBCIEIJgxnU/4"
                + "qVCMS7DPC1p412CgsggsAndeboI3CBb+3/9IkloiXZeqAGgtalm5Wxh4DBDXAyM26I80QrQjYfSmYBGhIwMhANQ1k8cV/dMcYRQavQSp"
                + "n9aCLIVYhUzN45pWhOelbaJ9\",\"encoding\":{\"content\":[\"pkcs8\",\"sr25519\"],\"type\":[\"none\"],"
                + "\"version\":\"3\"},\"address\":\"" + ALICE_ADDRESS + "\",\"meta\":{\"name\":\"Alice\"}}");
        Path root = temp.resolve("bt");
        Run imported = run("wallet", "import", "--name", "a", "--hotkey", "alice", "--keystore", keystore.toString(),
                "--path", root.toString());
        assertThat(imported.err()).isEmpty();
        assertThat(imported.out()).isEqualTo("hotkey  a/alice  " + ALICE_ADDRESS + "\n");
        assertThat(new BtWallets(root).hotkey("a", "alice", PasswordSource.none()).keypair().orElseThrow())
                .isEqualTo(Sr25519Keypair.fromUri("//Alice"));
    }

    @Test
    void aWrongMnemonicIsRefusedNamingWhereItCameFrom() {
        Run run = run("wallet", "import", "--name", "w", "--hotkey", "h", "--mnemonic",
                K3_PHRASE.replace("review", "reviews"), "--path", temp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).isEqualTo("mvtrx: --mnemonic: mnemonic word 12 ('reviews') is not in the BIP-39 English"
                + " word list\n");
        assertThat(temp.resolve("w")).doesNotExist();
    }

    @Test
    void aColdkeyNeedsAPasswordSourceWhenThereIsNoTerminal() {
        Run run = run("wallet", "import", "--name", "w", "--mnemonic", K3_PHRASE, "--path", temp.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).isEqualTo("mvtrx: coldkey 'w' is encrypted with a password: give --password-file FILE,"
                + " run in a terminal to be asked, or pass --no-password to store it unencrypted\n");
        assertThat(temp.resolve("w")).doesNotExist();
    }

    @Test
    void neverOverwritesAnSr25519Key() {
        assertThat(run("wallet", "import", "--name", "w", "--mnemonic", K3_PHRASE, "--no-password", "--path",
                temp.toString()).exitCode()).isEqualTo(0);
        Run again = run("wallet", "import", "--name", "w", "--mnemonic", Sr25519Keypair.DEV_PHRASE, "--no-password",
                "--path", temp.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.err()).isEqualTo("mvtrx: " + temp.resolve("w/coldkey")
                + " already exists; refusing to overwrite a key\n");
        Run create = run("wallet", "create", "--scheme", "sr25519", "--name", "w", "--no-password", "--path",
                temp.toString());
        assertThat(create.err()).isEqualTo("mvtrx: coldkey 'w' already exists in " + temp + "\n");
        assertThat(run("wallet", "list", "--scheme", "sr25519", "--path", temp.toString()).out())
                .isEqualTo("w  " + K3_ADDRESS + "\n");
    }

    @Test
    void exactlyOneKeySourceIsAUsageRule() {
        Run none = run("wallet", "import", "--name", "w", "--path", temp.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        Run two = run("wallet", "import", "--name", "w", "--mnemonic", K3_PHRASE, "--mnemonic-stdin", "--path",
                temp.toString());
        assertThat(two.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err()).contains("mutually exclusive");
    }

    @Test
    void ed25519StaysTheDefault() {
        Run create = run("wallet", "create", "--name", "local", "--wallet-dir", temp.toString());
        assertThat(create.out()).matches("coldkey local  [0-9a-f]{64}\n");
        assertThat(run("wallet", "list", "--wallet-dir", temp.toString()).out()).startsWith("local  ");
    }
}
