package io.mvtrx.api.spi.chain;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A subnet's state on a chain and the writes a validator or miner makes to it. */
public interface ChainBackend extends AutoCloseable {

    /** Current block height. */
    long blockHeight() throws IOException;

    /** The registered neurons of a subnet, by uid. */
    List<Neuron> metagraph(int netuid) throws IOException;

    /** Sets a validator's weights (uid to normalized weight); refused when rate-limited. */
    void setWeights(int netuid, String hotkey, Map<Integer, Double> weights) throws IOException;

    /** Publishes a commitment (e.g. a GenTRX bucket read key) for a hotkey. */
    void commit(int netuid, String hotkey, String data) throws IOException;

    /** A hotkey's commitment, if any. */
    Optional<String> commitment(int netuid, String hotkey) throws IOException;

    @Override
    void close() throws IOException;
}
