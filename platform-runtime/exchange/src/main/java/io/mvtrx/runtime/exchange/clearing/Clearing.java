package io.mvtrx.runtime.exchange.clearing;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.matching.MatchSink;
import io.mvtrx.runtime.exchange.ExchangeListener;
import io.mvtrx.runtime.exchange.fixed.Fixed;
import io.mvtrx.runtime.exchange.intake.Intake;
import io.mvtrx.runtime.exchange.state.Accounts;
import io.mvtrx.runtime.exchange.state.BookRules;
import io.mvtrx.runtime.exchange.state.BookState;
import io.mvtrx.runtime.exchange.state.LoanTable;
import io.mvtrx.runtime.exchange.state.OrderCommand;
import io.mvtrx.runtime.exchange.state.OrderTable;
import io.mvtrx.runtime.exchange.state.StopTriggers;

/**
 * Stage 4 of the pipeline: the {@link MatchSink} the exchange hands to the book. Every fill is settled the moment
 * the book reports it (simulator-054.md §4.6):
 *
 * <ul>
 *   <li>notional {@code n = trunc(p·v, Q)}; fees {@code trunc(rate·n, Q)} at the taker's and the maker's rate
 *       (negative rates are rebates);</li>
 *   <li>the buyer spends {@code n} quote from its order's reservation (a leveraged buyer instead locks its share
 *       {@code trunc(n/(1+L), Q)} as collateral and borrows {@code n}), receives {@code v} base and pays its fee in
 *       base: {@code ceil(fee/p, B)} out of what it receives, with {@code trunc(feeBase·p − fee, Q)} refunded in
 *       quote; a negative fee is paid to it in quote;</li>
 *   <li>the seller spends {@code v} base from its reservation (a leveraged seller locks {@code trunc(v/(1+L), B)}
 *       and borrows {@code v}) and receives {@code n − fee} quote;</li>
 *   <li>what a side receives then repays its opposite-direction loans per its order's settle flag: NONE nothing,
 *       FIFO oldest order first, an order id only that order's loan; each repayment frees collateral in
 *       proportion;</li>
 *   <li>the fee policy records {@code n} for both agents; the exchange keeps the fees
 *       ({@link BookState#feesBase}, {@link BookState#feesQuote});</li>
 *   <li>the trade price feeds the book's {@link StopTriggers}, then each side's fill drains or opens its
 *       stop-loss/take-profit coverage.</li>
 * </ul>
 *
 * After each fill or self-trade cancel the resting order either leaves (its whole remaining reservation is freed)
 * or keeps exactly what its remainder needs (stage 5, {@link #resize}): an unleveraged buy keeps
 * {@code trunc(price·remaining, Q)} quote, an unleveraged sell {@code remaining} base, a leveraged order its legs
 * in proportion. So {@code Σ(total + collateral − loan) + fees} per currency never changes.
 *
 * <p>Not thread-safe; allocation-free; O(1) per fill plus O(loans of the account) when a repayment is due.
 */
public final class Clearing implements MatchSink {

    private final Accounts accounts;
    private final FeePolicy fees;
    private final ExchangeListener listener;
    private final long maintenanceMargin;

    private final StopTriggers.Dispatch stopDispatch;
    private BookState book;
    private OrderCommand taker;
    private long now;
    private long filled;

    /**
     * @param stopDispatch receives stop-loss and take-profit legs that trades fire
     */
    public Clearing(Accounts accounts, FeePolicy fees, ExchangeListener listener, long maintenanceMargin,
                    StopTriggers.Dispatch stopDispatch) {
        this.accounts = accounts;
        this.fees = fees;
        this.listener = listener;
        this.maintenanceMargin = maintenanceMargin;
        this.stopDispatch = stopDispatch;
    }

    /** Prepares for the matching of one incoming order. */
    public void begin(BookState state, OrderCommand command, long time) {
        this.book = state;
        this.taker = command;
        this.now = time;
        this.filled = 0;
    }

    /** Quantity the incoming order traded so far. */
    public long filled() {
        return filled;
    }

