package io.mvtrx.runtime.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * A Prometheus histogram of seconds (or any non-negative quantity): fixed upper bounds, a count per bucket, a sum.
 * Observations are lock-free; a {@link #snapshot()} taken while others observe may be off by the observations in
 * flight, which a scrape tolerates.
 *
 * <p>Thread-safe.
 */
public final class Histogram {

    /** Bounds for durations from a millisecond to a minute: a step, a fan-out, an agent call. */
    public static final double[] SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
        30, 60};

    private final double[] bounds;
    /** One count per bound, then the +Inf bucket; not cumulative. */
    private final AtomicLongArray counts;
    private final DoubleAdder sum = new DoubleAdder();

    /**
     * @param bounds upper bounds, strictly increasing and finite (the +Inf bucket is implied)
     * @throws IllegalArgumentException if they are not
     */
    public Histogram(double... bounds) {
        if (bounds.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bucket bound");
        }
        for (int i = 0; i < bounds.length; i++) {
            if (!Double.isFinite(bounds[i]) || (i > 0 && bounds[i] <= bounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must be finite and strictly increasing, got "
                        + Arrays.toString(bounds));
            }
        }
        this.bounds = bounds.clone();
        this.counts = new AtomicLongArray(bounds.length + 1);
    }

    /** A histogram with the {@link #SECONDS} bounds. */
    public static Histogram seconds() {
        return new Histogram(SECONDS);
    }

    /** Records a value; NaN is ignored (it belongs to no bucket). */
    public void observe(double value) {
        if (Double.isNaN(value)) {
            return;
        }
        int bucket = Arrays.binarySearch(bounds, value);
        // an exact bound belongs to its own bucket (le is "less than or equal")
        counts.incrementAndGet(bucket >= 0 ? bucket : -bucket - 1);
        sum.add(value);
    }

    /** Records a duration given in nanoseconds, as seconds. */
    public void observeNanos(long nanos) {
        observe(nanos / 1e9);
    }

    /** The cumulative counts as a scrape shows them. */
    public Snapshot snapshot() {
        long[] cumulative = new long[bounds.length + 1];
        long running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += counts.get(i);
            cumulative[i] = running;
        }
        return new Snapshot(bounds.clone(), cumulative, sum.sum());
    }

    /**
     * A histogram's state.
     *
     * @param bounds     the finite upper bounds
     * @param cumulative observations {@code <=} each bound, then the total (the +Inf bucket)
     * @param sum        sum of the observations
     */
    public record Snapshot(double[] bounds, long[] cumulative, double sum) {

        public Snapshot {
            if (cumulative.length != bounds.length + 1) {
                throw new IllegalArgumentException(String.format("%d bounds need %d cumulative counts, got %d",
                        bounds.length, bounds.length + 1, cumulative.length));
            }
            bounds = bounds.clone();
            cumulative = cumulative.clone();
        }

        /** Observations in all. */
        public long count() {
            return cumulative[cumulative.length - 1];
        }

        @Override
        public double[] bounds() {
            return bounds.clone();
        }

        @Override
        public long[] cumulative() {
            return cumulative.clone();
        }
    }
}
