package io.mvtrx.plugin.fees;

import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.fees.FeePolicy;

/**
 * Fixed maker and taker rates at {@code Rate.SCALE} for every agent and book. Keeps no history: {@link #volume}
 * is always 0.
 *
 * <p>Stateless after construction, so safe from any thread; every method is O(1) and allocation-free.
 */
public final class StaticFeePolicy implements FeePolicy, Snapshottable {

    private final long makerRate;
    private final long takerRate;

    /**
     * @param makerRate rate a resting order pays, at {@code Rate.SCALE}
     * @param takerRate rate an incoming order pays, at {@code Rate.SCALE}
     */
    public StaticFeePolicy(long makerRate, long takerRate) {
        this.makerRate = makerRate;
        this.takerRate = takerRate;
    }

    @Override
    public long makerRate(int agentId, int bookId) {
        return makerRate;
    }

    @Override
    public long takerRate(int agentId, int bookId) {
        return takerRate;
    }

    @Override
    public void recordTrade(int bookId, long timestamp, int makerAgentId, int takerAgentId, long quoteVolume) {
        // nothing depends on history
    }

    @Override
    public void onStep(long timestamp) {
        // nothing to roll
    }

    @Override
    public void reset(int agentId) {
        // no per-agent state
    }

    @Override
    public long volume(int agentId, int bookId) {
        return 0;
    }

    /** Nothing to save: the rates are configuration. */
    @Override
    public void writeState(StateWriter out) {
        // stateless
    }

    @Override
    public void readState(StateReader in) {
        // stateless
    }
}
