package io.mvtrx.api.snapshot;

/**
 * A component whose mutable state can be saved into a checkpoint and restored from one, so that a restored run
 * continues exactly as the saved one would have. Plugins implement it next to their extension point (a
 * {@code FeePolicy}, {@code PriceProcess}, {@code OrderBook}, {@code AgentPopulation}, {@code BackgroundAgent}); the
 * runtime checks for it when checkpoints are on and names every component of a run that lacks it.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #writeState} writes everything that influences the component's future behaviour and nothing that is
 *       rebuilt from its configuration; it changes nothing.</li>
 *   <li>{@link #readState} is called on a fresh instance, created from the same configuration and context as the
 *       saved one, <em>instead of</em> the component's start (an agent gets {@code readState}, never
 *       {@code onStart}); it reads exactly what {@link #writeState} wrote for the version {@link StateReader#version()}
 *       reports, and then behaves as the saved instance did.</li>
 *   <li>{@link #stateVersion} names the layout written; a reader is handed the version that was written and may
 *       refuse versions it does not know with a {@link StateFormatException}. The runtime refuses a saved version
 *       newer than the component's own.</li>
 * </ul>
 *
 * A component without state implements both methods empty. Random streams: use a {@link SplitMix64} and save it
 * with {@link StateWriter#writeRandom}.
 *
 * {@snippet :
 * @Override
 * public void writeState(StateWriter out) {
 *     out.writeDouble(volumeConstant);
 *     out.writeDoubles(lastMid);
 * }
 *
 * @Override
 * public void readState(StateReader in) {
 *     volumeConstant = in.readDouble();
 *     lastMid = in.readDoubles();
 * }
 * }
 *
 * <p>Called on the thread that owns the component, between two simulation steps.
 */
public interface Snapshottable {

    /** Writes the component's state. */
    void writeState(StateWriter out);

    /**
     * Restores the state written by {@link #writeState} into a fresh instance.
     *
     * @throws StateFormatException if the state does not fit this component (another version, another shape)
     */
    void readState(StateReader in);

    /** The version of the layout {@link #writeState} writes; 1 unless the layout changed. */
    default int stateVersion() {
        return 1;
    }
}
