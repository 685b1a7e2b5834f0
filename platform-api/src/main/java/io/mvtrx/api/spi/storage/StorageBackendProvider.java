package io.mvtrx.api.spi.storage;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.PluginProvider;

/** Provides a storage backend, selected by name ({@code fs}, {@code s3}). */
public interface StorageBackendProvider extends PluginProvider {

    /** Creates a backend (root directory, or endpoint, bucket and keys). */
    StorageBackend create(Settings settings);
}
