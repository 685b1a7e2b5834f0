package io.mvtrx.api.spi.process;

/**
 * Where a process instance runs.
 *
 * @param bookId       book it belongs to (the canonical id, unique across blocks)
 * @param seed         seed of the process's own random stream (derived from the simulation seed and the book)
 * @param initialValue starting value (the exchange's initial price for price processes)
 * @param startTime    simulation start, ns
 * @param duration     simulation duration, ns; the time unit of processes whose parameters are per run (the
 *                     fundamental price's {@code dt = updatePeriod / duration})
 */
public record ProcessContext(int bookId, long seed, double initialValue, long startTime, long duration) {

    /** One day in ns: the duration assumed when a caller gives none (the reference's production run length). */
    public static final long ONE_DAY = 86_400_000_000_000L;

    public ProcessContext {
        if (duration <= 0) {
            throw new IllegalArgumentException("process duration must be > 0 ns, got " + duration);
        }
    }

    /** A context for a run of {@link #ONE_DAY}. */
    public ProcessContext(int bookId, long seed, double initialValue, long startTime) {
        this(bookId, seed, initialValue, startTime, ONE_DAY);
    }
}
