package io.mvtrx.runtime.parquet.internal;

import java.util.List;
import java.util.Map;

/**
 * Parquet's Thrift structures (parquet-format {@code parquet.thrift}), written with the field ids of that file:
 * {@code PageHeader} of a version-1 data page and the {@code FileMetaData} footer. Only what this writer produces:
 * required (never null) flat columns, so no definition or repetition levels.
 */
public final class Thrift {

    /** Thrift {@code Encoding.PLAIN}. */
    public static final int PLAIN = 0;
    /** Thrift {@code Encoding.RLE}: declared as the (absent) level encoding of version-1 pages. */
    public static final int RLE = 3;
    /** Thrift {@code Encoding.DELTA_BINARY_PACKED}. */
    public static final int DELTA_BINARY_PACKED = 5;

    private static final int DATA_PAGE = 0;
    private static final int REQUIRED = 0;

    private Thrift() {
    }

    /** A {@code PageHeader} of a {@code DATA_PAGE} holding {@code values} values. */
    public static void pageHeader(ByteSink out, int uncompressedBytes, int compressedBytes, int values,
                                  int encoding) {
        ThriftCompactWriter w = new ThriftCompactWriter(out);
        w.beginStruct();
        w.fieldI32(1, DATA_PAGE);
        w.fieldI32(2, uncompressedBytes);
        w.fieldI32(3, compressedBytes);
        w.fieldStruct(5);
        w.fieldI32(1, values);
        w.fieldI32(2, encoding);
        w.fieldI32(3, RLE);
        w.fieldI32(4, RLE);
        w.endStruct();
        w.endStruct();
    }

    /**
     * A column's {@code SchemaElement} fields.
     *
     * @param physicalType  Thrift {@code Type}
     * @param convertedType Thrift {@code ConvertedType}, or -1 for none
     * @param logical       writes the {@code LogicalType} union's content, or null for none
     */
    public record SchemaColumn(String name, int physicalType, int convertedType, LogicalWriter logical) {
    }

    /** Writes the inside of a {@code LogicalType} union (one field). */
    @FunctionalInterface
    public interface LogicalWriter {
        void write(ThriftCompactWriter w);
    }

    /** {@code LogicalType.INTEGER(bitWidth, signed)}. */
    public static LogicalWriter integer(int bitWidth) {
        return w -> {
            w.fieldStruct(10);
            w.fieldByte(1, (byte) bitWidth);
            w.fieldBool(2, true);
            w.endStruct();
        };
    }

    /** {@code LogicalType.TIMESTAMP(isAdjustedToUTC = false, unit = NANOS)}. */
    public static LogicalWriter timestampNanos() {
        return w -> {
            w.fieldStruct(8);
            w.fieldBool(1, false);
            w.fieldStruct(2);
            w.fieldStruct(3);
            w.endStruct();
            w.endStruct();
            w.endStruct();
        };
    }

    /** The {@code FileMetaData} footer. */
    public static void fileMetaData(ByteSink out, String schemaName, List<SchemaColumn> columns,
                                    List<RowGroupInfo> rowGroups, Map<String, String> keyValues,
                                    String createdBy) {
        long rows = 0;
        for (RowGroupInfo group : rowGroups) {
            rows += group.rows();
        }
        ThriftCompactWriter w = new ThriftCompactWriter(out);
        w.beginStruct();
        w.fieldI32(1, 1);
        w.fieldList(2, ThriftCompactWriter.STRUCT, columns.size() + 1);
        w.beginStruct();
        w.fieldString(4, schemaName);
        w.fieldI32(5, columns.size());
        w.endStruct();
        for (SchemaColumn column : columns) {
            w.beginStruct();
            w.fieldI32(1, column.physicalType());
            w.fieldI32(3, REQUIRED);
            w.fieldString(4, column.name());
            if (column.convertedType() >= 0) {
                w.fieldI32(6, column.convertedType());
            }
            if (column.logical() != null) {
                w.fieldStruct(10);
                column.logical().write(w);
                w.endStruct();
            }
            w.endStruct();
        }
        w.fieldI64(3, rows);
        w.fieldList(4, ThriftCompactWriter.STRUCT, rowGroups.size());
        for (int g = 0; g < rowGroups.size(); g++) {
            rowGroup(w, rowGroups.get(g), columns, g);
        }
        if (!keyValues.isEmpty()) {
            w.fieldList(5, ThriftCompactWriter.STRUCT, keyValues.size());
            for (Map.Entry<String, String> kv : keyValues.entrySet()) {
                w.beginStruct();
                w.fieldString(1, kv.getKey());
                w.fieldString(2, kv.getValue());
                w.endStruct();
            }
        }
        w.fieldString(6, createdBy);
        // Type-defined order for every column: readers may then trust min_value / max_value.
        w.fieldList(7, ThriftCompactWriter.STRUCT, columns.size());
        for (int c = 0; c < columns.size(); c++) {
            w.beginStruct();
            w.fieldStruct(1);
            w.endStruct();
            w.endStruct();
        }
        w.endStruct();
    }

    private static void rowGroup(ThriftCompactWriter w, RowGroupInfo group, List<SchemaColumn> columns,
                                 int ordinal) {
        w.beginStruct();
        w.fieldList(1, ThriftCompactWriter.STRUCT, group.columns().size());
        for (int c = 0; c < group.columns().size(); c++) {
            ColumnChunkInfo chunk = group.columns().get(c);
            w.beginStruct();
            w.fieldI64(2, chunk.firstPageOffset());
            w.fieldStruct(3);
            w.fieldI32(1, chunk.physicalType());
            w.fieldList(2, ThriftCompactWriter.I32, chunk.encoding() == RLE ? 1 : 2);
            w.elementI32(chunk.encoding());
            if (chunk.encoding() != RLE) {
                w.elementI32(RLE);
            }
            w.fieldList(3, ThriftCompactWriter.BINARY, 1);
            w.elementString(columns.get(c).name());
            w.fieldI32(4, chunk.codec());
            w.fieldI64(5, chunk.values());
            w.fieldI64(6, chunk.uncompressedBytes());
            w.fieldI64(7, chunk.compressedBytes());
            w.fieldI64(9, chunk.firstPageOffset());
            w.fieldStruct(12);
            w.fieldI64(3, 0);
            if (chunk.max() != null) {
                w.fieldBinary(5, chunk.max());
                w.fieldBinary(6, chunk.min());
            }
            w.endStruct();
            w.endStruct();
            w.endStruct();
        }
        w.fieldI64(2, group.uncompressedBytes());
        w.fieldI64(3, group.rows());
        w.fieldI64(5, group.fileOffset());
        w.fieldI64(6, group.compressedBytes());
        w.fieldI16(7, (short) ordinal);
        w.endStruct();
    }
}
