package io.mvtrx.runtime.parquet;

/**
 * How a writer lays values out.
 *
 * @param compression     page codec
 * @param pageRows        values per data page, at least 1; a row group's column chunk is cut into pages of this size
 * @param deltaIntegers   whether integer columns are DELTA_BINARY_PACKED (small for sorted, clustered or constant
 *                        values) rather than PLAIN; floating-point columns are always PLAIN
 */
public record WriterOptions(Compression compression, int pageRows, boolean deltaIntegers) {

    /** Pages of this many values unless told otherwise. */
    public static final int DEFAULT_PAGE_ROWS = 1 << 16;

    public WriterOptions {
        if (compression == null) {
            throw new IllegalArgumentException("compression must be given");
        }
        if (pageRows < 1) {
            throw new IllegalArgumentException("pageRows must be >= 1, got " + pageRows);
        }
    }

    /** Uncompressed, delta-encoded integers, pages of {@value #DEFAULT_PAGE_ROWS} values. */
    public static WriterOptions defaults() {
        return new WriterOptions(Compression.NONE, DEFAULT_PAGE_ROWS, true);
    }

    /** With another codec. */
    public WriterOptions withCompression(Compression codec) {
        return new WriterOptions(codec, pageRows, deltaIntegers);
    }

    /** With another page size, in values. */
    public WriterOptions withPageRows(int rows) {
        return new WriterOptions(compression, rows, deltaIntegers);
    }

    /** With integers PLAIN ({@code false}) or DELTA_BINARY_PACKED ({@code true}). */
    public WriterOptions withDeltaIntegers(boolean delta) {
        return new WriterOptions(compression, pageRows, delta);
    }
}
