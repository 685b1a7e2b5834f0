package io.mvtrx.api.spi.process;

/**
 * A time series sampled by background agents. Deterministic for a given seed: the same sequence of
 * {@link #advanceTo} calls yields the same values.
 *
 * <p>Not thread-safe; one instance per book, driven by the book's block.
 */
public interface PriceProcess {

    /** Advances the process to {@code timestamp} (ns, non-decreasing) and returns its value then. */
    double advanceTo(long timestamp);

    /** The value at the last time advanced to. */
    double value();

    /** Nanoseconds between updates; the process is constant between them. */
    long updatePeriod();
}
