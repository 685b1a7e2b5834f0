package io.mvtrx.runtime.simulator.internal;

/**
 * One queued message of a block: a pooled, mutable slot, reused once delivered (see {@link MessagePool}). Which
 * fields mean something depends on {@link #kind}.
 *
 * <p>Confined to its block's thread.
 */
final class Message {

    /** An agent's wake-up: {@link #slot}, {@link #bookId}, {@link #wakeKind}. */
    static final int WAKE = 1;
    /** A background agent's instruction reaching the exchange: {@link #slot}, {@link #payload}, {@link #latency}. */
    static final int INSTRUCTION = 2;
    /** A notice reaching a background agent: {@link #slot}, {@link #payload}. */
    static final int NOTICE = 3;
    /** A trade of the block reaching an agent that observes trades: {@link #slot}, {@link #payload}. */
    static final int MARKET_TRADE = 4;
    /** A remote agent's instruction: {@link #agentId}, {@link #bookId} (local), {@link #payload}, {@link #epoch}. */
    static final int REMOTE_INSTRUCTION = 5;
    /** A remote reset of accounts: {@link #payload} (the {@code ResetAgents}). */
    static final int REMOTE_RESET = 6;

    int kind;
    int slot;
    int agentId;
    int bookId;
    int wakeKind;
    int epoch;
    long latency;
    Object payload;
}
