package io.mvtrx.runtime.exchange.intake;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.api.spi.matching.RestingOrderVisitor;
import io.mvtrx.runtime.exchange.fixed.Fixed;

/**
 * Read-only walks over one side of a book in matching priority ({@link OrderBook#walk}), answering the questions
 * intake and risk ask before an order touches the book. One reusable visitor with a mode, so a walk allocates
 * nothing; a walk visits only the orders it needs (those within the price bound, until the question is answered).
 *
 * <p>How the incoming agent's own resting orders count depends on its STP mode, mirroring what matching will do:
 * CO cancels them (skipped), CN and CB stop at them, DC decrements by them, NONE trades with them.
 *
 * <p>Not thread-safe; one per exchange.
 */
public final class BookWalker implements RestingOrderVisitor {

    private static final int COST = 0;
    private static final int NOTIONAL = 1;
    private static final int MATCHABLE = 2;
    private static final int FILL_OR_KILL = 3;
    private static final int POST_ONLY = 4;

    private int mode;
    private int agent;
    private StpMode stp;
    private boolean skipOwn;
    private long need;
    private int priceScale;
    private int volumeScale;
    private int quoteScale;

    private long volume;
    private long quote;
    private long own;
    private int crossing;
    private boolean foreign;
    private boolean firstOwn;
    private boolean done;

    /** Traded quantity the last walk accumulated. */
    public long volume() {
        return volume;
    }

    /** Quote the last walk accumulated, quote decimals. */
    public long quote() {
        return quote;
    }

    /**
     * The cost of taking up to {@code quantity} from {@code side} at prices within {@code limit}: afterwards
     * {@link #volume()} is the quantity available (at most {@code quantity}) and {@link #quote()} the sum of
     * {@code trunc(price · quantity, Q)} per resting order. Own orders are skipped for CO, CN and CB.
     */
    public void cost(OrderBook book, Side side, long limit, long quantity, int agentId, StpMode mode, int p, int v,
                     int q) {
        start(COST, agentId, mode, quantity, p, v, q);
        skipOwn = mode == StpMode.CO || mode == StpMode.CN || mode == StpMode.CB;
        if (quantity > 0) {
            book.walk(side, limit, this);
        }
    }

    /**
     * The quantity a quote notional buys or sells on {@code side} within {@code limit}: whole orders while their
     * cost fits, then {@code trunc(rest / price, V)} of the next. {@link #volume()} is the quantity (smaller when
     * the side is thinner), {@link #quote()} its cost. Own orders are skipped for CO, CN and CB.
     */
    public void notional(OrderBook book, Side side, long limit, long notional, int agentId, StpMode mode, int p,
                         int v, int q) {
        start(NOTIONAL, agentId, mode, notional, p, v, q);
        skipOwn = mode == StpMode.CO || mode == StpMode.CN || mode == StpMode.CB;
        if (notional > 0) {
            book.walk(side, limit, this);
        }
    }

    /**
     * The quantity an IOC order can take at once, up to {@code cap}: own orders are skipped for CO, end the walk for
     * CN and CB, and count for NONE and DC.
     */
    public long matchable(OrderBook book, Side side, long limit, long cap, int agentId, StpMode mode) {
        start(MATCHABLE, agentId, mode, cap, 0, 0, 0);
        book.walk(side, limit, this);
        return volume;
    }

    /**
     * Whether a FOK order of {@code quantity} fills completely at once: own orders are skipped for CO, fail it for
     * CN and CB (either would end the order part-filled), reduce the requirement for DC, and count for NONE.
     * Running out of crossable volume fails it, whatever the mode.
     */
    public boolean fillsCompletely(OrderBook book, Side side, long limit, long quantity, int agentId, StpMode mode) {
        start(FILL_OR_KILL, agentId, mode, quantity, 0, 0, 0);
        book.walk(side, limit, this);
        return done;
    }

    /**
     * Whether a post-only order of {@code quantity} at {@code limit} would rest without taking liquidity: with no
     * crossing order, yes; CO: if every crossing order is the agent's own (they get cancelled); CB: if the best
     * crossing order is its own; DC: if every crossing order is its own and together they are smaller than the
     * order; NONE and CN: only without crossing orders.
     */
    public boolean restsWithoutTaking(OrderBook book, Side side, long limit, long quantity, int agentId,
                                      StpMode mode) {
        start(POST_ONLY, agentId, mode, quantity, 0, 0, 0);
        book.walk(side, limit, this);
        if (crossing == 0) {
            return true;
        }
        return switch (mode) {
            case CO -> !foreign;
            case CB -> firstOwn;
            case DC -> !foreign && own < quantity;
            case NONE, CN -> false;
        };
    }

    private void start(int walkMode, int agentId, StpMode stpMode, long amount, int p, int v, int q) {
        mode = walkMode;
        agent = agentId;
        stp = stpMode;
        need = amount;
        priceScale = p;
        volumeScale = v;
        quoteScale = q;
        volume = 0;
        quote = 0;
        own = 0;
        crossing = 0;
        foreign = false;
        firstOwn = false;
        done = false;
        skipOwn = false;
    }

    @Override
    public boolean visit(long orderId, int agentId, long price, long quantity) {
        boolean mine = agentId == agent;
        return switch (mode) {
            case COST -> visitCost(mine, price, quantity);
            case NOTIONAL -> visitNotional(mine, price, quantity);
            case MATCHABLE -> visitMatchable(mine, quantity);
            case FILL_OR_KILL -> visitFillOrKill(mine, quantity);
            default -> visitPostOnly(mine, quantity);
        };
    }

    private boolean visitCost(boolean mine, long price, long quantity) {
        if (mine && skipOwn) {
            return true;
        }
        long take = Math.min(quantity, need - volume);
        quote += Fixed.multiply(price, priceScale, take, volumeScale, quoteScale, Fixed.DOWN);
        volume += take;
        return volume < need;
    }

    private boolean visitNotional(boolean mine, long price, long quantity) {
        if (mine && skipOwn) {
            return true;
        }
        long cost = Fixed.multiply(price, priceScale, quantity, volumeScale, quoteScale, Fixed.DOWN);
        if (quote + cost <= need) {
            quote += cost;
            volume += quantity;
            return quote < need;
        }
        long take = Fixed.divide(need - quote, quoteScale, price, priceScale, volumeScale, Fixed.DOWN);
        quote += Fixed.multiply(price, priceScale, take, volumeScale, quoteScale, Fixed.DOWN);
        volume += take;
        return false;
    }

    private boolean visitMatchable(boolean mine, long quantity) {
        if (mine && stp != StpMode.NONE && stp != StpMode.DC) {
            return stp == StpMode.CO;
        }
        volume += Math.min(quantity, need - volume);
        return volume < need;
    }

    private boolean visitFillOrKill(boolean mine, long quantity) {
        if (mine && stp != StpMode.NONE) {
            switch (stp) {
                case CO -> {
                    return true;
                }
                case DC -> {
                    need -= quantity;
                    done = volume >= need;
                    return !done;
                }
                default -> {
                    return false;
                }
            }
        }
        volume += quantity;
        done = volume >= need;
        return !done;
    }

    private boolean visitPostOnly(boolean mine, long quantity) {
        if (crossing++ == 0) {
            firstOwn = mine;
        }
        if (mine) {
            own += quantity;
        } else {
            foreign = true;
        }
        return switch (stp) {
            case CO, DC -> !foreign;
            case CB, NONE, CN -> false;
        };
    }
}
