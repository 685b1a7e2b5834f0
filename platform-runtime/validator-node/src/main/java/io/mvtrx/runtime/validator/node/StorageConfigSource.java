package io.mvtrx.runtime.validator.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.plugins.PluginCatalog;

/**
 * The configuration as an object the owner publishes to a storage backend ({@code mvtrx config publish}): read and
 * validated again at every {@link #load}, so the validator picks up a new week's configuration at the next simulation
 * end with no restart. A missing object or an unreachable store is an {@link IOException} naming both, which
 * {@link ValidatorNode} reports as an alert while the previous configuration keeps running.
 *
 * @param storage   the backend (owned by the caller, which closes it)
 * @param storeName how the store is named in messages, e.g. {@code s3 bucket=owner-configs}
 * @param key       the object's key
 * @param catalog   the plugins every name in the document is checked against
 */
public record StorageConfigSource(StorageBackend storage, String storeName, String key, PluginCatalog catalog)
        implements ValidatorNode.ConfigSource {

    @Override
    public boolean fromStorage() {
        return true;
    }

    @Override
    public SimulationConfig load() throws IOException {
        Optional<InputStream> object;
        try {
            object = storage.get(key);
        } catch (IOException e) {
            throw new IOException(String.format("cannot read the configuration %s from storage %s: %s", key,
                    storeName, e.getMessage()), e);
        }
        if (object.isEmpty()) {
            throw new IOException(String.format("no configuration %s in storage %s (publish one with mvtrx config "
                    + "publish)", key, storeName));
        }
        try (InputStream in = object.get()) {
            return SimulationConfigs.load(key, in, catalog);
        }
    }
}
