package io.mvtrx.api.spi.process;

/**
 * A time series sampled by background agents. Deterministic for a given seed: the same sequence of
 * {@link #advanceTo} calls yields the same values.
 *
 * <p>A process may carry more than one number: {@link #components()} of them, read with {@link #value(int)}.
 * Component 0 is always {@link #value()}; what the others mean is the process's own contract (each provider
 * documents its layout in its description and in {@code doc/processes.md}; e.g. the magnetic field exposes its
 * mean spin, the last change of the mean and every spin). Processes that agents act on (a spin that a noise
 * trader sets) accept input through {@link #set(int, double)}.
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

    /** How many components {@link #value(int)} serves; 1 for a scalar process. */
    default int components() {
        return 1;
    }

    /**
     * One component at the last time advanced to; component 0 is {@link #value()}.
     *
     * @throws IndexOutOfBoundsException if {@code component} is not within {@code 0..components()-1}
     */
    default double value(int component) {
        if (component != 0) {
            throw new IndexOutOfBoundsException(
                    String.format("component %d of a scalar process (only 0 exists)", component));
        }
        return value();
    }

    /**
     * Input from an agent to one component (e.g. a noise trader setting its own spin of a magnetic field). What
     * happens is the process's own contract; the process stays deterministic for a given sequence of calls.
     *
     * @throws UnsupportedOperationException if the process takes no input (the default)
     * @throws IndexOutOfBoundsException     if the component does not take input
     * @throws IllegalArgumentException      if the value is not acceptable for the component
     */
    default void set(int component, double value) {
        throw new UnsupportedOperationException(
                String.format("%s takes no input (component %d)", getClass().getSimpleName(), component));
    }
}
