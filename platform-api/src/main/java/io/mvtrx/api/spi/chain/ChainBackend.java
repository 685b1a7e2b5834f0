package io.mvtrx.api.spi.chain;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subnet's state on a chain and the writes validators and miners make to it. Implementations are thread-safe:
 * a chain server calls one backend from many request threads.
 */
public interface ChainBackend extends AutoCloseable {

    /** Current block height. */
    long blockHeight() throws IOException;

    /** The registered neurons of a subnet, by uid. */
    List<Neuron> metagraph(int netuid) throws IOException;

    /**
     * Registers a hotkey, or returns its neuron if already registered. When the subnet is full the oldest
     * registration outside its immunity period is replaced (deregistered).
     *
     * @throws ChainException when the subnet is full and every neuron is still immune
     */
    Neuron register(int netuid, String hotkey, String coldkey) throws IOException;

    /** Publishes the address a registered hotkey serves on. */
    void serveAxon(int netuid, String hotkey, String host, int port) throws IOException;

    /** Adds stake to a registered hotkey (validator permits go to the largest stakes). */
    void addStake(int netuid, String hotkey, long amount) throws IOException;

    /**
     * Sets a validator's weights (uid to weight; normalized by the chain).
     *
     * @throws ChainException when the hotkey has no validator permit or is rate-limited
     */
    void setWeights(int netuid, String hotkey, Map<Integer, Double> weights) throws IOException;

    /** The last weights a validator set, by uid, normalized to sum 1. */
    Map<Integer, Double> weights(int netuid, String hotkey) throws IOException;

    /** Publishes a commitment (e.g. a GenTRX bucket read key) for a registered hotkey. */
    void commit(int netuid, String hotkey, String data) throws IOException;

    /** A hotkey's commitment, if any. */
    Optional<String> commitment(int netuid, String hotkey) throws IOException;

    @Override
    void close() throws IOException;
}
