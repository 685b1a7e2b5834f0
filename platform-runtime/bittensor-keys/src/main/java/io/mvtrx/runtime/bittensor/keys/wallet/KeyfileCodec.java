package io.mvtrx.runtime.bittensor.keys.wallet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.runtime.bittensor.keys.internal.AnsibleVault;
import io.mvtrx.runtime.bittensor.keys.internal.LegacyFernet;
import io.mvtrx.runtime.bittensor.keys.internal.NaclKeyfileCipher;
import io.mvtrx.runtime.bittensor.keys.internal.NaclKeyfileCipher.Argon2Cost;

/**
 * Reads and writes btwallet keyfiles: plain JSON, {@code $NACL} (read and written), {@code $ANSIBLE_VAULT} and the
 * legacy Fernet format (read only). Files are written owner-only (mode 600) through a temporary file, fsynced and
 * renamed into place; an existing file is never overwritten.
 *
 * <p>Cost: a {@code $NACL} encryption or decryption runs Argon2i over 512 MiB (a few seconds, and the heap must have
 * room for it); a legacy Fernet decryption runs 10,000,000 PBKDF2 rounds. Do it once at start-up. Thread-safe.
 */
public final class KeyfileCodec {

    private static final KeyfileCodec BTWALLET = new KeyfileCodec(Argon2Cost.SENSITIVE);

    private final Argon2Cost cost;

    /** A codec with another Argon2i cost: only tests use it, btwallet files always use the sensitive cost. */
    KeyfileCodec(Argon2Cost cost) {
        this.cost = cost;
    }

    /** The codec of btwallet files. */
    public static KeyfileCodec btwallet() {
        return BTWALLET;
    }

    /** {@code $NACL}-encrypts keyfile bytes under a password. */
    public byte[] encrypt(byte[] plaintext, String password) {
        try {
            return NaclKeyfileCipher.encrypt(plaintext, password.getBytes(StandardCharsets.UTF_8), cost);
        } catch (OutOfMemoryError e) {
            throw argon2Memory(e);
        }
    }

    /**
     * Decrypts keyfile bytes of any encrypted format; {@code where} names the file in messages.
     *
     * @throws KeyfileException {@code WRONG_PASSWORD_OR_TAMPERED} when the password's key does not authenticate the
     *                          data, {@code MALFORMED} when the data is not of its format
     */
    public byte[] decrypt(byte[] data, String password, String where) {
        KeyfileEncryption encryption = KeyfileEncryption.detect(data);
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] plain;
        try {
            plain = switch (encryption) {
                case NONE -> data.clone();
                case NACL -> NaclKeyfileCipher.decrypt(data, pw, cost);
                case ANSIBLE_VAULT -> AnsibleVault.decrypt(data, pw);
                case LEGACY_FERNET -> {
                    byte[] key = LegacyFernet.deriveKey(pw);
                    try {
                        yield LegacyFernet.decrypt(data, key);
                    } finally {
                        Arrays.fill(key, (byte) 0);
                    }
                }
            };
        } catch (IllegalArgumentException e) {
            throw new KeyfileException(KeyfileException.Reason.MALFORMED, e, "%s is not a valid %s keyfile: %s",
                    where, encryption.label(), e.getMessage());
        } catch (OutOfMemoryError e) {
            throw argon2Memory(e);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
        if (plain == null) {
            throw new KeyfileException(KeyfileException.Reason.WRONG_PASSWORD_OR_TAMPERED,
                    "%s: wrong password, or the encrypted file was modified (%s authentication failed)", where,
                    encryption.label());
        }
        return plain;
    }

    /** Argon2i allocates its whole memory at once, so running out there leaves the heap usable for the message. */
    private KeyfileException argon2Memory(OutOfMemoryError e) {
        return new KeyfileException(KeyfileException.Reason.IO, e, "Argon2i needs %d MiB of free heap for a $NACL"
                + " keyfile; give the JVM more (e.g. MVTRX_JAVA_OPTS=-Xmx1g)", cost.memLimitBytes() >> 20);
    }

