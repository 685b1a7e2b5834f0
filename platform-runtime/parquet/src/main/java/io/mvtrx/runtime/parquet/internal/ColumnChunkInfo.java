package io.mvtrx.runtime.parquet.internal;

/**
 * What the footer says about one column chunk.
 *
 * @param physicalType      Thrift {@code Type}
 * @param encoding          Thrift {@code Encoding} of the values
 * @param codec             Thrift {@code CompressionCodec}
 * @param values            values in the chunk
 * @param uncompressedBytes page headers plus page bodies before compression
 * @param compressedBytes   page headers plus page bodies as stored
 * @param firstPageOffset   file offset of the first page header
 * @param min               the smallest value, PLAIN encoded, or null when there is none (only NaN)
 * @param max               the largest value, PLAIN encoded, or null
 */
public record ColumnChunkInfo(int physicalType, int encoding, int codec, long values, long uncompressedBytes,
                              long compressedBytes, long firstPageOffset, byte[] min, byte[] max) {
}
