package io.mvtrx.runtime.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.mvtrx.runtime.bittensor.keys.KeyException;
import io.mvtrx.runtime.bittensor.keys.Mnemonic;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.bittensor.keys.wallet.BtWalletEntry;
import io.mvtrx.runtime.bittensor.keys.wallet.BtWallets;
import io.mvtrx.runtime.bittensor.keys.wallet.Keyfile;
import io.mvtrx.runtime.bittensor.keys.wallet.KeyfileEncryption;
import io.mvtrx.runtime.bittensor.keys.wallet.KeyfileException;
import io.mvtrx.runtime.bittensor.keys.wallet.PasswordSource;
import io.mvtrx.runtime.bittensor.keys.wallet.PolkadotJsKeystore;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletEntry;
import io.mvtrx.runtime.wallet.WalletException;
import io.mvtrx.runtime.wallet.WalletStore;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mvtrx wallet}: Ed25519 wallets of the local chain (the default) and Bittensor sr25519 wallets in the
 * btwallet layout ({@code --scheme sr25519}, {@code import}).
 */
@Command(name = "wallet",
        mixinStandardHelpOptions = true,
        description = {
            "Create, import and list wallets: Ed25519 coldkeys and hotkeys of the local chain under ~/.mvtrx/wallets,",
            "or Bittensor sr25519 keys in the btwallet layout under ~/.bittensor/wallets (--scheme sr25519, import).",
        },
        subcommands = {WalletCommand.Create.class, WalletCommand.Import.class, WalletCommand.ListWallets.class})
