/**
 * A small Parquet writer and reader with no dependencies: flat schemas of required columns (integers, timestamps,
 * floats), written as version-1 data pages, PLAIN or DELTA_BINARY_PACKED encoded, uncompressed or GZIP, with min/max
 * statistics and key-value metadata in a Thrift compact footer; the reader takes that subset from any writer. Used
 * for the simulation logs and the GenTRX data pages.
 */
module io.mvtrx.runtime.parquet {
    exports io.mvtrx.runtime.parquet;
}
