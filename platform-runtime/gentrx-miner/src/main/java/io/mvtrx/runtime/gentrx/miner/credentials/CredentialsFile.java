package io.mvtrx.runtime.gentrx.miner.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The credentials properties file, default {@value #DEFAULT_LOCATION}: keys are {@link CredentialField#propertyKey()}.
 * It is written owner-only ({@code rw-------}) from the moment it exists: a temporary file is created with those
 * permissions, filled, then moved over the target, so no reader ever sees the secrets with wider permissions.
 */
public final class CredentialsFile {

    /** Where the file lives unless told otherwise ({@code ~} is the home directory). */
    public static final String DEFAULT_LOCATION = "~/.mvtrx/gentrx-credentials.properties";

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private CredentialsFile() {
    }

    /** {@value #DEFAULT_LOCATION} under a home directory. */
    public static Path defaultPath(String home) {
        return Path.of(home, ".mvtrx", "gentrx-credentials.properties");
    }

    /**
     * The values a file holds; empty when it does not exist.
     *
     * @throws IOException naming the file when it cannot be read or holds an unknown key
     */
    public static Map<CredentialField, String> read(Path file) throws IOException {
        Map<CredentialField, String> values = new EnumMap<>(CredentialField.class);
        if (!Files.exists(file)) {
            return values;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        for (String key : properties.stringPropertyNames()) {
            CredentialField field = fieldOf(key);
            if (field == null) {
                throw new IOException(String.format("%s: unknown key '%s'; known: %s", file, key,
                        String.join(", ", Arrays.stream(CredentialField.values())
                                .map(CredentialField::propertyKey).toList())));
            }
            values.put(field, properties.getProperty(key));
        }
        return values;
    }

    /**
     * Writes the values, owner-only, replacing the file atomically; creates the parent directory.
     *
     * @throws IOException naming the file when it cannot be written
     */
    public static void write(Path file, Map<CredentialField, String> values) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = parent.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + ": another process is writing it (" + temporary + " exists)", e);
        }
        try {
            StringBuilder text = new StringBuilder("# GenTRX miner bucket credentials (doc/gentrx.md, Miner training)\n");
            for (CredentialField field : CredentialField.values()) {
                String value = values.get(field);
                if (value != null) {
                    text.append(field.propertyKey()).append('=').append(escape(value)).append('\n');
                }
            }
            try (OutputStream out = Files.newOutputStream(temporary)) {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static CredentialField fieldOf(String key) {
        for (CredentialField field : CredentialField.values()) {
            if (field.propertyKey().equals(key)) {
                return field;
            }
        }
        return null;
    }

    /** Properties escaping of the characters that would change the meaning of a line. */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\', '=', ':', '#', '!' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
