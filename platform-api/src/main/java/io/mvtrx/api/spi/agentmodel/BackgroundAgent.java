package io.mvtrx.api.spi.agentmodel;

import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.Notice;

/**
 * A simulated trader. The simulator calls it on the thread of the block whose books it acts on; it never sees
 * another block mid-step. It reads shared book state and its own account when it wakes, and acts through the
 * environment. Callbacks, for one agent:
 * <ol>
 *   <li>{@link #onStart} once, at the simulation start, after every instance of every population was created;</li>
 *   <li>{@link #onWake} for each wake-up it (or another instance of its population) scheduled, in time order;</li>
 *   <li>{@link #onNotice} for the outcome of each of its own instructions: every placement is answered by exactly one
 *       {@code OrderAccepted} or {@code OrderRejected}, followed by {@code TradeNotice}s for its fills;</li>
 *   <li>{@link #onMarketTrade} for every trade of its block's books, only if {@link #observesTrades()}.</li>
 * </ol>
 */
public interface BackgroundAgent {

    /** The simulation starts: draw per-instance parameters and schedule first wake-ups. */
    void onStart(AgentEnvironment environment);

    /**
     * A wake-up fired.
     *
     * @param bookId the book it was scheduled for
     * @param kind   the agent-defined kind given when it was scheduled (e.g. "poll the book" or "your turn")
     */
    void onWake(int bookId, int kind, AgentEnvironment environment);

    /** An outcome of one of this agent's own instructions (acceptance, rejection, fill, cancel). */
    default void onNotice(Notice notice, AgentEnvironment environment) {
    }

    /**
     * Whether this agent observes every trade of its books (the reference's {@code SUBSCRIBE_EVENT_TRADE}). Asked once,
     * before {@link #onStart}. Costly for the simulator: only models that need the tape answer true.
     */
    default boolean observesTrades() {
        return false;
    }

    /** A trade happened on one of the agent's books; called only if {@link #observesTrades()}. */
    default void onMarketTrade(Trade trade, AgentEnvironment environment) {
    }
}
