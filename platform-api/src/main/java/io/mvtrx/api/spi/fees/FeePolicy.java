package io.mvtrx.api.spi.fees;

/**
 * Decides maker and taker rates. Rates are longs at {@code Rate.SCALE} (10^-8); negative rates are rebates.
 *
 * <p>Called on the book's thread inside matching: rate look-ups and {@link #recordTrade} must not allocate. A policy
 * instance serves all books of one exchange; books of different blocks may call it from different threads, so
 * per-book state must be kept per book and shared state must be safe.
 */
public interface FeePolicy {

    /** Rate the agent pays when its resting order is filled. */
    long makerRate(int agentId, int bookId);

    /** Rate the agent pays when its incoming order takes liquidity. */
    long takerRate(int agentId, int bookId);

    /**
     * Records a trade's quote volume for both sides.
     *
     * @param bookId       book
     * @param timestamp    trade time, ns
     * @param makerAgentId resting side's agent
     * @param takerAgentId incoming side's agent
     * @param quoteVolume  price·volume at the quote decimals
     */
    void recordTrade(int bookId, long timestamp, int makerAgentId, int takerAgentId, long quoteVolume);

    /** Called at the start of every simulation step (re-tiering happens here). */
    void onStep(long timestamp);

    /** Forgets an agent's history (account reset). */
    void reset(int agentId);

    /** The rolling quote volume the policy attributes to an agent on a book (published with the account). */
    long volume(int agentId, int bookId);

    /** The book's maker/taker ratio at {@code Rate.SCALE} where the policy tracks one, else 0. */
    default long makerTakerRatio(int bookId) {
        return 0;
    }
}
