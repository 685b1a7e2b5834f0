package io.mvtrx.plugin.matching.prorata;

import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.MatchSink;
import io.mvtrx.api.spi.matching.support.LadderBook;
import io.mvtrx.plugin.matching.prorata.internal.MulDiv;

/**
 * A pro-rata book that does not allocate in steady state.
 *
 * <p><b>Rule.</b> Levels are taken best first within the taker's limit; every trade is at the level's price. At a
 * level, self-trade prevention first deals with all of the taker agent's own orders there, in queue order (the
 * taker's mode is not {@link StpMode#NONE}):
 * <ul>
 *   <li>CO: each own order is cancelled; allocation goes on among the others;</li>
 *   <li>CN: if the level holds an own order, the taker ends there and nothing at that level fills;</li>
 *   <li>CB: if it holds any, every own order of the level is cancelled and the taker ends;</li>
 *   <li>DC: the taker is decremented against each own order in turn (the smaller is cancelled, the larger reduced by
 *       it, equal sizes both go); allocation goes on among the others only if the taker outlives them all;</li>
 *   <li>NONE: own orders take part like any other.</li>
 * </ul>
 * Then, with {@code q} the taker's remainder and {@code T} the level's total: if {@code q >= T} every order fills
 * completely and the taker moves to the next level; otherwise order {@code i} of size {@code s_i} gets
 * {@code floor(q * s_i / T)} lots (exact, in 128 bits when needed) and the lots left over, fewer than the number of
 * orders, go by time priority: the oldest order takes as many as it has room for (its size less its share), then
 * the next oldest, and so on: pure pro-rata with a time-priority remainder. Fills are reported in queue order,
 * self-trade cancels of a level before its fills. {@link #match} returns the unfilled quantity, 0 also when CN, CB
 * or DC ended the taker.
 *
 * <p><b>Structure, cost, allocation.</b> Those of {@link LadderBook} (tick-indexed price window plus overflow,
 * pooled order and level slots, primitive id index). A partially filled level costs up to three passes over its
 * orders (own-order scan when STP is on, shares, allocation); the shares ride in each slot's
 * {@link OrderSlot#scratch(long) scratch} value, so the passes allocate nothing.
 *
 * <p>Not thread-safe: one writer per book. Level and side totals must fit in a {@code long}.
 */
public final class ProRataBook extends LadderBook {

    /** An empty book with pools for {@link BookSpec#expectedOrders()} resting orders. */
    public ProRataBook(BookSpec spec) {
        super(spec, DEFAULT_WINDOW);
    }

    /** An empty book whose price windows span {@code window} ticks (a power of two, at least 64); for tests. */
    ProRataBook(BookSpec spec, int window) {
        super(spec, window);
    }

    /** Deals with the taker agent's own orders of the level, then shares the remainder among the others. */
    @Override
    protected long matchLevel(LevelSlot level, int takerAgentId, StpMode stp, long remaining, MatchSink sink) {
        if (stp != StpMode.NONE && holdsOrderOf(level, takerAgentId)) {
            remaining = preventSelfTrades(level, takerAgentId, stp, remaining, sink);
            if (remaining == 0 || level.count() == 0) {
                return remaining;
            }
        }
        return allocate(level, remaining, sink);
    }

    private static boolean holdsOrderOf(LevelSlot level, int agentId) {
        for (OrderSlot order = level.head(); order != null; order = order.next()) {
            if (order.agentId() == agentId) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies the taker's STP mode to the agent's own orders of a level, in queue order.
     *
     * @return the taker's remainder afterwards; 0 when the mode ended it
     */
    private long preventSelfTrades(LevelSlot level, int agentId, StpMode stp, long remaining, MatchSink sink) {
        if (stp == StpMode.CN) {
            return 0;
        }
        OrderSlot order = level.head();
        while (order != null) {
            OrderSlot next = order.next();
            if (order.agentId() == agentId) {
                long resting = order.quantity();
                if (stp == StpMode.DC && resting > remaining) {
                    cancelSelfTrade(order, remaining, sink);
                    return 0;
                }
                cancelSelfTrade(order, resting, sink);
                if (stp == StpMode.DC) {
                    remaining -= resting;
                    if (remaining == 0) {
                        return 0;
                    }
                }
            }
            order = next;
        }
        return stp == StpMode.CB ? 0 : remaining;
    }

    /**
     * Fills a level that holds no order of the taker's agent (or under STP NONE).
     *
     * @return the taker's remainder afterwards
     */
    private long allocate(LevelSlot level, long remaining, MatchSink sink) {
        long total = level.quantity();
        if (remaining >= total) {
            OrderSlot order = level.head();
            while (order != null) {
                OrderSlot next = order.next();
                fill(order, order.quantity(), sink);
                order = next;
            }
            return remaining - total;
        }
        long allocated = 0;
        for (OrderSlot order = level.head(); order != null; order = order.next()) {
            long share = MulDiv.floor(remaining, order.quantity(), total);
            order.scratch(share);
            allocated += share;
        }
        long leftover = remaining - allocated;
        OrderSlot order = level.head();
        while (order != null) {
            OrderSlot next = order.next();
            long fill = order.scratch();
            if (leftover > 0) {
                long extra = Math.min(leftover, order.quantity() - fill);
                fill += extra;
                leftover -= extra;
            }
            if (fill > 0) {
                fill(order, fill, sink);
            }
            order = next;
        }
        return 0;
    }
}
