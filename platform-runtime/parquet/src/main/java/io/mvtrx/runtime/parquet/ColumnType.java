package io.mvtrx.runtime.parquet;

/**
 * What a column holds, and how it is declared in the file: a Parquet physical type plus, where it says more, a
 * logical type (and the matching legacy converted type, for old readers).
 *
 * <table>
 *   <caption>Declarations</caption>
 *   <tr><th>Type</th><th>Physical</th><th>Logical</th><th>Java value</th></tr>
 *   <tr><td>{@link #INT8}</td><td>INT32</td><td>INTEGER(8, signed)</td><td>int in -128..127</td></tr>
 *   <tr><td>{@link #INT16}</td><td>INT32</td><td>INTEGER(16, signed)</td><td>int in -32768..32767</td></tr>
 *   <tr><td>{@link #INT32}</td><td>INT32</td><td>none</td><td>int</td></tr>
 *   <tr><td>{@link #INT64}</td><td>INT64</td><td>none</td><td>long</td></tr>
 *   <tr><td>{@link #TIMESTAMP_NANOS}</td><td>INT64</td><td>TIMESTAMP(NANOS, not adjusted to UTC)</td>
 *       <td>long ns</td></tr>
 *   <tr><td>{@link #FLOAT}</td><td>FLOAT</td><td>none</td><td>float</td></tr>
 *   <tr><td>{@link #DOUBLE}</td><td>DOUBLE</td><td>none</td><td>double</td></tr>
 * </table>
 */
public enum ColumnType {
    INT8(Physical.INT32),
    INT16(Physical.INT32),
    INT32(Physical.INT32),
    INT64(Physical.INT64),
    TIMESTAMP_NANOS(Physical.INT64),
    FLOAT(Physical.FLOAT),
    DOUBLE(Physical.DOUBLE);

    /** The Parquet physical types this writer produces, with their Thrift codes. */
    public enum Physical {
        INT32(1),
        INT64(2),
        FLOAT(4),
        DOUBLE(5);

        private final int code;

        Physical(int code) {
            this.code = code;
        }

        /** The Thrift enum value of {@code Type}. */
        public int code() {
            return code;
        }
    }

    private final Physical physical;

    ColumnType(Physical physical) {
        this.physical = physical;
    }

    /** How values are stored. */
    public Physical physical() {
        return physical;
    }

    /** Whether the values are integers (INT32 or INT64 physical type). */
    public boolean integral() {
        return physical == Physical.INT32 || physical == Physical.INT64;
    }
}
