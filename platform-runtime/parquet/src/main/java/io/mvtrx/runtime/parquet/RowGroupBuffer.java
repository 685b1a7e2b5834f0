package io.mvtrx.runtime.parquet;

import java.util.Arrays;

/**
 * Rows waiting to become one row group: one primitive array per column, grown by doubling up to the largest row
 * count seen. A row is written by giving every column one value ({@code put*} with the column's index, in any column
 * order) and then {@link #endRow}; the writer checks that every column got exactly one value per row.
 *
 * {@snippet :
 * RowGroupBuffer rows = new RowGroupBuffer(schema, 1024);
 * rows.putLong(0, timestamp);
 * rows.putInt(1, side);
 * rows.endRow();
 * writer.write(rows);
 * rows.clear();
 * }
 *
 * <p>Not thread-safe. Appending allocates only when the arrays grow; a cleared buffer keeps its arrays.
 */
public final class RowGroupBuffer {

    private final ParquetSchema schema;
    private final long[][] longs;
    private final int[][] ints;
    private final float[][] floats;
    private final double[][] doubles;
    private final int[] counts;
    private int capacity;
    private int rows;

    /**
     * An empty buffer.
     *
     * @param initialRows rows it holds before it first grows, at least 1
     */
    public RowGroupBuffer(ParquetSchema schema, int initialRows) {
        if (initialRows < 1) {
            throw new IllegalArgumentException("initialRows must be >= 1, got " + initialRows);
        }
        this.schema = schema;
        int n = schema.size();
        this.longs = new long[n][];
        this.ints = new int[n][];
        this.floats = new float[n][];
        this.doubles = new double[n][];
        this.counts = new int[n];
        this.capacity = initialRows;
        for (int c = 0; c < n; c++) {
            switch (schema.column(c).type().physical()) {
                case INT32 -> ints[c] = new int[initialRows];
                case INT64 -> longs[c] = new long[initialRows];
                case FLOAT -> floats[c] = new float[initialRows];
                case DOUBLE -> doubles[c] = new double[initialRows];
            }
        }
    }

    /** The schema the rows follow. */
    public ParquetSchema schema() {
        return schema;
    }

    /** Complete rows held. */
    public int rows() {
        return rows;
    }

    /** Whether no complete row is held. */
    public boolean isEmpty() {
        return rows == 0;
    }

    /** Forgets every row; keeps the arrays. */
    public void clear() {
        rows = 0;
        Arrays.fill(counts, 0);
    }

    /** Sets the current row's value of an INT64 or TIMESTAMP_NANOS column. */
    public void putLong(int column, long value) {
        long[] values = longs[column];
        if (values == null) {
            throw wrongType(column, "putLong");
        }
        int at = counts[column]++;
        if (at == capacity) {
            grow();
            values = longs[column];
        }
        values[at] = value;
    }

    /** Sets the current row's value of an INT8, INT16 or INT32 column (range checked when written). */
    public void putInt(int column, int value) {
        int[] values = ints[column];
        if (values == null) {
            throw wrongType(column, "putInt");
        }
        int at = counts[column]++;
        if (at == capacity) {
            grow();
            values = ints[column];
        }
        values[at] = value;
    }

    /** Sets the current row's value of a FLOAT column. */
    public void putFloat(int column, float value) {
        float[] values = floats[column];
        if (values == null) {
            throw wrongType(column, "putFloat");
        }
        int at = counts[column]++;
        if (at == capacity) {
            grow();
            values = floats[column];
        }
        values[at] = value;
    }

    /** Sets the current row's value of a DOUBLE column. */
    public void putDouble(int column, double value) {
        double[] values = doubles[column];
        if (values == null) {
            throw wrongType(column, "putDouble");
        }
        int at = counts[column]++;
        if (at == capacity) {
            grow();
            values = doubles[column];
        }
        values[at] = value;
    }

    /** Completes the current row. */
    public void endRow() {
        rows++;
    }

    /**
     * Checks that every column holds exactly one value per complete row.
     *
     * @throws IllegalStateException naming the first column that does not
     */
    public void checkComplete() {
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] != rows) {
                throw new IllegalStateException(String.format("schema %s: column %s has %d values for %d rows",
                        schema.name(), schema.column(c).name(), counts[c], rows));
            }
        }
    }

    long[] longs(int column) {
        return longs[column];
    }

    int[] ints(int column) {
        return ints[column];
    }

    float[] floats(int column) {
        return floats[column];
    }

    double[] doubles(int column) {
        return doubles[column];
    }

    private void grow() {
        int next = capacity > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE - 8 : capacity * 2;
        if (next <= capacity) {
            throw new IllegalStateException("a row group buffer cannot hold more than " + capacity + " rows");
        }
        for (int c = 0; c < counts.length; c++) {
            if (longs[c] != null) {
                longs[c] = Arrays.copyOf(longs[c], next);
            } else if (ints[c] != null) {
                ints[c] = Arrays.copyOf(ints[c], next);
            } else if (floats[c] != null) {
                floats[c] = Arrays.copyOf(floats[c], next);
            } else {
                doubles[c] = Arrays.copyOf(doubles[c], next);
            }
        }
        capacity = next;
    }

    private IllegalArgumentException wrongType(int column, String method) {
        Column c = schema.column(column);
        return new IllegalArgumentException(String.format("schema %s: column %s is %s; %s does not fit it",
                schema.name(), c.name(), c.type(), method));
    }
}
