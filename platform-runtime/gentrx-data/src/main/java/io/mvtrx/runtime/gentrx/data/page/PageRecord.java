package io.mvtrx.runtime.gentrx.data.page;

/**
 * A page that is complete in storage (registered only after its put succeeded).
 *
 * @param book     book id
 * @param fileName {@code <first>-<last>[_NNNN].parquet}
 * @param key      full object key
 * @param firstTs  first row's timestamp, simulation ns (whole seconds when restored from a listing)
 * @param lastTs   last row's timestamp, simulation ns (whole seconds when restored from a listing)
 * @param rows     rows in the page, or -1 when restored from a listing (not read)
 */
public record PageRecord(int book, String fileName, String key, long firstTs, long lastTs, int rows) {
}
