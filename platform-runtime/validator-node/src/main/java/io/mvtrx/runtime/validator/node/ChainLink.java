package io.mvtrx.runtime.validator.node;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.Neuron;

/**
 * The validator's view of its subnet on a chain: the metagraph (its {@link Roster}), the block height, and its own
 * weights. Thread-safe as the backend is.
 *
 * @param chain  the backend (local, remote, later Bittensor)
 * @param netuid the subnet
 * @param hotkey the validator's hotkey, which sets the weights and is never queried as a miner
 */
public record ChainLink(ChainBackend chain, int netuid, String hotkey) implements Roster {

    @Override
    public List<Neuron> neurons() throws IOException {
        return chain.metagraph(netuid);
    }

    /** The current block. */
    public long blockHeight() throws IOException {
        return chain.blockHeight();
    }

    /** Sets this validator's weights. */
    public void setWeights(Map<Integer, Double> weights) throws IOException {
        chain.setWeights(netuid, hotkey, weights);
    }

    /** The weights this validator last set, normalized. */
    public Map<Integer, Double> weights() throws IOException {
        return chain.weights(netuid, hotkey);
    }
}
