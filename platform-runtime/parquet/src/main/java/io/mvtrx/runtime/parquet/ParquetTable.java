package io.mvtrx.runtime.parquet;

import java.util.List;
import java.util.Map;

/**
 * A whole Parquet file of required flat columns in memory: the schema, one primitive array per column and the
 * footer's key-value metadata. The arrays are the reader's own and are handed over, not copied.
 *
 * @param schema   columns in file order
 * @param rows     row count
 * @param columns  per column: {@code int[]} (INT8, INT16, INT32), {@code long[]} (INT64, TIMESTAMP_NANOS),
 *                 {@code float[]}, {@code double[]}
 * @param metadata footer key-value pairs
 */
public record ParquetTable(ParquetSchema schema, int rows, List<Object> columns, Map<String, String> metadata) {

    public ParquetTable {
        columns = List.copyOf(columns);
        metadata = Map.copyOf(metadata);
    }

    /** An INT8, INT16 or INT32 column by name. */
    public int[] ints(String column) {
        return typed(column, int[].class);
    }

    /** An INT64 or TIMESTAMP_NANOS column by name. */
    public long[] longs(String column) {
        return typed(column, long[].class);
    }

    /** A FLOAT column by name. */
    public float[] floats(String column) {
        return typed(column, float[].class);
    }

    /** A DOUBLE column by name. */
    public double[] doubles(String column) {
        return typed(column, double[].class);
    }

    private <T> T typed(String column, Class<T> type) {
        Object values = columns.get(schema.indexOf(column));
        if (!type.isInstance(values)) {
            throw new IllegalArgumentException(String.format("column %s is %s, not read as %s", column,
                    schema.column(schema.indexOf(column)).type(), type.getSimpleName()));
        }
        return type.cast(values);
    }
}
