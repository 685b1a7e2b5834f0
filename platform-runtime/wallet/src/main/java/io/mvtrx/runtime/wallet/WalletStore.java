package io.mvtrx.runtime.wallet;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Wallet files under a root directory (default {@code ~/.mvtrx/wallets}):
 * <pre>
 * ROOT/COLDKEY/coldkey              private coldkey (mode 600)
 * ROOT/COLDKEY/coldkeypub.txt       public coldkey
 * ROOT/COLDKEY/hotkeys/HOTKEY       private hotkey (mode 600)
 * </pre>
 * Each key file is UTF-8 {@code key=value} lines: {@code scheme=ed25519}, {@code publicKey=<hex>} and, for private
 * files, {@code privateKey=<base64 PKCS#8>}. Files are written to a temporary file, fsynced and atomically renamed,
 * and an existing key is never overwritten.
 */
public final class WalletStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String SCHEME = "ed25519";

    private final Path root;

    /** A store rooted at {@code root}. */
    public WalletStore(Path root) {
        this.root = root;
    }

    /** The default store, {@code ~/.mvtrx/wallets}. */
    public static WalletStore defaultStore() {
        return new WalletStore(Path.of(System.getProperty("user.home"), ".mvtrx", "wallets"));
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    /** Creates a coldkey; fails if it exists. */
    public Keypair createColdkey(String coldkey) {
        Path dir = root.resolve(checkName("coldkey", coldkey));
        Keypair keypair = generate();
        write(dir.resolve("coldkey"), keypair, true);
        write(dir.resolve("coldkeypub.txt"), keypair, false);
        return keypair;
    }

    /** Creates a hotkey under an existing coldkey; fails if it exists. */
    public Keypair createHotkey(String coldkey, String hotkey) {
        Path dir = root.resolve(checkName("coldkey", coldkey));
        if (!Files.isRegularFile(dir.resolve("coldkeypub.txt"))) {
            throw new WalletException("no coldkey '%s' under %s; create it first with `mvtrx wallet create`",
                    coldkey, root);
        }
        Keypair keypair = generate();
        write(dir.resolve("hotkeys").resolve(checkName("hotkey", hotkey)), keypair, true);
        return keypair;
    }

    /** Loads a hotkey with its private half. */
    public Keypair hotkey(String coldkey, String hotkey) {
        return read(root.resolve(checkName("coldkey", coldkey)).resolve("hotkeys").resolve(checkName("hotkey", hotkey)));
    }

    /** Loads a coldkey with its private half. */
    public Keypair coldkey(String coldkey) {
        return read(root.resolve(checkName("coldkey", coldkey)).resolve("coldkey"));
    }

    /** Every wallet under the root, sorted by coldkey name. */
    public List<WalletEntry> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<WalletEntry> wallets = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path pub = dir.resolve("coldkeypub.txt");
                if (!Files.isRegularFile(pub)) {
                    continue;
                }
                List<WalletEntry.Hotkey> hotkeys = new ArrayList<>();
                Path hotkeyDir = dir.resolve("hotkeys");
                if (Files.isDirectory(hotkeyDir)) {
                    try (Stream<Path> files = Files.list(hotkeyDir)) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            if (!file.getFileName().toString().startsWith(".")) {
                                hotkeys.add(new WalletEntry.Hotkey(file.getFileName().toString(),
                                        fields(file).get("publicKey")));
                            }
                        }
                    }
                }
                wallets.add(new WalletEntry(dir.getFileName().toString(), fields(pub).get("publicKey"), hotkeys));
            }
        } catch (IOException e) {
            throw new WalletException(e, "cannot list wallets under %s: %s", root, e.getMessage());
        }
        return wallets;
    }

    private static String checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new WalletException("%s name '%s' is invalid: use 1-64 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit", what, name);
        }
        return name;
    }

    private static Keypair generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] raw = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            return Keypair.fromEncoded(raw, pair.getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new WalletException(e, "Ed25519 is not available in this JDK: %s", e.getMessage());
        }
    }

    private static void write(Path file, Keypair keypair, boolean withPrivate) {
        if (Files.exists(file)) {
            throw new WalletException("%s already exists; refusing to overwrite a key", file);
        }
        StringBuilder text = new StringBuilder()
                .append("scheme=").append(SCHEME).append('\n')
                .append("publicKey=").append(keypair.address()).append('\n');
        if (withPrivate) {
            text.append("privateKey=").append(Base64.getEncoder().encodeToString(keypair.privateKeyEncoded()))
                    .append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            if (Files.exists(file)) {
                Files.delete(temp);
                throw new FileAlreadyExistsException(file.toString());
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new WalletException("%s already exists; refusing to overwrite a key", file);
        } catch (IOException e) {
            throw new WalletException(e, "cannot write %s: %s", file, e.getMessage());
        }
    }

    private static Keypair read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new WalletException("no key file %s", file);
        }
        Map<String, String> fields = fields(file);
        if (!SCHEME.equals(fields.get("scheme"))) {
            throw new WalletException("%s: scheme must be '%s', got '%s'", file, SCHEME, fields.get("scheme"));
        }
        String pub = fields.get("publicKey");
        String priv = fields.get("privateKey");
        if (pub == null || priv == null) {
            throw new WalletException("%s: needs publicKey and privateKey lines", file);
        }
        try {
            Keypair keypair = Keypair.fromEncoded(HexFormat.of().parseHex(pub), Base64.getDecoder().decode(priv));
            byte[] probe = "mvtrx-wallet-check".getBytes(StandardCharsets.UTF_8);
            if (!Keypair.verify(keypair.publicKeyBytes(), probe, keypair.sign(probe))) {
                throw new WalletException("%s: privateKey does not match publicKey", file);
            }
            return keypair;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new WalletException(e, "%s: malformed key: %s", file, e.getMessage());
        }
    }

    private static Map<String, String> fields(Path file) {
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
            return fields;
        } catch (IOException e) {
            throw new WalletException(e, "cannot read %s: %s", file, e.getMessage());
        }
    }
}
