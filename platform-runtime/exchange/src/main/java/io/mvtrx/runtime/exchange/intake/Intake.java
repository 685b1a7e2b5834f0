package io.mvtrx.runtime.exchange.intake;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.number.Scale;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.runtime.exchange.fixed.Fixed;
import io.mvtrx.runtime.exchange.state.Accounts;
import io.mvtrx.runtime.exchange.state.BookRules;
import io.mvtrx.runtime.exchange.state.BookState;
import io.mvtrx.runtime.exchange.state.OrderCommand;

/**
 * Stage 1 of the pipeline: decides whether an order may enter and how large it is, before any money is looked at.
 * Checks, in order (simulator-054.md §4.3, with the deviations listed in doc/exchange.md):
 *
 * <ol>
 *   <li>leverage within [0, maxLeverage] — {@code INVALID_LEVERAGE};</li>
 *   <li>volume &gt; 0 — {@code INVALID_VOLUME}; limit price &gt; 0 — {@code INVALID_PRICE};</li>
 *   <li>contradicting fields (GTT expiry not in the future, negative slippage, unknown settle flag) —
 *       {@code INVALID_INSTRUCTION};</li>
 *   <li>limit orders: open limit orders of the agent on the book below {@code maxOpenOrders} —
 *       {@code EXCEEDING_MAX_ORDERS}; market orders: a non-empty opposite side — {@code EMPTY_BOOK};</li>
 *   <li>sizing: the traded quantity is {@code trunc(volume·(1+L), V)}; a QUOTE size is converted by walking the
 *       opposite side (whole orders while they fit, then {@code trunc(rest/price, V)}; a limit order's remainder at
 *       its limit price);</li>
 *   <li>minimum size: traded quantity &ge; minOrderSize — {@code MINIMUM_ORDER_SIZE_VIOLATION} (one rule for limit
 *       and market orders);</li>
 *   <li>IOC (not post-only) is resized to what it can take at once, and refused if that is 0; FOK (not post-only)
 *       must fill completely at once; post-only must rest without taking — {@code CONTRACT_VIOLATION}.</li>
 * </ol>
 *
 * Changes nothing but the command. Not thread-safe; cost: O(1) plus, for QUOTE sizes and TIF/post-only checks, a
 * walk over the crossable part of the opposite side.
 */
public final class Intake {

    private final Accounts accounts;
    private final int maxOpenOrders;
    private final BookWalker walker;

    public Intake(Accounts accounts, int maxOpenOrders, BookWalker walker) {
        this.accounts = accounts;
        this.maxOpenOrders = maxOpenOrders;
        this.walker = walker;
    }

    /** Checks and sizes a limit order; returns null when it may enter. */
    public RejectReason limit(OrderCommand c, BookState book, long now) {
        BookRules r = book.rules;
        RejectReason common = common(c, r);
        if (common != null) {
            return common;
        }
        if (c.price <= 0) {
            return RejectReason.INVALID_PRICE;
        }
        if (c.timeInForce == TimeInForce.GTT && c.expiry <= now) {
            return RejectReason.INVALID_INSTRUCTION;
        }
        if (accounts.openOrders(c.account) >= maxOpenOrders) {
            return RejectReason.EXCEEDING_MAX_ORDERS;
        }
        OrderBook b = book.book;
        Side opposite = c.side.opposite();
        if (c.currency == OrderCommand.BASE) {
            c.quantity = leveraged(c.volume, c.leverage, r.volume(), r.volume());
        } else {
            long notional = leveraged(c.volume, c.leverage, r.quote(), r.volume());
            walker.notional(b, opposite, c.price, notional, c.agentId, c.stp, r.price(), r.volume(), r.quote());
            long rest = notional - walker.quote();
            c.quantity = walker.volume() + Fixed.divide(rest, r.quote(), c.price, r.price(), r.volume(), Fixed.DOWN);
        }
        if (c.quantity < r.minOrderSize()) {
            return RejectReason.MINIMUM_ORDER_SIZE_VIOLATION;
        }
        switch (c.timeInForce) {
            case IOC -> {
                if (c.postOnly) {
                    return RejectReason.CONTRACT_VIOLATION;
                }
                long matchable = walker.matchable(b, opposite, c.price, c.quantity, c.agentId, c.stp);
                if (matchable == 0) {
                    return RejectReason.CONTRACT_VIOLATION;
                }
                c.quantity = matchable;
            }
            case FOK -> {
                if (c.postOnly || !walker.fillsCompletely(b, opposite, c.price, c.quantity, c.agentId, c.stp)) {
                    return RejectReason.CONTRACT_VIOLATION;
                }
            }
            case GTC, GTT -> {
                if (c.postOnly && !walker.restsWithoutTaking(b, opposite, c.price, c.quantity, c.agentId, c.stp)) {
                    return RejectReason.CONTRACT_VIOLATION;
                }
            }
        }
        c.matchLimit = c.price;
        c.referencePrice = c.price;
        c.volume = ownVolume(c.quantity, c.leverage, r.volume());
        return null;
    }

