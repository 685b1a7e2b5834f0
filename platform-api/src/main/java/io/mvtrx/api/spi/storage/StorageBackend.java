package io.mvtrx.api.spi.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A flat key space of immutable objects. A {@code put} is atomic: a reader sees the whole object or none of it.
 * Keys use {@code /} separators and follow {@link StorageKeys}; a key or prefix that breaks those rules throws
 * {@link IllegalArgumentException} naming it. Remote and disk failures throw {@link IOException} naming the object
 * and the operation. Implementations are safe for use from several threads.
 */
public interface StorageBackend extends AutoCloseable {

    /** Stores a file's content under a key, replacing what was there. */
    void put(String key, Path source) throws IOException;

    /** Stores bytes under a key, replacing what was there. */
    void put(String key, byte[] content) throws IOException;

    /** Opens an object for reading, or empty if absent. */
    Optional<InputStream> get(String key) throws IOException;

    /** Keys starting with {@code prefix}, sorted. */
    List<String> list(String prefix) throws IOException;

    /** Deletes an object; absent keys are not an error. */
    void delete(String key) throws IOException;

    @Override
    void close() throws IOException;
}
