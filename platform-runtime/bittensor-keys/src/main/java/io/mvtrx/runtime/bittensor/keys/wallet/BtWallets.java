package io.mvtrx.runtime.bittensor.keys.wallet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The btwallet directory layout under a root (default {@code ~/.bittensor/wallets}, or {@code BT_WALLET_PATH}):
 * <pre>
 * ROOT/WALLET/coldkey                 the coldkey, $NACL-encrypted unless written without a password
 * ROOT/WALLET/coldkeypub.txt          public-only JSON
 * ROOT/WALLET/hotkeys/HOTKEY          the hotkey, plain JSON unless written with a password
 * ROOT/WALLET/hotkeys/HOTKEYpub.txt   public-only JSON (newer btwallet)
 * </pre>
 * Names of new wallets and hotkeys are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.
 * Nothing is ever overwritten. Thread-safe (each call works on the file system only).
 */
public final class BtWallets {

    /** btwallet's default wallet name. */
    public static final String DEFAULT_WALLET = "default";
    /** btwallet's default hotkey name. */
    public static final String DEFAULT_HOTKEY = "default";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path root;
    private final KeyfileCodec codec;

    /** The wallets under {@code root}. */
    public BtWallets(Path root) {
        this(root, KeyfileCodec.btwallet());
    }

    BtWallets(Path root, KeyfileCodec codec) {
        this.root = root;
        this.codec = codec;
    }

    /** {@code BT_WALLET_PATH} (with a leading {@code ~} expanded) when set, else {@code ~/.bittensor/wallets}. */
    public static Path defaultRoot(Map<String, String> environment, Path home) {
        String configured = environment.get("BT_WALLET_PATH");
        if (configured == null || configured.isBlank()) {
            return home.resolve(".bittensor").resolve("wallets");
        }
        if (configured.equals("~") || configured.startsWith("~/")) {
            return home.resolve(configured.substring(Math.min(2, configured.length())));
        }
        return Path.of(configured);
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    /** {@code ROOT/WALLET/coldkey}. */
    public Path coldkeyFile(String wallet) {
        return walletDir(wallet).resolve("coldkey");
    }

    /** {@code ROOT/WALLET/coldkeypub.txt}. */
    public Path coldkeypubFile(String wallet) {
        return walletDir(wallet).resolve("coldkeypub.txt");
    }

    /** {@code ROOT/WALLET/hotkeys/HOTKEY}. */
    public Path hotkeyFile(String wallet, String hotkey) {
        return walletDir(wallet).resolve("hotkeys").resolve(checkName("hotkey", hotkey));
    }

    /** {@code ROOT/WALLET/hotkeys/HOTKEYpub.txt}. */
    public Path hotkeyPubFile(String wallet, String hotkey) {
        return walletDir(wallet).resolve("hotkeys").resolve(checkName("hotkey", hotkey) + "pub.txt");
    }

    /**
     * Writes a wallet's coldkey ({@code $NACL}-encrypted when a password is given) and {@code coldkeypub.txt}.
     *
     * @throws KeyfileException {@code EXISTS} when either file is already there (nothing is written then)
     */
    public void createColdkey(String wallet, Keyfile key, Optional<String> password) {
        Path coldkey = coldkeyFile(wallet);
        Path pub = coldkeypubFile(wallet);
        refuseExisting(coldkey, pub);
        codec.write(coldkey, key, password);
        codec.write(pub, key.publicPart(), Optional.empty());
    }

    /**
     * Writes a hotkey (plain unless a password is given, as btwallet does) and its public companion.
     *
     * @throws KeyfileException {@code EXISTS} when either file is already there (nothing is written then)
     */
    public void createHotkey(String wallet, String hotkey, Keyfile key, Optional<String> password) {
        Path file = hotkeyFile(wallet, hotkey);
        Path pub = hotkeyPubFile(wallet, hotkey);
        refuseExisting(file, pub);
        codec.write(file, key, password);
        codec.write(pub, key.publicPart(), Optional.empty());
    }

    /** The public coldkey from {@code coldkeypub.txt}. */
    public Keyfile coldkeypub(String wallet) {
        return codec.read(coldkeypubFile(wallet), PasswordSource.none());
    }

    /** The coldkey with its secret; the password is asked only if the file is encrypted. */
    public Keyfile coldkey(String wallet, PasswordSource passwords) {
        return codec.read(coldkeyFile(wallet), passwords);
    }

    /** A hotkey with its secret; the password is asked only if the file is encrypted. */
    public Keyfile hotkey(String wallet, String hotkey, PasswordSource passwords) {
        return codec.read(hotkeyFile(wallet, hotkey), passwords);
    }

    /** Every wallet directory under the root, sorted by name; nothing is decrypted. */
    public List<BtWalletEntry> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<BtWalletEntry> wallets = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path pub = dir.resolve("coldkeypub.txt");
                Path coldkey = dir.resolve("coldkey");
                Path hotkeyDir = dir.resolve("hotkeys");
                if (!Files.exists(pub) && !Files.exists(coldkey) && !Files.isDirectory(hotkeyDir)) {
                    continue;
                }
                Optional<String> address = Files.isRegularFile(pub)
                        ? Optional.of(codec.read(pub, PasswordSource.none()).ss58Address())
                        : Optional.empty();
                wallets.add(new BtWalletEntry(dir.getFileName().toString(), address, hotkeys(hotkeyDir)));
            }
        } catch (IOException e) {
            throw new KeyfileException(KeyfileException.Reason.IO, e, "cannot list wallets under %s: %s", root,
                    e.getMessage());
        }
        return wallets;
    }

    private List<BtWalletEntry.Hotkey> hotkeys(Path hotkeyDir) throws IOException {
        if (!Files.isDirectory(hotkeyDir)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> stream = Files.list(hotkeyDir)) {
            files = stream.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        List<BtWalletEntry.Hotkey> hotkeys = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.endsWith("pub.txt")
                    && Files.isRegularFile(hotkeyDir.resolve(name.substring(0, name.length() - "pub.txt".length())))) {
                continue;
            }
            KeyfileEncryption encryption = KeyfileCodec.encryptionOf(file);
            Optional<String> address;
            if (!encryption.encrypted()) {
                address = Optional.of(codec.read(file, PasswordSource.none()).ss58Address());
            } else {
                Path pub = hotkeyDir.resolve(name + "pub.txt");
                address = Files.isRegularFile(pub)
                        ? Optional.of(codec.read(pub, PasswordSource.none()).ss58Address())
                        : Optional.empty();
            }
            hotkeys.add(new BtWalletEntry.Hotkey(name, address, encryption));
        }
        return hotkeys;
    }

    private Path walletDir(String wallet) {
        return root.resolve(checkName("wallet", wallet));
    }

    private static void refuseExisting(Path... files) {
        for (Path file : files) {
            if (Files.exists(file)) {
                throw new KeyfileException(KeyfileException.Reason.EXISTS,
                        "%s already exists; refusing to overwrite a key", file);
            }
        }
    }

    private static String checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new KeyfileException(KeyfileException.Reason.MALFORMED, "%s name '%s' is invalid: use 1-64 letters,"
                    + " digits, '.', '_' or '-', starting with a letter or digit", what, name);
        }
        return name;
    }
}
