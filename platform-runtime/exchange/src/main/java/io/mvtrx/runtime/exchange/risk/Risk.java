package io.mvtrx.runtime.exchange.risk;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.runtime.exchange.fixed.Fixed;
import io.mvtrx.runtime.exchange.intake.BookWalker;
import io.mvtrx.runtime.exchange.state.Accounts;
import io.mvtrx.runtime.exchange.state.BookRules;
import io.mvtrx.runtime.exchange.state.BookState;
import io.mvtrx.runtime.exchange.state.OrderCommand;

/**
 * Stage 2 of the pipeline: works out what an accepted order must lock and whether the agent has it
 * (simulator-054.md §4.4 — reservations carry no fee factor; fees are settled from proceeds).
 *
 * <ul>
 *   <li>BUY: walk the asks within the order's price bound (own orders skipped for CO, CN, CB) up to its quantity:
 *       {@code Σ trunc(p·v, Q)} for what it would take, plus {@code trunc(limit·rest, Q)} for what would rest
 *       (limit orders); quote. An unleveraged limit buy whose agent can afford {@code trunc(limit·quantity, Q)}
 *       books that bound instead, without the walk: the decision is the same (the exact amount is at most the
 *       bound), and once the order is done so is every balance (fills spend their notional, the remainder keeps
 *       {@code trunc(limit·rest, Q)}, the excess is freed).</li>
 *   <li>SELL: the quantity, in base.</li>
 *   <li>Leverage L &gt; 0: the agent's own share {@code trunc(amount/(1+L))}; the position
 *       {@code amount − share} is borrowed at fill time. The share is booked in the order's currency while the free
 *       balance suffices, the rest in the other currency at the reference price
 *       ({@code ceil(rest/price, B)} base or {@code ceil(rest·price, Q)} quote). The agent's free wealth
 *       {@code trunc(base.free·price, Q) + quote.free} must cover the share, and its loans after this one (in quote
 *       at the reference price) must stay within {@code maxLoan} — else {@code EXCEEDING_LOAN}.</li>
 *   <li>Dual position: a leveraged order is refused while the agent has a loan in the order's own currency or an
 *       open leveraged order on the other side — {@code DUAL_POSITION}.</li>
 * </ul>
 *
 * Writes the two reservation legs into the command; books nothing (the exchange does once all checks pass). Not
 * thread-safe; cost O(1) for sells and affordable unleveraged limit buys, a walk over the crossable asks for other
 * buys.
 */
public final class Risk {

    private final Accounts accounts;
    private final BookWalker walker;
    private final long maxLoan;

    public Risk(Accounts accounts, BookWalker walker, long maxLoan) {
        this.accounts = accounts;
        this.walker = walker;
        this.maxLoan = maxLoan;
    }

    /** Sizes the reservation of a checked order and tests the funds; returns null when they suffice. */
    public RejectReason reserve(OrderCommand c, BookState book) {
        BookRules r = book.rules;
        long amount;
        if (c.buys() && c.type == OrderCommand.LIMIT && c.leverage == 0) {
            // Every fill is at or below the limit, so trunc(limit·quantity) bounds the exact amount below. When the
            // agent can afford the bound, the exact amount is affordable too and the walk can be skipped: booking
            // the bound instead changes nothing once the order is done, because each fill spends its notional and
            // stage 5 keeps exactly trunc(limit·remaining) for a remainder that rests and frees the rest.
            long bound = Fixed.multiply(c.price, r.price(), c.quantity, r.volume(), r.quote(), Fixed.DOWN);
            if (bound <= accounts.quoteFree(c.account)) {
                c.reserveQuote = bound;
                return null;
            }
        }
        if (c.buys()) {
            walker.cost(book.book, Side.SELL, c.matchLimit, c.quantity, c.agentId, c.stp, r.price(), r.volume(),
                    r.quote());
            amount = walker.quote();
            if (c.type == OrderCommand.LIMIT) {
                amount += Fixed.multiply(c.price, r.price(), c.quantity - walker.volume(), r.volume(), r.quote(),
                        Fixed.DOWN);
            }
        } else {
            amount = Fixed.rescale(c.quantity, r.volume(), r.base(), Fixed.DOWN);
        }
        if (c.leverage == 0) {
            if (c.buys()) {
                if (amount > accounts.quoteFree(c.account)) {
                    return RejectReason.INSUFFICIENT_QUOTE;
                }
                c.reserveQuote = amount;
            } else {
                if (amount > accounts.baseFree(c.account)) {
                    return RejectReason.INSUFFICIENT_BASE;
                }
                c.reserveBase = amount;
            }
            return null;
        }
        return reserveLeveraged(c, r, amount);
    }

    private RejectReason reserveLeveraged(OrderCommand c, BookRules r, long amount) {
        int a = c.account;
        boolean buy = c.buys();
        if (buy ? accounts.baseLoan(a) > 0 || accounts.leveragedOrders(a, 1) > 0
                : accounts.quoteLoan(a) > 0 || accounts.leveragedOrders(a, 0) > 0) {
            return RejectReason.DUAL_POSITION;
        }
        long price = c.referencePrice;
        if (price == OrderBook.NO_PRICE) {
            return RejectReason.EMPTY_BOOK;
        }
        long one = r.volumeUnit();
        long share = Fixed.multiplyDivide(amount, one, one + c.leverage, Fixed.DOWN);
        long shareInQuote = buy ? share
                : Fixed.multiply(share, r.base(), price, r.price(), r.quote(), Fixed.CEILING);
        long wealth = Fixed.multiply(accounts.baseFree(a), r.base(), price, r.price(), r.quote(), Fixed.DOWN)
                + accounts.quoteFree(a);
        if (shareInQuote > wealth) {
            return RejectReason.EXCEEDING_LOAN;
        }
        long borrowedInQuote = buy ? amount - share
                : Fixed.multiply(amount - share, r.base(), price, r.price(), r.quote(), Fixed.CEILING);
        long loans = Fixed.multiply(accounts.baseLoan(a), r.base(), price, r.price(), r.quote(), Fixed.CEILING)
                + accounts.quoteLoan(a);
        if (borrowedInQuote + loans > maxLoan) {
            return RejectReason.EXCEEDING_LOAN;
        }
        if (buy) {
            long free = accounts.quoteFree(a);
            if (share <= free) {
                c.reserveQuote = share;
            } else {
                c.reserveQuote = free;
                c.reserveBase = Fixed.divide(share - free, r.quote(), price, r.price(), r.base(), Fixed.CEILING);
            }
        } else {
            long free = accounts.baseFree(a);
            if (share <= free) {
                c.reserveBase = share;
            } else {
                c.reserveBase = free;
                c.reserveQuote = Fixed.multiply(share - free, r.base(), price, r.price(), r.quote(), Fixed.CEILING);
            }
        }
        if (c.reserveBase > accounts.baseFree(a) || c.reserveQuote > accounts.quoteFree(a)) {
            return RejectReason.EXCEEDING_LOAN;
        }
        return null;
    }
}
