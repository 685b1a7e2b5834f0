package io.mvtrx.runtime.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import io.mvtrx.runtime.parquet.internal.DeltaBinaryPackedDecoder;
import io.mvtrx.runtime.parquet.internal.ThriftCompactReader;
import io.mvtrx.runtime.parquet.internal.ThriftCompactReader.Struct;

/**
 * Reads a whole Parquet file of the kind {@link ParquetFileWriter} writes, from any writer: flat schemas of REQUIRED
 * INT32 (with INT(8)/INT(16) annotations), INT64 (with TIMESTAMP(NANOS)), FLOAT and DOUBLE columns; version-1 data
 * pages, PLAIN or DELTA_BINARY_PACKED, uncompressed or GZIP; any number of row groups and pages. Anything else
 * (optional or nested columns, dictionary pages, version-2 pages, other codecs or types) is refused with an
 * {@link IllegalArgumentException} naming the file, the column and what was found. Stateless; safe from any thread.
 */
public final class ParquetFileReader {

    private static final int PLAIN = 0;
    private static final int DELTA_BINARY_PACKED = 5;
    private static final int DATA_PAGE = 0;
    private static final int REQUIRED = 0;
    private static final int CONVERTED_INT_8 = 15;
    private static final int CONVERTED_INT_16 = 16;

    private ParquetFileReader() {
    }

    /** Reads a file. */
    public static ParquetTable read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    /**
     * Reads a file held in memory.
     *
     * @param name what to call it in error messages (a path, an object key)
     */
    public static ParquetTable read(byte[] file, String name) throws IOException {
        try {
            return new Reading(file, name).table();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException(String.format("%s: not a readable Parquet file: %s", name,
                    e.getMessage()), e);
        }
    }

    private static final class Reading {
        private final byte[] file;
        private final String name;
        private final DeltaBinaryPackedDecoder delta = new DeltaBinaryPackedDecoder();

        Reading(byte[] file, String name) {
            this.file = file;
            this.name = name;
        }

