package io.mvtrx.testkit.fees;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.spi.fees.FeePolicy;

/**
 * A fee policy for engine tests: default maker and taker rates, per-agent overrides set by the test, and a record
 * of every trade it was told about. Not for production: it allocates and is not thread-safe.
 */
public final class SettableFeePolicy implements FeePolicy {

    /**
     * A trade as the exchange reported it.
     *
     * @param bookId       book
     * @param timestamp    ns
     * @param makerAgentId resting agent
     * @param takerAgentId incoming agent
     * @param quoteVolume  quote decimals
     */
    public record Recorded(int bookId, long timestamp, int makerAgentId, int takerAgentId, long quoteVolume) {
    }

    private long makerRate;
    private long takerRate;
    private final Map<Integer, long[]> perAgent = new HashMap<>();
    private final List<Recorded> trades = new ArrayList<>();
    private final List<Long> steps = new ArrayList<>();
    private final Map<Integer, Integer> forgottenBefore = new HashMap<>();

    /**
     * @param makerRate default maker rate at {@code Rate.SCALE}
     * @param takerRate default taker rate at {@code Rate.SCALE}
     */
    public SettableFeePolicy(long makerRate, long takerRate) {
        this.makerRate = makerRate;
        this.takerRate = takerRate;
    }

    /** A policy charging nothing. */
    public static SettableFeePolicy zero() {
        return new SettableFeePolicy(0, 0);
    }

    /** Changes the default rates. */
    public SettableFeePolicy rates(long maker, long taker) {
        this.makerRate = maker;
        this.takerRate = taker;
        return this;
    }

    /** Gives one agent its own rates on every book. */
    public SettableFeePolicy rates(int agentId, long maker, long taker) {
        perAgent.put(agentId, new long[] {maker, taker});
        return this;
    }

    /** Trades recorded so far, in order (a reset does not remove them; it only zeroes the agent's volume). */
    public List<Recorded> trades() {
        return List.copyOf(trades);
    }

    /** Step times seen so far. */
    public List<Long> steps() {
        return List.copyOf(steps);
    }

    @Override
    public long makerRate(int agentId, int bookId) {
        long[] own = perAgent.get(agentId);
        return own == null ? makerRate : own[0];
    }

    @Override
    public long takerRate(int agentId, int bookId) {
        long[] own = perAgent.get(agentId);
        return own == null ? takerRate : own[1];
    }

    @Override
    public void recordTrade(int bookId, long timestamp, int makerAgentId, int takerAgentId, long quoteVolume) {
        trades.add(new Recorded(bookId, timestamp, makerAgentId, takerAgentId, quoteVolume));
    }

    @Override
    public void onStep(long timestamp) {
        steps.add(timestamp);
    }

    @Override
    public void reset(int agentId) {
        forgottenBefore.put(agentId, trades.size());
    }

    @Override
    public long volume(int agentId, int bookId) {
        long volume = 0;
        for (Recorded trade : trades.subList(forgottenBefore.getOrDefault(agentId, 0), trades.size())) {
            if (trade.bookId() == bookId && trade.makerAgentId() == agentId) {
                volume += trade.quoteVolume();
            }
            if (trade.bookId() == bookId && trade.takerAgentId() == agentId) {
                volume += trade.quoteVolume();
            }
        }
        return volume;
    }
}