final class WalletCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private MvtrxCommand mvtrx;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The key scheme of a wallet. */
    enum Scheme {
        /** JDK Ed25519 keys named by hex public key: the local chain's wallets. */
        ed25519,
        /** sr25519 keys with SS58 addresses in btwallet files: Bittensor's wallets. */
        sr25519
    }

    /** Options shared by the wallet subcommands. */
    static final class StoreOption {
        @Option(names = {"--wallet-dir", "--path"}, paramLabel = "DIR",
                description = "Wallet root. Default: ~/.mvtrx/wallets for ed25519; $BT_WALLET_PATH, else"
                        + " ~/.bittensor/wallets, for sr25519 (btwallet layout).")
        Path dir;

        WalletStore ed25519Store() {
            return dir == null ? WalletStore.defaultStore() : new WalletStore(dir);
        }

        BtWallets btWallets(MvtrxCommand mvtrx) {
            return new BtWallets(dir != null ? dir
                    : BtWallets.defaultRoot(mvtrx.environment(), Path.of(System.getProperty("user.home"))));
        }
    }

    /** How an sr25519 coldkey (and, on request, hotkey) is encrypted. */
    static final class PasswordOptions {
        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read the encryption password from the first line of FILE. Without it the password"
                        + " is asked on the terminal (twice).")
        Path passwordFile;

        @Option(names = "--no-password",
                description = "Write the coldkey unencrypted (plain JSON). Not recommended outside tests.")
        boolean noPassword;

        @Option(names = "--encrypt-hotkey",
                description = "Encrypt the hotkey too, with the same password. By default hotkeys stay plain, as"
                        + " btwallet writes them, so that a miner or validator starts unattended.")
        boolean encryptHotkey;

        private Optional<String> password;

        /** The password for new encrypted files; empty with --no-password. Asked at most once. */
        Optional<String> password(String what) {
            if (password == null) {
                password = readPassword(what);
            }
            return password;
        }

        Optional<String> hotkeyPassword(String what) {
            if (!encryptHotkey) {
                return Optional.empty();
            }
            if (noPassword) {
                throw new CommandFailedException("--encrypt-hotkey needs a password; it cannot be combined with"
                        + " --no-password");
            }
            return password(what);
        }

        private Optional<String> readPassword(String what) {
            if (noPassword) {
                if (passwordFile != null) {
                    throw new CommandFailedException("give either --password-file or --no-password, not both");
                }
                return Optional.empty();
            }
            if (passwordFile != null) {
                return Optional.of(firstLine(passwordFile, "--password-file"));
            }
            Console console = System.console();
            if (console == null) {
                throw new CommandFailedException("%s is encrypted with a password: give --password-file FILE, run in"
                        + " a terminal to be asked, or pass --no-password to store it unencrypted", what);
            }
            char[] first = console.readPassword("Password to encrypt %s: ", what);
            char[] second = console.readPassword("Retype the password: ");
            try {
                if (first == null || first.length == 0) {
                    throw new CommandFailedException("the password is empty");
                }
                if (!Arrays.equals(first, second)) {
                    throw new CommandFailedException("the passwords do not match");
                }
                return Optional.of(new String(first));
            } finally {
                if (first != null) {
                    Arrays.fill(first, ' ');
                }
                if (second != null) {
                    Arrays.fill(second, ' ');
                }
            }
        }
    }

    /** {@code mvtrx wallet create --name COLD [--hotkey HOT] [--scheme sr25519 ...]}. */
    @Command(name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Creates a coldkey, or adds a hotkey to an existing coldkey. Keys are never overwritten.",
                "ed25519 (default): prints each new key's address (hex public key).",
                "sr25519: new keys come from fresh 12-word mnemonics (substrate-bip39); prints each new key's SS58",
                "address and its mnemonic, the only backup, which is shown once. The coldkey is $NACL-encrypted",
                "(Argon2i, 512 MiB: it takes seconds), the hotkey plain unless --encrypt-hotkey.",
            },
            exitCodeListHeading = ExitCodes.HELP_HEADING,
            exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
    static final class Create implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @ParentCommand
        private WalletCommand wallet;

        @Mixin
        private StoreOption storeOption = new StoreOption();

        @Mixin
        private PasswordOptions passwordOptions = new PasswordOptions();

        @Option(names = "--name", required = true, paramLabel = "COLDKEY", description = "Wallet (coldkey) name.")
        private String name;

        @Option(names = "--hotkey", paramLabel = "HOTKEY",
                description = "Hotkey to create under the coldkey; the coldkey is created first if it is missing.")
        private String hotkey;

        @Option(names = "--scheme", paramLabel = "SCHEME", defaultValue = "ed25519",
                description = "Key scheme: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
        private Scheme scheme;

        @Option(names = "--words", paramLabel = "N", defaultValue = "12",
                description = "sr25519: words of each new mnemonic (12, 15, 18, 21 or 24). Default: ${DEFAULT-VALUE}.")
        private int words;

        @Override
        public Integer call() {
            return switch (scheme) {
                case ed25519 -> createEd25519();
                case sr25519 -> createSr25519();
            };
        }

        private int createEd25519() {
            WalletStore store = storeOption.ed25519Store();
            PrintWriter out = spec.commandLine().getOut();
            try {
                boolean exists = store.list().stream().anyMatch(w -> w.coldkey().equals(name));
                if (!exists) {
                    Keypair cold = store.createColdkey(name);
                    out.printf("coldkey %s  %s%n", name, cold.address());
                } else if (hotkey == null) {
                    throw new CommandFailedException("coldkey '%s' already exists in %s", name, store.root());
                }
                if (hotkey != null) {
                    Keypair hot = store.createHotkey(name, hotkey);
                    out.printf("hotkey  %s/%s  %s%n", name, hotkey, hot.address());
                }
                out.flush();
                return ExitCodes.OK;
            } catch (WalletException e) {
                throw new CommandFailedException("%s", e.getMessage());
            }
        }

        private int createSr25519() {
            if (!Mnemonic.WORD_COUNTS.contains(words)) {
                throw new CommandFailedException("--words must be 12, 15, 18, 21 or 24, got %d", words);
            }
            BtWallets wallets = storeOption.btWallets(wallet.mvtrx);
            PrintWriter out = spec.commandLine().getOut();
            SecureRandom random = new SecureRandom();
            try {
                boolean exists = Files.exists(wallets.coldkeyFile(name)) || Files.exists(wallets.coldkeypubFile(name));
                if (exists && hotkey == null) {
                    throw new CommandFailedException("coldkey '%s' already exists in %s", name, wallets.root());
                }
                if (hotkey != null && Files.exists(wallets.hotkeyFile(name, hotkey))) {
                    throw new CommandFailedException("hotkey '%s/%s' already exists in %s", name, hotkey,
                            wallets.root());
                }
                if (!exists) {
                    Mnemonic mnemonic = Mnemonic.generate(words, random);
                    Keyfile key = Keyfile.of(mnemonic);
                    wallets.createColdkey(name, key, passwordOptions.password("coldkey '" + name + "'"));
                    out.printf("coldkey %s  %s%n", name, key.ss58Address());
                    out.printf("mnemonic of coldkey %s: %s%n", name, mnemonic.phrase());
                }
                if (hotkey != null) {
                    Mnemonic mnemonic = Mnemonic.generate(words, random);
                    Keyfile key = Keyfile.of(mnemonic);
                    wallets.createHotkey(name, hotkey, key,
                            passwordOptions.hotkeyPassword("hotkey '" + name + "/" + hotkey + "'"));
                    out.printf("hotkey  %s/%s  %s%n", name, hotkey, key.ss58Address());
                    out.printf("mnemonic of hotkey %s/%s: %s%n", name, hotkey, mnemonic.phrase());
                }
                out.flush();
                PrintWriter err = spec.commandLine().getErr();
                err.println("mvtrx: store the mnemonics above offline: each is the only backup of its key, and"
                        + " anyone who has it controls the key");
                err.flush();
                return ExitCodes.OK;
            } catch (KeyfileException e) {
                throw new CommandFailedException("%s", e.getMessage());
            }
        }
    }

    /** Where an imported key comes from: exactly one of these. */
    static final class KeySource {
        @Option(names = "--mnemonic", paramLabel = "WORDS",
                description = "The mnemonic itself. It lands in the shell history and the process list: prefer"
                        + " --mnemonic-file or --mnemonic-stdin.")
        String mnemonic;

        @Option(names = "--mnemonic-file", paramLabel = "FILE", description = "Read the mnemonic from FILE.")
        Path mnemonicFile;

        @Option(names = "--mnemonic-stdin", description = "Read the mnemonic from standard input.")
        boolean mnemonicStdin;

        @Option(names = "--keystore", paramLabel = "FILE",
                description = "A polkadot-js JSON keystore (sr25519; scrypt-encrypted or not).")
        Path keystore;
    }

    /** {@code mvtrx wallet import --name COLD [--hotkey HOT] (--mnemonic-file FILE | ...)}. */
    @Command(name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Imports an sr25519 key into the btwallet layout: as the coldkey of --name, or as its hotkey",
                "--hotkey. The key comes from a mnemonic (substrate-bip39, as btcli regen_coldkey/regen_hotkey)",
                "or a polkadot-js keystore. Prints the SS58 address. Keys are never overwritten.",
            },
            exitCodeListHeading = ExitCodes.HELP_HEADING,
            exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
    static final class Import implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @ParentCommand
        private WalletCommand wallet;

        @Mixin
        private StoreOption storeOption = new StoreOption();

        @Mixin
        private PasswordOptions passwordOptions = new PasswordOptions();

        @Option(names = "--name", required = true, paramLabel = "COLDKEY", description = "Wallet (coldkey) name.")
        private String name;

        @Option(names = "--hotkey", paramLabel = "HOTKEY",
                description = "Import as this hotkey of the wallet instead of as its coldkey.")
        private String hotkey;

        @ArgGroup(exclusive = true, multiplicity = "1")
        private KeySource source;

        @Option(names = "--keystore-password-file", paramLabel = "FILE",
                description = "Password of an encrypted --keystore, first line of FILE.")
        private Path keystorePasswordFile;

        @Override
        public Integer call() {
            BtWallets wallets = storeOption.btWallets(wallet.mvtrx);
            try {
                Path target = hotkey == null ? wallets.coldkeyFile(name) : wallets.hotkeyFile(name, hotkey);
                if (Files.exists(target)) {
                    throw new CommandFailedException("%s already exists; refusing to overwrite a key", target);
                }
                Keyfile key = readKey();
                if (hotkey == null) {
                    wallets.createColdkey(name, key, passwordOptions.password("coldkey '" + name + "'"));
                } else {
                    wallets.createHotkey(name, hotkey, key,
                            passwordOptions.hotkeyPassword("hotkey '" + name + "/" + hotkey + "'"));
                }
                PrintWriter out = spec.commandLine().getOut();
                if (hotkey == null) {
                    out.printf("coldkey %s  %s%n", name, key.ss58Address());
                } else {
                    out.printf("hotkey  %s/%s  %s%n", name, hotkey, key.ss58Address());
                }
                out.flush();
                return ExitCodes.OK;
            } catch (KeyfileException e) {
                throw new CommandFailedException("%s", e.getMessage());
            }
        }

        private Keyfile readKey() {
            if (source.keystore != null) {
                byte[] json = readAll(source.keystore, "--keystore");
                PasswordSource passwords = keystorePasswordFile == null ? PasswordSource.none()
                        : PasswordSource.of(firstLine(keystorePasswordFile, "--keystore-password-file"));
                Sr25519Keypair pair = PolkadotJsKeystore.read(json, passwords, source.keystore);
                return Keyfile.of(pair);
            }
            String phrase;
            String origin;
            if (source.mnemonic != null) {
                phrase = source.mnemonic;
                origin = "--mnemonic";
            } else if (source.mnemonicFile != null) {
                phrase = new String(readAll(source.mnemonicFile, "--mnemonic-file"), StandardCharsets.UTF_8);
                origin = "--mnemonic-file " + source.mnemonicFile;
            } else {
                try {
                    phrase = new String(wallet.mvtrx.input().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new CommandFailedException("cannot read the mnemonic from standard input: %s",
                            e.getMessage());
                }
                origin = "--mnemonic-stdin";
            }
            try {
                return Keyfile.of(Mnemonic.parse(phrase));
            } catch (KeyException e) {
                throw new CommandFailedException("%s: %s", origin, e.getMessage());
            }
        }
    }

    /** {@code mvtrx wallet list [--scheme sr25519]}. */
    @Command(name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "Lists every coldkey and hotkey with its address: hex public keys for ed25519, SS58 (prefix 42) for",
                "sr25519, read from coldkeypub.txt and plain hotkeys (or HOTKEYpub.txt); nothing is decrypted.",
            },
            exitCodeListHeading = ExitCodes.HELP_HEADING,
            exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
    static final class ListWallets implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @ParentCommand
        private WalletCommand wallet;

        @Mixin
        private StoreOption storeOption = new StoreOption();

        @Option(names = "--scheme", paramLabel = "SCHEME", defaultValue = "ed25519",
                description = "Key scheme: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
        private Scheme scheme;

        @Override
        public Integer call() {
            return switch (scheme) {
                case ed25519 -> listEd25519();
                case sr25519 -> listSr25519();
            };
        }

        private int listEd25519() {
            WalletStore store = storeOption.ed25519Store();
            PrintWriter out = spec.commandLine().getOut();
            try {
                List<WalletEntry> wallets = store.list();
                if (wallets.isEmpty()) {
                    out.println("no wallets in " + store.root());
                }
                for (WalletEntry entry : wallets) {
                    out.printf("%s  %s%n", entry.coldkey(), entry.coldkeyAddress());
                    for (WalletEntry.Hotkey hot : entry.hotkeys()) {
                        out.printf("  %s  %s%n", hot.name(), hot.address());
                    }
                }
                out.flush();
                return ExitCodes.OK;
            } catch (WalletException e) {
                throw new CommandFailedException("%s", e.getMessage());
            }
        }

        private int listSr25519() {
            BtWallets wallets = storeOption.btWallets(wallet.mvtrx);
            PrintWriter out = spec.commandLine().getOut();
            try {
                List<BtWalletEntry> entries = wallets.list();
                if (entries.isEmpty()) {
                    out.println("no wallets in " + wallets.root());
                }
                for (BtWalletEntry entry : entries) {
                    out.printf("%s  %s%n", entry.name(), entry.coldkeyAddress().orElse("(no coldkeypub.txt)"));
                    for (BtWalletEntry.Hotkey hot : entry.hotkeys()) {
                        String encryption = hot.encryption() == KeyfileEncryption.NONE ? ""
                                : "  (" + hot.encryption().label() + "-encrypted)";
                        out.printf("  %s  %s%s%n", hot.name(), hot.address().orElse("(address unknown)"), encryption);
                    }
                }
                out.flush();
                return ExitCodes.OK;
            } catch (KeyfileException e) {
                throw new CommandFailedException("%s", e.getMessage());
            }
        }
    }

    private static byte[] readAll(Path file, String option) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandFailedException("%s %s: cannot read: %s", option, file, e.getMessage());
        }
    }

    /** The first line of a file without its line break; fails for an empty line. */
    private static String firstLine(Path file, String option) {
        String text = new String(readAll(file, option), StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw new CommandFailedException("%s %s: the first line (the password) is empty", option, file);
        }
        return line;
    }
}
