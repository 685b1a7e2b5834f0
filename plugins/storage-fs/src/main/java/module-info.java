/** The {@code fs} storage backend: objects as files under a root directory, written atomically. */
module io.mvtrx.plugin.storage.fs {
    requires io.mvtrx.api;

    provides io.mvtrx.api.spi.storage.StorageBackendProvider with io.mvtrx.plugin.storage.fs.FsStorageProvider;
}