    @Override
    public void onFill(long makerOrderId, int makerAgentId, int makerHandle, long price, long quantity,
                       long makerRemaining) {
        OrderTable orders = book.orders;
        BookRules r = book.rules;
        int maker = maker(makerOrderId, makerHandle);
        long notional = Fixed.multiply(price, r.price(), quantity, r.volume(), r.quote(), Fixed.DOWN);
        long takerFee = Fixed.ofRate(fees.takerRate(taker.agentId, r.bookId()), notional);
        long makerFee = Fixed.ofRate(fees.makerRate(makerAgentId, r.bookId()), notional);
        long base = Fixed.rescale(quantity, r.volume(), r.base(), Fixed.DOWN);
        int takerSlot = taker.slot;
        if (taker.side == Side.BUY) {
            buyer(takerSlot, taker.referencePrice, price, notional, base, quantity, takerFee);
            seller(maker, orders.price(maker), price, notional, base, quantity, makerFee);
        } else {
            seller(takerSlot, taker.referencePrice, price, notional, base, quantity, takerFee);
            buyer(maker, orders.price(maker), price, notional, base, quantity, makerFee);
        }
        fees.recordTrade(r.bookId(), now, makerAgentId, taker.agentId, notional);
        book.lastPrice = price;
        filled += quantity;
        orders.quantity(takerSlot, orders.quantity(takerSlot) - quantity);
        listener.onTrade(now, r.bookId(), book.nextTradeId++, taker.side, taker.orderId, makerOrderId,
                taker.agentId, makerAgentId, price, quantity, takerFee, makerFee);
        StopTriggers stops = book.stops;
        stops.onPrice(price, stopDispatch);
        if (stops.size() > 0 || orders.isProtected(takerSlot) || orders.isProtected(maker)) {
            stops.onFill(taker.agentId, taker.side.ordinal(), quantity, price, taker.stopLoss, taker.takeProfit,
                    taker.clientOrderId, taker.orderId);
            stops.onFill(makerAgentId, 1 - taker.side.ordinal(), quantity, price, orders.stopLoss(maker),
                    orders.takeProfit(maker), orders.clientOrderId(maker), makerOrderId);
        }
        orders.quantity(maker, orders.quantity(maker) - quantity);
        resize(book, maker, makerRemaining);
    }

    @Override
    public void onSelfTradeCancel(long makerOrderId, int makerHandle, long price, long quantity,
                                  long makerRemaining) {
        OrderTable orders = book.orders;
        int maker = maker(makerOrderId, makerHandle);
        long leverage = orders.leverage(maker);
        int volumeScale = book.rules.volume();
        int agent = orders.agentId(maker);
        resize(book, maker, makerRemaining);
        listener.onCancelled(now, book.rules.bookId(), makerOrderId, agent, price,
                Intake.ownVolume(quantity, leverage, volumeScale),
                Intake.ownVolume(makerRemaining, leverage, volumeScale), CancelReason.SELF_TRADE);
    }

    /** The slot of a resting order the book reports: its handle, checked against the order table. */
    private int maker(long orderId, int handle) {
        OrderTable orders = book.orders;
        if (handle < 0 || handle >= orders.limit() || !orders.isUsed(handle) || orders.id(handle) != orderId) {
            throw new IllegalStateException(String.format("book %d reported resting order %d with handle %d, "
                    + "which is not its slot", book.rules.bookId(), orderId, handle));
        }
        return handle;
    }