    /**
     * Checks and sizes a market order; returns null when it may enter. {@code internal} orders (margin-call
     * liquidations and position closes) skip the minimum size, so a small loan can always be repaid, and are cut
     * to what the agent holds: a sell to its free base, a buy to what its free quote pays for on the book.
     */
    public RejectReason market(OrderCommand c, BookState book, boolean internal) {
        BookRules r = book.rules;
        RejectReason common = common(c, r);
        if (common != null) {
            return common;
        }
        if (c.maxSlippage < 0) {
            return RejectReason.INVALID_INSTRUCTION;
        }
        OrderBook b = book.book;
        long best = c.buys() ? b.bestAsk() : b.bestBid();
        if (best == OrderBook.NO_PRICE) {
            return RejectReason.EMPTY_BOOK;
        }
        c.referencePrice = best;
        c.matchLimit = slippageBound(c, best, r.price());
        if (c.currency == OrderCommand.BASE) {
            c.quantity = leveraged(c.volume, c.leverage, r.volume(), r.volume());
        } else {
            long notional = leveraged(c.volume, c.leverage, r.quote(), r.volume());
            walker.notional(b, c.side.opposite(), c.matchLimit, notional, c.agentId, c.stp, r.price(), r.volume(),
                    r.quote());
            c.quantity = walker.volume();
        }
        if (internal) {
            // a liquidation or close trades what the agent can pay for, instead of failing outright
            if (c.buys()) {
                walker.notional(b, Side.SELL, c.matchLimit, accounts.quoteFree(c.account), c.agentId, c.stp,
                        r.price(), r.volume(), r.quote());
                c.quantity = Math.min(c.quantity, walker.volume());
            } else {
                c.quantity = Math.min(c.quantity,
                        Fixed.rescale(accounts.baseFree(c.account), r.base(), r.volume(), Fixed.DOWN));
            }
        }
        if (c.quantity == 0 || (!internal && c.quantity < r.minOrderSize())) {
            return RejectReason.MINIMUM_ORDER_SIZE_VIOLATION;
        }
        c.volume = ownVolume(c.quantity, c.leverage, r.volume());
        return null;
    }

    private static RejectReason common(OrderCommand c, BookRules r) {
        if (c.leverage < 0 || c.leverage > r.maxLeverage()) {
            return RejectReason.INVALID_LEVERAGE;
        }
        if (c.volume <= 0) {
            return RejectReason.INVALID_VOLUME;
        }
        if (!SettleFlag.isValid(c.settleFlag)) {
            return RejectReason.INVALID_INSTRUCTION;
        }
        return null;
    }

    /**
     * A market order's price bound: BUY {@code trunc(bestAsk·(1+s), P)}, SELL {@code trunc(bestBid·(1-s), P)}
     * (no bound when {@code s = 0}, or when a SELL bound would not be positive).
     */
    static long slippageBound(OrderCommand c, long best, int priceScale) {
        if (c.maxSlippage == 0) {
            return OrderBook.NO_PRICE;
        }
        long factor = c.buys() ? Rate.ONE + c.maxSlippage
                : Rate.ONE - c.maxSlippage;
        if (factor <= 0) {
            return OrderBook.NO_PRICE;
        }
        long bound = Fixed.multiplyDivide(best, factor, Rate.ONE, Fixed.DOWN);
        return bound > 0 ? bound : OrderBook.NO_PRICE;
    }

    /** {@code trunc(amount · (1 + leverage))} at the amount's scale; leverage at the volume decimals. */
    static long leveraged(long amount, long leverage, int amountScale, int volumeScale) {
        if (leverage == 0) {
            return amount;
        }
        return amount + Fixed.multiply(amount, amountScale, leverage, volumeScale, amountScale, Fixed.DOWN);
    }

    /** The agent's own share of a traded quantity: {@code trunc(quantity / (1 + leverage), V)}. */
    public static long ownVolume(long quantity, long leverage, int volumeScale) {
        if (leverage == 0) {
            return quantity;
        }
        long one = Scale.pow10(volumeScale);
        return Fixed.multiplyDivide(quantity, one, one + leverage, Fixed.DOWN);
    }
}