        ParquetTable table() throws IOException {
            int n = file.length;
            if (n < 12 || !magic(0) || !magic(n - 4)) {
                throw new IllegalArgumentException("no PAR1 magic at both ends");
            }
            int footerLength = (file[n - 8] & 0xff) | (file[n - 7] & 0xff) << 8 | (file[n - 6] & 0xff) << 16
                    | (file[n - 5] & 0xff) << 24;
            if (footerLength <= 0 || footerLength > n - 12) {
                throw new IllegalArgumentException("footer length " + footerLength + " does not fit the file");
            }
            Struct meta = new ThriftCompactReader(file, n - 8 - footerLength, n - 8).readStruct();
            ParquetSchema schema = schema(meta.structs(2));
            long totalRows = meta.integer(3, "num_rows");
            if (totalRows < 0 || totalRows > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("num_rows " + totalRows + " out of range");
            }
            int rows = (int) totalRows;
            List<Object> columns = new ArrayList<>();
            for (Column column : schema.columns()) {
                columns.add(switch (column.type().physical()) {
                    case INT32 -> new int[rows];
                    case INT64 -> new long[rows];
                    case FLOAT -> new float[rows];
                    case DOUBLE -> new double[rows];
                });
            }
            int at = 0;
            for (Struct group : meta.structs(4)) {
                long groupRows = group.integer(3, "row group num_rows");
                List<Struct> chunks = group.structs(1);
                if (chunks.size() != schema.size() || groupRows < 0 || at + groupRows > rows) {
                    throw new IllegalArgumentException("row group at row " + at + " does not match the schema");
                }
                for (int c = 0; c < schema.size(); c++) {
                    chunk(schema.column(c), chunks.get(c).struct(3), columns.get(c), at, (int) groupRows);
                }
                at += (int) groupRows;
            }
            if (at != rows) {
                throw new IllegalArgumentException("row groups hold " + at + " rows, the footer says " + rows);
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            for (Struct kv : meta.structs(5)) {
                metadata.put(kv.string(1), kv.string(2) == null ? "" : kv.string(2));
            }
            return new ParquetTable(schema, rows, columns, metadata);
        }

        private boolean magic(int at) {
            return file[at] == 'P' && file[at + 1] == 'A' && file[at + 2] == 'R' && file[at + 3] == '1';
        }

        private ParquetSchema schema(List<Struct> elements) {
            if (elements.isEmpty()) {
                throw new IllegalArgumentException("empty schema");
            }
            Struct root = elements.getFirst();
            List<Column> columns = new ArrayList<>();
            for (Struct e : elements.subList(1, elements.size())) {
                String column = e.string(4);
                if (e.integer(5, 0) > 0 || !e.fields().containsKey(1)) {
                    throw new IllegalArgumentException("column " + column + " is nested; only flat schemas are read");
                }
                if (e.integer(3, REQUIRED) != REQUIRED) {
                    throw new IllegalArgumentException("column " + column + " is not REQUIRED");
                }
                columns.add(Column.of(column, type(column, e)));
            }
            if (root.integer(5, -1) != columns.size()) {
                throw new IllegalArgumentException("the schema root counts " + root.integer(5, -1)
                        + " children, found " + columns.size());
            }
            return new ParquetSchema(root.string(4) == null ? "schema" : root.string(4), columns);
        }

        private static ColumnType type(String column, Struct e) {
            long physical = e.integer(1, -1);
            long converted = e.integer(6, -1);
            Struct logical = e.struct(10);
            Struct integer = logical == null ? null : logical.struct(10);
            Struct timestamp = logical == null ? null : logical.struct(8);
            if (physical == ColumnType.Physical.INT32.code()) {
                long width = integer != null ? integer.integer(1, 32)
                        : converted == CONVERTED_INT_8 ? 8 : converted == CONVERTED_INT_16 ? 16 : 32;
                return width == 8 ? ColumnType.INT8 : width == 16 ? ColumnType.INT16 : ColumnType.INT32;
            }
            if (physical == ColumnType.Physical.INT64.code()) {
                boolean nanos = timestamp != null && timestamp.struct(2) != null
                        && timestamp.struct(2).fields().containsKey(3);
                return nanos ? ColumnType.TIMESTAMP_NANOS : ColumnType.INT64;
            }
            if (physical == ColumnType.Physical.FLOAT.code()) {
                return ColumnType.FLOAT;
            }
            if (physical == ColumnType.Physical.DOUBLE.code()) {
                return ColumnType.DOUBLE;
            }
            throw new IllegalArgumentException("column " + column + " has physical type " + physical
                    + "; only INT32, INT64, FLOAT and DOUBLE are read");
        }

        private void chunk(Column column, Struct meta, Object values, int rowFrom, int rows) throws IOException {
            if (meta == null) {
                throw new IllegalArgumentException("column " + column.name() + " has no chunk metadata");
            }
            long codec = meta.integer(4, "codec");
            if (codec != Compression.NONE.code() && codec != Compression.GZIP.code()) {
                throw new IllegalArgumentException("column " + column.name() + " uses codec " + codec
                        + "; only uncompressed (0) and GZIP (2) are read");
            }
            if (meta.fields().containsKey(11)) {
                throw new IllegalArgumentException("column " + column.name() + " has a dictionary page");
            }
            int pos = (int) meta.integer(9, "data_page_offset");
            int done = 0;
            while (done < rows) {
                ThriftCompactReader headerReader = new ThriftCompactReader(file, pos, file.length);
                Struct header = headerReader.readStruct();
                pos = headerReader.position();
                long type = header.integer(1, "page type");
                int compressedSize = (int) header.integer(3, "compressed_page_size");
                int uncompressedSize = (int) header.integer(2, "uncompressed_page_size");
                if (type != DATA_PAGE) {
                    throw new IllegalArgumentException("column " + column.name() + " has a page of type " + type
                            + "; only version-1 data pages are read");
                }
                Struct dataHeader = header.struct(5);
                int count = (int) dataHeader.integer(1, "num_values");
                long encoding = dataHeader.integer(2, "encoding");
                if (count < 0 || done + count > rows || compressedSize < 0 || pos + compressedSize > file.length) {
                    throw new IllegalArgumentException("column " + column.name() + ": page at offset " + pos
                            + " overruns its chunk");
                }
                byte[] body = file;
                int from = pos;
                int to = pos + compressedSize;
                if (codec == Compression.GZIP.code()) {
                    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file, pos,
                            compressedSize))) {
                        body = in.readNBytes(uncompressedSize);
                    }
                    from = 0;
                    to = body.length;
                }
                values(column, encoding, body, from, to, values, rowFrom + done, count);
                pos += compressedSize;
                done += count;
            }
        }

        private void values(Column column, long encoding, byte[] body, int from, int to, Object values, int at,
                            int count) {
            if (encoding == DELTA_BINARY_PACKED && column.type().integral()) {
                if (values instanceof int[] ints) {
                    delta.decodeInts(body, from, to, ints, at, count);
                } else {
                    delta.decodeLongs(body, from, to, (long[]) values, at, count);
                }
                return;
            }
            if (encoding != PLAIN) {
                throw new IllegalArgumentException("column " + column.name() + " uses encoding " + encoding
                        + "; only PLAIN (0) and DELTA_BINARY_PACKED (5) are read");
            }
            int width = values instanceof long[] || values instanceof double[] ? 8 : 4;
            if ((long) count * width > to - from) {
                throw new IllegalArgumentException("column " + column.name() + ": PLAIN page shorter than "
                        + count + " values");
            }
            int p = from;
            for (int i = 0; i < count; i++, p += width) {
                long raw = 0;
                for (int b = 0; b < width; b++) {
                    raw |= (body[p + b] & 0xffL) << (8 * b);
                }
                switch (values) {
                    case int[] ints -> ints[at + i] = (int) raw;
                    case long[] longs -> longs[at + i] = raw;
                    case float[] floats -> floats[at + i] = Float.intBitsToFloat((int) raw);
                    case double[] doubles -> doubles[at + i] = Double.longBitsToDouble(raw);
                    default -> throw new IllegalStateException("unexpected column array");
                }
            }
        }
    }
}
