package io.mvtrx.runtime.gentrx.miner.training;

import java.util.List;
import java.util.ServiceLoader;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.api.spi.storage.StorageBackendProvider;

/**
 * Opens a storage backend by plugin name ({@code fs}, {@code s3}); the runtime never imports a plugin class.
 */
@FunctionalInterface
public interface StorageOpener {

    /**
     * @throws IllegalArgumentException naming the backend when no plugin provides it, or its settings are wrong
     */
    StorageBackend open(String backend, Settings settings);

    /** The providers {@link ServiceLoader} finds (the plugin host passes its own catalog instead). */
    static StorageOpener serviceLoader() {
        return (backend, settings) -> {
            for (StorageBackendProvider provider : ServiceLoader.load(StorageBackendProvider.class)) {
                if (provider.name().equals(backend)) {
                    List<String> problems = provider.parameters().check(settings);
                    if (!problems.isEmpty()) {
                        throw new IllegalArgumentException("storage backend '" + backend + "': "
                                + String.join("; ", problems));
                    }
                    return provider.create(settings);
                }
            }
            throw new IllegalArgumentException("no storage backend plugin named '" + backend + "' is loaded");
        };
    }
}
