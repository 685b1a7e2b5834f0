package io.mvtrx.runtime.parquet.internal;

import java.util.List;

/**
 * What the footer says about one row group.
 *
 * @param columns one per schema column, in schema order
 * @param rows    rows in the group
 */
public record RowGroupInfo(List<ColumnChunkInfo> columns, long rows) {

    public RowGroupInfo {
        columns = List.copyOf(columns);
    }

    /** File offset of the group's first page. */
    public long fileOffset() {
        return columns.getFirst().firstPageOffset();
    }

    /** Stored bytes of all its chunks. */
    public long compressedBytes() {
        long total = 0;
        for (ColumnChunkInfo c : columns) {
            total += c.compressedBytes();
        }
        return total;
    }

    /** Bytes of all its chunks before compression. */
    public long uncompressedBytes() {
        long total = 0;
        for (ColumnChunkInfo c : columns) {
            total += c.uncompressedBytes();
        }
        return total;
    }
}
