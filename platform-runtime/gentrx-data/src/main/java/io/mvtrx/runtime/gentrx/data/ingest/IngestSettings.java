package io.mvtrx.runtime.gentrx.data.ingest;

/**
 * How the ingest cuts pages and treats a restart.
 *
 * @param tailFlushNs    a book whose last event is this far (simulation ns) behind the newest event flushes its
 *                       partial page ({@code parquet_interval_ns}, 300 s)
 * @param startupCleanup whether a simulation change found at the first bind after a start wipes the data area
 *                       ({@code --enable-startup-cleanup}; off by default, old pages are kept)
 */
public record IngestSettings(long tailFlushNs, boolean startupCleanup) {

    /** 300 s of simulation time. */
    public static final long DEFAULT_TAIL_FLUSH_NS = 300_000_000_000L;

    public IngestSettings {
        if (tailFlushNs <= 0) {
            throw new IllegalArgumentException("tailFlushNs must be > 0, got " + tailFlushNs);
        }
    }

    /** The reference defaults. */
    public static IngestSettings defaults() {
        return new IngestSettings(DEFAULT_TAIL_FLUSH_NS, false);
    }
}