    /** Settles the buying side of a fill for the order in {@code slot}. */
    private void buyer(int slot, long referencePrice, long price, long notional, long base, long quantity,
                       long fee) {
        OrderTable orders = book.orders;
        BookRules r = book.rules;
        int a = orders.account(slot);
        long leverage = orders.leverage(slot);
        if (leverage == 0) {
            long reserved = orders.reservedQuote(slot);
            if (notional > reserved) {
                throw new IllegalStateException(String.format(
                        "book %d order %d: fill costs %d quote but only %d is reserved", r.bookId(),
                        orders.id(slot), notional, reserved));
            }
            orders.reservedQuote(slot, reserved - notional);
            accounts.spendQuote(a, notional);
        } else {
            long one = r.volumeUnit();
            long share = Fixed.multiplyDivide(notional, one, one + leverage, Fixed.DOWN);
            long quote = Math.min(orders.reservedQuote(slot), share);
            long baseCollateral = 0;
            if (quote < share) {
                long ref = orders.type(slot) == OrderCommand.LIMIT ? orders.price(slot) : referencePrice;
                baseCollateral = Math.min(orders.reservedBase(slot),
                        Fixed.divide(share - quote, r.quote(), ref, r.price(), r.base(), Fixed.CEILING));
            }
            lock(slot, a, baseCollateral, quote);
            borrow(slot, a, LoanTable.BUY, leverage, notional, baseCollateral, quote, notional, base);
        }
        long feeBase = 0;
        long quoteBack;
        if (fee > 0) {
            feeBase = Fixed.divide(fee, r.quote(), price, r.price(), r.base(), Fixed.CEILING);
            quoteBack = Fixed.multiply(feeBase, r.base(), price, r.price(), r.quote(), Fixed.DOWN) - fee;
        } else {
            quoteBack = -fee;
        }
        long received = base - feeBase;
        accounts.creditBase(a, received);
        accounts.creditQuote(a, quoteBack);
        book.feesBase += feeBase;
        book.feesQuote -= quoteBack;
        repay(a, LoanTable.SELL, received, orders.settleFlag(slot), price);
    }

    /** Settles the selling side of a fill for the order in {@code slot}. */
    private void seller(int slot, long referencePrice, long price, long notional, long base, long quantity,
                        long fee) {
        OrderTable orders = book.orders;
        BookRules r = book.rules;
        int a = orders.account(slot);
        long leverage = orders.leverage(slot);
        if (leverage == 0) {
            long reserved = orders.reservedBase(slot);
            if (base > reserved) {
                throw new IllegalStateException(String.format(
                        "book %d order %d: fill delivers %d base but only %d is reserved", r.bookId(),
                        orders.id(slot), base, reserved));
            }
            orders.reservedBase(slot, reserved - base);
            accounts.spendBase(a, base);
        } else {
            long one = r.volumeUnit();
            long share = Fixed.multiplyDivide(base, one, one + leverage, Fixed.DOWN);
            long baseCollateral = Math.min(orders.reservedBase(slot), share);
            long quote = 0;
            if (baseCollateral < share) {
                long ref = orders.type(slot) == OrderCommand.LIMIT ? orders.price(slot) : referencePrice;
                quote = Math.min(orders.reservedQuote(slot),
                        Fixed.multiply(share - baseCollateral, r.base(), ref, r.price(), r.quote(), Fixed.CEILING));
            }
            lock(slot, a, baseCollateral, quote);
            borrow(slot, a, LoanTable.SELL, leverage, base, baseCollateral, quote, notional, base);
        }
        long received = notional - fee;
        accounts.creditQuote(a, received);
        book.feesQuote += fee;
        repay(a, LoanTable.BUY, received, orders.settleFlag(slot), price);
    }

    /** Moves reserved funds of an order into collateral. */
    private void lock(int slot, int a, long base, long quote) {
        OrderTable orders = book.orders;
        orders.reservedBase(slot, orders.reservedBase(slot) - base);
        orders.reservedQuote(slot, orders.reservedQuote(slot) - quote);
        accounts.spendBase(a, base);
        accounts.spendQuote(a, quote);
        accounts.addCollateral(a, base, quote);
    }

