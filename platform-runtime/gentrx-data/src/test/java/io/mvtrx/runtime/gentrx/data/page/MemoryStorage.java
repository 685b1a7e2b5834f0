package io.mvtrx.runtime.gentrx.data.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import io.mvtrx.api.spi.storage.StorageBackend;

/** A storage backend in memory for tests; {@link #failPuts} makes every put throw. */
public class MemoryStorage implements StorageBackend {

    final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();
    volatile boolean failPuts;
    int puts;

    @Override
    public void put(String key, Path source) throws IOException {
        put(key, Files.readAllBytes(source));
    }

    @Override
    public void put(String key, byte[] content) throws IOException {
        if (failPuts) {
            throw new IOException("put " + key + ": storage unavailable");
        }
        puts++;
        objects.put(key, content.clone());
    }

    @Override
    public Optional<InputStream> get(String key) {
        byte[] bytes = objects.get(key);
        return bytes == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(bytes));
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        for (String key : objects.tailMap(prefix).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            keys.add(key);
        }
        return keys;
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    @Override
    public void close() {
    }

    /** The keys stored. */
    public List<String> keys() {
        return List.copyOf(objects.keySet());
    }

    /** An object's bytes. */
    public byte[] bytes(String key) {
        return objects.get(key);
    }
}
