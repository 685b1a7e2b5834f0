package io.mvtrx.runtime.bittensor.axon;

import java.util.Optional;

import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.runtime.wire.miner.MetagraphCache;

/**
 * What the axon's blacklist and priority read from the subnet's metagraph: the registered neuron of a hotkey. The
 * chain side fills it (a {@link MetagraphCache} over any chain backend, or the Subtensor client's metagraph).
 */
@FunctionalInterface
public interface MetagraphView {

    /**
     * The neuron registered with {@code hotkey} (SS58), if any.
     *
     * @throws Unavailable when no metagraph has been read yet
     */
    Optional<Neuron> neuron(String hotkey) throws Unavailable;

    /** No metagraph to check against. */
    final class Unavailable extends Exception {

        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }
    }

    /** A view over a metagraph cache. */
    static MetagraphView of(MetagraphCache cache) {
        return hotkey -> {
            try {
                return cache.lookup(hotkey);
            } catch (MetagraphCache.Unavailable e) {
                throw new Unavailable(e.getMessage());
            }
        };
    }
}
