package io.mvtrx.plugin.storage.fs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.storage.StorageBackendProvider;

/**
 * Provides the {@code fs} storage backend, the embedded default. Public no-argument constructor: ServiceLoader and
 * PF4J need it.
 *
 * {@snippet :
 * StorageBackend storage = new FsStorageProvider().create(
 *         Settings.builder("Storage").attribute("root", "/var/lib/mvtrx/storage").build());
 * }
 */
public final class FsStorageProvider implements StorageBackendProvider {

    /** Where objects go when no {@code root} is configured; {@code ~} is the user's home directory. */
    public static final String DEFAULT_ROOT = "~/.mvtrx/storage";

    private static final ParameterSchema PARAMETERS = ParameterSchema.of(
            Parameter.optional("root", ParameterType.STRING, DEFAULT_ROOT,
                    "directory holding the objects (a leading ~ is the home directory)"));

    public FsStorageProvider() {
    }

    @Override
    public String name() {
        return "fs";
    }

    @Override
    public String description() {
        return "objects as files under a local directory, written atomically (temp file, fsync, rename)";
    }

    @Override
    public ParameterSchema parameters() {
        return PARAMETERS;
    }

    /**
     * Opens the directory named by {@code root}, creating it if needed.
     *
     * @throws UncheckedIOException naming the element path and the directory when it cannot be created
     */
    @Override
    public StorageBackend create(Settings settings) {
        Path root = expandHome(settings.string("root", DEFAULT_ROOT), System.getProperty("user.home"));
        try {
            return FsStorage.open(root);
        } catch (IOException e) {
            throw new UncheckedIOException(String.format("%s: %s", settings.path(), e.getMessage()), e);
        }
    }

    /** Replaces a leading {@code ~} (alone or followed by a separator) with the home directory. */
    static Path expandHome(String root, String home) {
        if (root.equals("~")) {
            return Path.of(home);
        }
        if (root.startsWith("~/") || root.startsWith("~" + File.separator)) {
            return Path.of(home, root.substring(2));
        }
        return Path.of(root);
    }
}
