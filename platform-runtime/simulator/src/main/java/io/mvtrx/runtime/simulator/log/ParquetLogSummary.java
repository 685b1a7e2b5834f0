package io.mvtrx.runtime.simulator.log;

/**
 * What the Parquet logs cost a run.
 *
 * @param files       files written (closed)
 * @param rows        rows written, all kinds
 * @param bytes       bytes written
 * @param appendNanos wall ns the step loop spent copying rows into buffers (at the barrier)
 * @param waitNanos   wall ns the step loop waited for the writer thread (full row groups not yet written)
 * @param writeNanos  wall ns the writer thread spent encoding and writing
 */
public record ParquetLogSummary(long files, long rows, long bytes, long appendNanos, long waitNanos,
                                long writeNanos) {
}
