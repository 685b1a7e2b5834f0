package io.mvtrx.runtime.gentrx.miner.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.mvtrx.api.spi.storage.StorageBackend;

/** A real backend whose puts fail while {@link #failing} is set, counting every put tried. */
final class FlakyStorage implements StorageBackend {

    private final StorageBackend inner;
    volatile boolean failing;
    volatile int putsTried;

    FlakyStorage(StorageBackend inner) {
        this.inner = inner;
    }

    @Override
    public void put(String key, Path source) throws IOException {
        tried(key);
        inner.put(key, source);
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        tried(key);
        inner.put(key, content);
    }

    private void tried(String key) throws IOException {
        putsTried++;
        if (failing) {
            throw new IOException("put " + key + ": connection refused");
        }
    }

    @Override
    public Optional<InputStream> get(String key) throws IOException {
        return inner.get(key);
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        return inner.list(prefix);
    }

    @Override
    public void delete(String key) throws IOException {
        inner.delete(key);
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
