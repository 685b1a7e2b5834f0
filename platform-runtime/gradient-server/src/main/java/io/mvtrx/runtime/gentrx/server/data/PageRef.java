package io.mvtrx.runtime.gentrx.server.data;

/** A complete page in the validator's bucket: its book, file name, storage key and time span (simulation ns). */
public record PageRef(String book, String fileName, String key, long firstTs, long lastTs) {

    /** Whether the page has a row in {@code (fromExclusive, toInclusive]}. */
    public boolean overlaps(long fromExclusive, long toInclusive) {
        return lastTs > fromExclusive && firstTs <= toInclusive;
    }
}
