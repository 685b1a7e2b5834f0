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

    /**
     * One component of a process that carries more than one number, at the last time advanced to. A single-valued
     * process has the one component 0, equal to {@link #value()}. The {@code MagneticField} process exposes its
     * sites: component {@code k} in {@code 0..numRows²-1} is the spin (+1 or -1) of site {@code k} in row-major order
     * (the noise trader with instance index {@code k} reads its own spin there), while {@link #value()} stays the mean
     * spin.
     *
     * @throws IndexOutOfBoundsException if the process has no such component
     */
    default double value(int component) {
        if (component == 0) {
            return value();
        }
        throw new IndexOutOfBoundsException(String.format(
                "%s has a single component (0); component %d was requested", getClass().getSimpleName(), component));
    }

    /** Nanoseconds between updates; the process is constant between them. */
    long updatePeriod();
}
