package io.mvtrx.runtime.gentrx.data.page;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.mvtrx.runtime.parquet.ParquetFileWriter;
import io.mvtrx.runtime.parquet.RowGroupBuffer;
import io.mvtrx.runtime.parquet.WriterOptions;

/**
 * Encodes rows as one page file: {@link PageSchema#SCHEMA}, one row group, rows in timestamp order (stable, so rows
 * of equal time keep their log order). Stateless; safe from any thread.
 */
public final class PageWriter {

    private PageWriter() {
    }

    /** Rows sorted by timestamp, ties in their given order. */
    public static List<TrainingRow> sorted(List<TrainingRow> rows) {
        return rows.stream().sorted(Comparator.comparingLong(TrainingRow::timestamp)).toList();
    }

    /**
     * The Parquet bytes of {@code rows} (sorted here).
     *
     * @param metadata footer key-value pairs (book, simulation)
     */
    public static byte[] encode(List<TrainingRow> rows, Map<String, String> metadata, WriterOptions options) {
        List<TrainingRow> ordered = sorted(rows);
        RowGroupBuffer buffer = new RowGroupBuffer(PageSchema.SCHEMA, Math.max(1, ordered.size()));
        for (TrainingRow row : ordered) {
            PageSchema.append(buffer, row);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + ordered.size() * 200);
        try (ParquetFileWriter writer = new ParquetFileWriter(out, "page", PageSchema.SCHEMA, options)) {
            metadata.forEach(writer::metadata);
            writer.write(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a page to memory failed", e);
        }
        return out.toByteArray();
    }
}