    /** Records a leveraged fill's loan under its order and refreshes the loan's margin-call price. */
    private void borrow(int slot, int a, int loanSide, long leverage, long owed, long baseCollateral,
                        long quoteCollateral, long notional, long quantity) {
        OrderTable orders = book.orders;
        LoanTable loans = book.loans;
        BookRules r = book.rules;
        long orderId = orders.id(slot);
        int loan = loans.slot(orderId);
        if (loan == LoanTable.MISSING) {
            loan = loans.open(orderId, orders.agentId(slot), a, loanSide, leverage);
        }
        loans.borrow(loan, owed, baseCollateral, quoteCollateral, notional, quantity);
        if (loanSide == LoanTable.BUY) {
            accounts.addLoan(a, 0, owed);
        } else {
            accounts.addLoan(a, owed, 0);
        }
        loans.marginCallPrice(loan, marginCallPrice(r, loanSide, leverage, loans.entryNotional(loan),
                loans.entryQuantity(loan), maintenanceMargin));
    }

    /**
     * The price at which a loan is liquidated, from the position's volume-weighted entry price {@code e}:
     * buy loans {@code e·L / ((1+L)(1−mm))}, sell loans {@code e·(2+L) / ((1+L)(1+mm))}, truncated.
     */
    public static long marginCallPrice(BookRules r, int loanSide, long leverage, long notional, long quantity,
                                       long maintenanceMargin) {
        if (quantity == 0) {
            return 0;
        }
        long entry = Fixed.divide(notional, r.quote(), quantity, r.base(), r.price(), Fixed.DOWN);
        long one = r.volumeUnit();
        if (loanSide == LoanTable.BUY) {
            long scaled = Fixed.multiplyDivide(entry, leverage, one + leverage, Fixed.DOWN);
            return Fixed.multiplyDivide(scaled, Rate.ONE, Rate.ONE - maintenanceMargin, Fixed.DOWN);
        }
        long scaled = Fixed.multiplyDivide(entry, 2 * one + leverage, one + leverage, Fixed.DOWN);
        return Fixed.multiplyDivide(scaled, Rate.ONE, Rate.ONE + maintenanceMargin, Fixed.DOWN);
    }

    /**
     * Repays the account's loans of {@code loanSide} with {@code received} (quote for buy loans, base for sell
     * loans) as the settle flag says.
     */
    private void repay(int a, int loanSide, long received, long settleFlag, long price) {
        if (settleFlag == SettleFlag.NONE || received <= 0) {
            return;
        }
        if (loanSide == LoanTable.BUY ? accounts.quoteLoan(a) == 0 : accounts.baseLoan(a) == 0) {
            return;
        }
        LoanTable loans = book.loans;
        if (settleFlag == SettleFlag.FIFO) {
            int loan = loans.first(a);
            while (loan != -1 && received > 0) {
                int following = loans.next(loan);
                if (loans.side(loan) == loanSide) {
                    received -= settle(loan, Math.min(received, loans.amount(loan)));
                }
                loan = following;
            }
            return;
        }
        int loan = loans.slot(settleFlag);
        if (loan != LoanTable.MISSING && loans.account(loan) == a && loans.side(loan) == loanSide) {
            settle(loan, Math.min(received, loans.amount(loan)));
        }
    }

    /** Repays {@code x} of a loan out of the account's free funds, freeing collateral in proportion. */
    private long settle(int loan, long x) {
        LoanTable loans = book.loans;
        int a = loans.account(loan);
        long owed = loans.amount(loan);
        long base = loans.baseCollateral(loan);
        long quote = loans.quoteCollateral(loan);
        if (x < owed) {
            base = Fixed.multiplyDivide(base, x, owed, Fixed.DOWN);
            quote = Fixed.multiplyDivide(quote, x, owed, Fixed.DOWN);
        }
        loans.repay(loan, x, base, quote);
        accounts.addCollateral(a, -base, -quote);
        accounts.creditBase(a, base);
        accounts.creditQuote(a, quote);
        if (loans.side(loan) == LoanTable.BUY) {
            accounts.creditQuote(a, -x);
            accounts.addLoan(a, 0, -x);
        } else {
            accounts.creditBase(a, -x);
            accounts.addLoan(a, -x, 0);
        }
        if (loans.amount(loan) == 0) {
            loans.close(loan);
        }
        return x;
    }

