package io.mvtrx.plugin.matching.pricetime;

import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.MatchSink;
import io.mvtrx.api.spi.matching.support.LadderBook;

/**
 * A price-time priority book that does not allocate in steady state.
 *
 * <p><b>Rule.</b> Price priority, then time (FIFO) within a level; every trade is at the resting order's price.
 * Self-trade prevention applies when the resting order at the front of the best level belongs to the taker's agent
 * and the mode is not {@link StpMode#NONE}: CO cancels that resting order and goes on; CN ends the taker (nothing
 * rests); CB ends the taker and cancels the resting order; DC cancels the smaller of the two and reduces the larger
 * by its size (equal sizes: both go), going on only when the taker was the larger. {@link #match} returns the
 * unfilled quantity, 0 also when CN, CB or DC ended the taker.
 *
 * <p><b>Structure, cost, allocation.</b> Those of {@link LadderBook} (tick-indexed price window plus overflow,
 * pooled order and level slots, primitive id index); this class adds the per-level rule only, one pass over the
 * orders it fills, allocating nothing.
 *
 * <p>Not thread-safe: one writer per book. Level and side totals must fit in a {@code long}.
 */
public final class PriceTimeBook extends LadderBook {

    /** An empty book with pools for {@link BookSpec#expectedOrders()} resting orders. */
    public PriceTimeBook(BookSpec spec) {
        super(spec, DEFAULT_WINDOW);
    }

    /** An empty book whose price windows span {@code window} ticks (a power of two, at least 64); for tests. */
    PriceTimeBook(BookSpec spec, int window) {
        super(spec, window);
    }

    /** Fills the level's orders oldest first, applying the taker's STP mode to each own order it meets. */
    @Override
    protected long matchLevel(LevelSlot level, int takerAgentId, StpMode stp, long remaining, MatchSink sink) {
        boolean prevent = stp != StpMode.NONE;
        OrderSlot order = level.head();
        while (order != null && remaining > 0) {
            OrderSlot next = order.next();
            long resting = order.quantity();
            if (prevent && order.agentId() == takerAgentId) {
                switch (stp) {
                    case CO -> cancelSelfTrade(order, resting, sink);
                    case CN -> {
                        return 0;
                    }
                    case CB -> {
                        cancelSelfTrade(order, resting, sink);
                        return 0;
                    }
                    case DC -> {
                        if (resting > remaining) {
                            cancelSelfTrade(order, remaining, sink);
                            return 0;
                        }
                        cancelSelfTrade(order, resting, sink);
                        remaining -= resting;
                    }
                    case NONE -> throw new AssertionError("self-trade prevention with mode NONE");
                }
            } else {
                long used = Math.min(resting, remaining);
                fill(order, used, sink);
                remaining -= used;
            }
            order = next;
        }
        return remaining;
    }
}
