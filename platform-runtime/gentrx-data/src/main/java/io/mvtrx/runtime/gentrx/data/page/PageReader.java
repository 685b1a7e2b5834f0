package io.mvtrx.runtime.gentrx.data.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.parquet.ParquetFileReader;

/**
 * Reads training pages (from our writer, or any writer of the same flat subset) into {@link PageColumns}. A file
 * that is not a readable page throws {@link IllegalArgumentException} naming it. Stateless.
 */
public final class PageReader {

    private PageReader() {
    }

    /** Reads page bytes. */
    public static PageColumns read(byte[] bytes, String name) throws IOException {
        return PageColumns.of(ParquetFileReader.read(bytes, name));
    }

    /** Reads a page file (a miner's local copy). */
    public static PageColumns read(Path file) throws IOException {
        return PageColumns.of(ParquetFileReader.read(file));
    }

    /** Reads a page object, or empty when the key is absent. */
    public static Optional<PageColumns> read(StorageBackend backend, String key) throws IOException {
        Optional<InputStream> in = backend.get(key);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(read(stream.readAllBytes(), key));
        }
    }
}
