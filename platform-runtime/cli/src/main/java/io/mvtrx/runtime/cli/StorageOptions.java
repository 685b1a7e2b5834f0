package io.mvtrx.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.storage.StorageBackendProvider;
import io.mvtrx.runtime.plugins.PluginCatalog;

import picocli.CommandLine.Option;

/**
 * {@code --storage NAME --storage-param KEY=VALUE...}: a storage backend plugin found by name, with the attributes of
 * its {@code <Storage>} element (doc/storage.md). Shared by the commands that read or write objects.
 */
final class StorageOptions {

    @Option(names = "--storage", paramLabel = "NAME", defaultValue = "fs",
            description = "Storage backend plugin: fs (a directory) or s3 (S3, R2, Hippius). Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--storage-param", paramLabel = "KEY=VALUE", arity = "1..*",
            description = "Backend attributes, e.g. root=/srv/mvtrx (fs) or preset=r2 accountId=ID bucket=B (s3); "
                    + "credentials may come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY instead (doc/storage.md).")
    List<String> params = new ArrayList<>();

    /**
     * Creates the backend; an unknown backend, an attribute it does not declare or a bad value fails the command
     * with one line naming it.
     */
    StorageBackend open(PluginCatalog catalog) {
        StorageBackendProvider provider = catalog.find(StorageBackendProvider.class, name).orElseThrow(() ->
                new CommandFailedException("unknown storage backend '%s'; loaded: %s", name,
                        NodeParts.names(catalog, ExtensionPoint.STORAGE_BACKEND)));
        Settings.Builder builder = Settings.builder("Storage");
        for (String pair : params) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CommandFailedException("--storage-param: '%s' is not key=value", pair);
            }
            String key = pair.substring(0, eq).strip();
            if (provider.parameters().parameter(key).isEmpty()) {
                throw new CommandFailedException("storage backend '%s' has no parameter '%s'; it takes: %s", name, key,
                        String.join(", ", new TreeMap<>(provider.parameters().parameters()).keySet()));
            }
            builder.attribute(key, pair.substring(eq + 1).strip());
        }
        Settings settings = builder.build();
        List<String> problems = provider.parameters().check(settings);
        if (!problems.isEmpty()) {
            throw new CommandFailedException("storage backend '%s': %s", name, String.join("; ", problems));
        }
        try {
            return provider.create(settings);
        } catch (RuntimeException e) {
            throw new CommandFailedException("storage backend '%s': %s", name, e.getMessage());
        }
    }

    /** The store as messages name it: the backend and its attributes, secrets masked. */
    String describe() {
        StringBuilder text = new StringBuilder(name);
        for (String pair : params) {
            int eq = pair.indexOf('=');
            String key = eq <= 0 ? pair : pair.substring(0, eq).strip();
            boolean secret = key.toLowerCase(Locale.ROOT).contains("secret")
                    || key.toLowerCase(Locale.ROOT).contains("password");
            text.append(' ').append(secret ? key + "=***" : pair);
        }
        return text.toString();
    }
}