    /** Decodes keyfile bytes, asking {@code passwords} only if they are encrypted. */
    public Keyfile decode(byte[] data, PasswordSource passwords, Path file) {
        KeyfileEncryption encryption = KeyfileEncryption.detect(data);
        if (!encryption.encrypted()) {
            return Keyfile.parse(data, file.toString());
        }
        String password = passwords.password(file, encryption).orElseThrow(() -> new KeyfileException(
                KeyfileException.Reason.PASSWORD_REQUIRED, "%s is %s-encrypted and no password was given (set %s or"
                        + " pass a password)", file, encryption.label(), passwordVariable(file)));
        byte[] plain = decrypt(data, password, file.toString());
        try {
            return Keyfile.parse(plain, file.toString());
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Reads and decodes a keyfile. */
    public Keyfile read(Path file, PasswordSource passwords) {
        return decode(readBytes(file), passwords, file);
    }

    /** The storage format of a keyfile, read from its first bytes. */
    public static KeyfileEncryption encryptionOf(Path file) {
        return KeyfileEncryption.detect(readBytes(file));
    }

    /**
     * Writes a keyfile: {@code $NACL}-encrypted when a password is given, plain JSON otherwise. Creates missing
     * parent directories owner-only (700) and the file owner-only (600).
     *
     * @throws KeyfileException {@code EXISTS} when the file is already there
     */
    public void write(Path file, Keyfile content, Optional<String> password) {
        byte[] json = content.toJson();
        if (password.isEmpty()) {
            writeOwnerOnly(file, json);
            return;
        }
        byte[] data = encrypt(json, password.get());
        Arrays.fill(json, (byte) 0);
        writeOwnerOnly(file, data);
    }

    /**
     * The environment variable btwallet reads a keyfile's password from: {@code BT_PW_} and the path with separators
     * and dots replaced by {@code _}, upper-cased ({@code /home/u/.bittensor/wallets/w/coldkey} →
     * {@code BT_PW__HOME_U__BITTENSOR_WALLETS_W_COLDKEY}).
     */
    public static String passwordVariable(Path file) {
        String path = file.toString().replace(file.getFileSystem().getSeparator(), "_").replace('.', '_');
        return "BT_PW_" + path.toUpperCase(Locale.ROOT);
    }

    /**
     * Passwords from btwallet's environment variables ({@link #passwordVariable}): base64 of the password XORed with
     * the variable's name, as btwallet saves them.
     */
    public static PasswordSource environmentPasswords(Map<String, String> environment) {
        return (file, encryption) -> {
            String name = passwordVariable(file);
            String value = environment.get(name);
            if (value == null) {
                return Optional.empty();
            }
            byte[] obfuscated;
            try {
                obfuscated = Base64.getDecoder().decode(value.strip());
            } catch (IllegalArgumentException e) {
                throw new KeyfileException(KeyfileException.Reason.MALFORMED, e,
                        "environment variable %s is not base64 (btwallet's obfuscated password)", name);
            }
            return Optional.of(new String(xorWithName(obfuscated, name), StandardCharsets.UTF_8));
        };
    }

    /** The value btwallet would store in {@link #passwordVariable} for a password. */
    public static String obfuscatedPassword(Path file, String password) {
        return Base64.getEncoder().encodeToString(xorWithName(password.getBytes(StandardCharsets.UTF_8),
                passwordVariable(file)));
    }

    private static byte[] xorWithName(byte[] data, String name) {
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (byte) (data[i] ^ key[i % key.length]);
        }
        return out;
    }

    static byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new KeyfileException(KeyfileException.Reason.MALFORMED, "%s is a directory, not a keyfile",
                        file);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyfileException(KeyfileException.Reason.NOT_FOUND, e, "no keyfile %s", file);
        } catch (IOException e) {
            throw new KeyfileException(KeyfileException.Reason.IO, e, "cannot read keyfile %s: %s", file,
                    e.getMessage());
        }
    }

    static void writeOwnerOnly(Path file, byte[] data) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new KeyfileException(KeyfileException.Reason.EXISTS, "%s already exists; refusing to overwrite a"
                    + " key", file);
        }
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            createOwnerOnlyDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(data));
                channel.force(true);
            }
            // a hard link fails if the target appeared meanwhile, where a rename would replace it
            try {
                Files.createLink(file, temp);
                Files.delete(temp);
            } catch (UnsupportedOperationException e) {
                moveIfAbsent(temp, file);
            }
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(temp);
            throw new KeyfileException(KeyfileException.Reason.EXISTS, e, "%s already exists; refusing to overwrite"
                    + " a key", file);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new KeyfileException(KeyfileException.Reason.IO, e, "cannot write keyfile %s: %s", file,
                    e.getMessage());
        }
    }

    private static void moveIfAbsent(Path temp, Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file);
        }
    }

    private static void createOwnerOnlyDirectories(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        createOwnerOnlyDirectories(dir.getParent());
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rwx------")));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the write already failed; its error is the one to report
        }
    }
}
