package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletEntry;
import io.mvtrx.runtime.wallet.WalletException;
import io.mvtrx.runtime.wallet.WalletStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mvtrx wallet}: create and list Ed25519 coldkeys and hotkeys. */
@Command(name = "wallet",
        mixinStandardHelpOptions = true,
        description = "Create and list wallets: Ed25519 coldkeys and their hotkeys under ~/.mvtrx/wallets.",
        subcommands = {WalletCommand.Create.class, WalletCommand.ListWallets.class})
final class WalletCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Options shared by the wallet subcommands. */
    static final class StoreOption {
        @Option(names = "--wallet-dir", paramLabel = "DIR",
                description = "Wallet root. Default: ~/.mvtrx/wallets.")
        Path dir;

        WalletStore store() {
            return dir == null ? WalletStore.defaultStore() : new WalletStore(dir);
        }
    }

    /** {@code mvtrx wallet create --name COLD [--hotkey HOT]}. */
    @Command(name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Creates a coldkey, or adds a hotkey to an existing coldkey. Keys are never overwritten.",
                "Prints each new key's address (hex Ed25519 public key).",
            },
            exitCodeListHeading = ExitCodes.HELP_HEADING,
            exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
    static final class Create implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @picocli.CommandLine.Mixin
        private StoreOption storeOption = new StoreOption();

        @Option(names = "--name", required = true, paramLabel = "COLDKEY", description = "Wallet (coldkey) name.")
        private String name;

        @Option(names = "--hotkey", paramLabel = "HOTKEY",
                description = "Hotkey to create under the coldkey; the coldkey is created first if it is missing.")
        private String hotkey;

        @Override
        public Integer call() {
            WalletStore store = storeOption.store();
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
    }

    /** {@code mvtrx wallet list}. */
    @Command(name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists every coldkey and hotkey with its address.",
            exitCodeListHeading = ExitCodes.HELP_HEADING,
            exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
    static final class ListWallets implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @picocli.CommandLine.Mixin
        private StoreOption storeOption = new StoreOption();

        @Override
        public Integer call() {
            WalletStore store = storeOption.store();
            PrintWriter out = spec.commandLine().getOut();
            try {
                List<WalletEntry> wallets = store.list();
                if (wallets.isEmpty()) {
                    out.println("no wallets in " + store.root());
                }
                for (WalletEntry wallet : wallets) {
                    out.printf("%s  %s%n", wallet.coldkey(), wallet.coldkeyAddress());
                    for (WalletEntry.Hotkey hot : wallet.hotkeys()) {
                        out.printf("  %s  %s%n", hot.name(), hot.address());
                    }
                }
                out.flush();
                return ExitCodes.OK;
            } catch (WalletException e) {
                throw new CommandFailedException("%s", e.getMessage());
            }
        }
    }
}