    /**
     * Closes out a liquidated loan against its collateral: the collateral returns to the account, then the account's
     * free funds in the loan's currency repay as much of the loan as they can (all of it when the liquidation
     * happened at or above the margin-call price). A loan left over has no collateral (a shortfall the agent owes).
     */
    public void netCollateral(BookState state, int loan) {
        LoanTable loans = state.loans;
        int a = loans.account(loan);
        long base = loans.baseCollateral(loan);
        long quote = loans.quoteCollateral(loan);
        loans.repay(loan, 0, base, quote);
        accounts.addCollateral(a, -base, -quote);
        accounts.creditBase(a, base);
        accounts.creditQuote(a, quote);
        long owed = loans.amount(loan);
        long x;
        if (loans.side(loan) == LoanTable.BUY) {
            x = Math.min(owed, Math.max(0, accounts.quoteFree(a)));
            accounts.creditQuote(a, -x);
            accounts.addLoan(a, 0, -x);
        } else {
            x = Math.min(owed, Math.max(0, accounts.baseFree(a)));
            accounts.creditBase(a, -x);
            accounts.addLoan(a, -x, 0);
        }
        loans.repay(loan, x, 0, 0);
        if (loans.amount(loan) == 0) {
            loans.close(loan);
        }
    }

    /**
     * Stage 5 for one order: it now holds {@code remaining} traded quantity. At 0 it leaves — every reservation
     * left is freed and its slot returned; otherwise it keeps exactly what the remainder needs and frees the rest.
     * For a leveraged order "what it needs" is its legs in proportion {@code remaining / quantity()}, where
     * {@code quantity()} is what the legs back now (fills already took their collateral).
     */
    public void resize(BookState state, int slot, long remaining) {
        OrderTable orders = state.orders;
        if (remaining == 0) {
            retire(state, slot);
            return;
        }
        BookRules r = state.rules;
        int a = orders.account(slot);
        long before = orders.quantity(slot);
        long keepBase;
        long keepQuote;
        if (orders.leverage(slot) == 0) {
            if (orders.side(slot) == 0) {
                keepBase = 0;
                keepQuote = Fixed.multiply(orders.price(slot), r.price(), remaining, r.volume(), r.quote(),
                        Fixed.DOWN);
            } else {
                keepBase = Fixed.rescale(remaining, r.volume(), r.base(), Fixed.DOWN);
                keepQuote = 0;
            }
        } else {
            keepBase = Fixed.multiplyDivide(orders.reservedBase(slot), remaining, Math.max(before, remaining),
                    Fixed.DOWN);
            keepQuote = Fixed.multiplyDivide(orders.reservedQuote(slot), remaining, Math.max(before, remaining),
                    Fixed.DOWN);
        }
        long freeBase = orders.reservedBase(slot) - keepBase;
        long freeQuote = orders.reservedQuote(slot) - keepQuote;
        if (freeBase < 0 || freeQuote < 0) {
            throw new IllegalStateException(String.format(
                    "book %d order %d: reservation (%d base, %d quote) below what %d needs", r.bookId(),
                    orders.id(slot), orders.reservedBase(slot), orders.reservedQuote(slot), remaining));
        }
        orders.reservedBase(slot, keepBase);
        orders.reservedQuote(slot, keepQuote);
        accounts.releaseBase(a, freeBase);
        accounts.releaseQuote(a, freeQuote);
        orders.quantity(slot, remaining);
    }

    /** An order leaves: frees its reservation, its open-order count and its slot. */
    public void retire(BookState state, int slot) {
        OrderTable orders = state.orders;
        int a = orders.account(slot);
        accounts.releaseBase(a, orders.reservedBase(slot));
        accounts.releaseQuote(a, orders.reservedQuote(slot));
        if (orders.type(slot) == OrderCommand.LIMIT) {
            accounts.addOpenOrders(a, -1);
        }
        if (orders.leverage(slot) > 0) {
            accounts.addLeveragedOrders(a, orders.side(slot), -1);
        }
        orders.remove(slot);
    }
}
