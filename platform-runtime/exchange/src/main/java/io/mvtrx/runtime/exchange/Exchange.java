package io.mvtrx.runtime.exchange;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.account.Loan;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderList;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.MatchingRule;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.runtime.exchange.clearing.Clearing;
import io.mvtrx.runtime.exchange.fixed.Fixed;
import io.mvtrx.runtime.exchange.intake.BookWalker;
import io.mvtrx.runtime.exchange.intake.Intake;
import io.mvtrx.runtime.exchange.risk.Risk;
import io.mvtrx.runtime.exchange.state.Accounts;
import io.mvtrx.runtime.exchange.state.BookRules;
import io.mvtrx.runtime.exchange.state.BookState;
import io.mvtrx.runtime.exchange.state.ExpirySchedule;
import io.mvtrx.runtime.exchange.state.LoanTable;
import io.mvtrx.runtime.exchange.state.OrderCommand;
import io.mvtrx.runtime.exchange.state.OrderTable;
import io.mvtrx.runtime.exchange.state.StopTriggers;

/**
 * A multi-book exchange: validation, reservation, matching under a pluggable rule, settlement with a pluggable
 * fee policy, leverage and loans, GTT expiry, and the L3 stream and L2 snapshots. Every placement runs the same
 * pipeline, one stage per package:
 *
 * <ol>
 *   <li><b>intake</b> ({@code Intake}): parameter checks, sizing to the book's decimals, open-order and minimum-size
 *       limits, IOC/FOK/post-only contracts — a refusal changes nothing;</li>
 *   <li><b>risk</b> ({@code Risk}): the reservation the order needs (no fee factor), funds, loan limit, dual
 *       position — a refusal changes nothing;</li>
 *   <li><b>book</b>: the order gets its per-book id, its reservation is booked, and the matching rule's
 *       {@link OrderBook#match} runs;</li>
 *   <li><b>clearing</b> ({@code Clearing}, the book's {@code MatchSink}): each fill is settled as it happens —
 *       fees, the buyer's fee in base, loans and repayments per settle flag;</li>
 *   <li><b>release</b>: a remainder rests (GTC, GTT) keeping exactly the reservation it needs, or is dropped (IOC,
 *       FOK, market) and everything left is freed;</li>
 *   <li><b>journal</b>: every outcome goes to the {@link ExchangeListener} in the order its doc states;
 *       {@link EventRecorder} turns them into {@code BookEvent} and {@code Notice} records; {@link #snapshot} and
 *       {@link #account} publish L2 and accounts.</li>
 * </ol>
 *
 * <p>Hot-path entry methods take primitives and return the new order id (&ge; 0) or a negative
 * {@link RejectReason#code()}; they copy their arguments into one reused command, so a placement allocates
 * nothing in steady state. {@link #submit} is the boundary for the sealed {@link Instruction} records.
 *
 * {@snippet :
 * Exchange exchange = new Exchange(ExchangeSpec.production(1), priceTime, fees, listener);
 * exchange.deposit(7, 0, 1_000_000, 300_000_000_000_000L);        // 100 base, 30 000 quote
 * long id = exchange.placeLimit(7, 0, Side.BUY, 30_010, 15_000, TimeInForce.GTC, StpMode.CO);
 * }
 *
 * <p>Time: {@link #advanceTo} moves the clock (never backwards) and expires due GTT orders first; {@link #step}
 * marks a simulation step start (fee-policy roll, margin calls). Amounts use each book's decimals
 * ({@link ExchangeSpec#decimals}): prices P, volumes V (QUOTE-sized orders Q), leverage V, balances B and Q.
 *
 * <p>Checkpoints: the exchange is {@link Snapshottable} when its matching rule's books are — it saves its clock,
 * accounts, every book's engine state (order table, loans, stop triggers, id counters, fees, last price, and the
 * rule's book as a section of its own) and the GTT schedule; the fee policy is the caller's to save.
 *
 * <p>Not thread-safe: one exchange per writer thread (the reference runs one exchange per block). Cost per order:
 * O(1) plus the fills it makes, plus — for buys, QUOTE sizes and IOC/FOK/post-only — one walk over the crossable
 * part of the opposite side. An {@link IllegalStateException} means a broken invariant, never a business outcome.
 */
public final class Exchange implements Snapshottable {
    // values() clones its array on every call; these are read once per order and event
    private static final Side[] SIDES = Side.values();
    private static final TimeInForce[] TIMES_IN_FORCE = TimeInForce.values();
    private static final StpMode[] STP_MODES = StpMode.values();

    private final ExchangeSpec spec;
    private final FeePolicy fees;
    private final ExchangeListener listener;
    private final BookState[] books;
    private final Accounts accounts;
    private final Intake intake;
    private final Risk risk;
    private final Clearing clearing;
    private final ExpirySchedule expiries = new ExpirySchedule();
    private final OrderCommand command = new OrderCommand();
    private final long maintenanceMargin;
    private final PendingStops stops = new PendingStops();
    private long now;
    private long[] due = new long[16];

    /** Fired stop-loss/take-profit legs waiting for the current operation to finish, first in first out. */
    private final class PendingStops implements StopTriggers.Dispatch {

        private int[] agent = new int[8];
        private int[] book = new int[8];
        private int[] side = new int[8];
        private long[] quantity = new long[8];
        private long[] clientOrderId = new long[8];
        private int head;
        private int tail;
        private int firingBook;

        @Override
        public void fire(int agentId, int closingSide, long amount, long clientId, long orderId, int reason) {
            if (tail == agent.length) {
                compact();
            }
            agent[tail] = agentId;
            book[tail] = firingBook;
            side[tail] = closingSide;
            quantity[tail] = amount;
            clientOrderId[tail] = clientId;
            tail++;
            listener.onStopTriggered(now, firingBook, agentId, orderId, SIDES[closingSide], amount, reason);
        }

        private void compact() {
            int n = tail - head;
            int size = n * 2 >= agent.length ? agent.length * 2 : agent.length;
            agent = Arrays.copyOfRange(agent, head, head + size);
            book = Arrays.copyOfRange(book, head, head + size);
            side = Arrays.copyOfRange(side, head, head + size);
            quantity = Arrays.copyOfRange(quantity, head, head + size);
            clientOrderId = Arrays.copyOfRange(clientOrderId, head, head + size);
            head = 0;
            tail = n;
        }

        /** Sends the closing market orders, including those that the closes themselves fire. */
        void run() {
            while (head < tail) {
                int i = head++;
                placeMarketOrder(agent[i], book[i], SIDES[side[i]], quantity[i], Currency.BASE, 0, 0,
                        StpMode.CO, clientOrderId[i], SettleFlag.FIFO, 0, 0, true);
            }
            head = 0;
            tail = 0;
        }
    }

    /**
     * Builds an exchange with empty books and no accounts.
     *
     * @param spec     books, decimals and limits
     * @param rule     the matching rule that makes the books
     * @param fees     the fee policy, created for this exchange
     * @param listener receives every outcome (use {@link ExchangeListener#NONE} to ignore them)
     */
    public Exchange(ExchangeSpec spec, MatchingRule rule, FeePolicy fees, ExchangeListener listener) {
        this.spec = spec;
        this.fees = fees;
        this.listener = listener;
        this.books = new BookState[spec.bookCount()];
        for (int b = 0; b < books.length; b++) {
            BookDecimals decimals = spec.decimals(b);
            BookRules rules = BookRules.of(b, decimals, spec.minOrderSize(), spec.maxLeverage(),
                    spec.initialPrice());
            OrderBook book = rule.newBook(new BookSpec(b, decimals, spec.expectedOrders()));
            books[b] = new BookState(rules, book, new OrderTable(spec.expectedOrders()));
        }
        this.accounts = new Accounts(books.length, 64);
        BookWalker walker = new BookWalker();
        this.intake = new Intake(accounts, spec.maxOpenOrders(), walker);
        long maxLoan = spec.decimals(0).quote().toScaled(spec.maxLoan(), RoundingMode.DOWN);
        this.risk = new Risk(accounts, walker, maxLoan);
        this.maintenanceMargin = Rate.SCALE.toScaled(spec.maintenanceMargin(), RoundingMode.DOWN);
        this.clearing = new Clearing(accounts, fees, listener, maintenanceMargin, stops);
    }

    /** The exchange's configuration. */
    public ExchangeSpec spec() {
        return spec;
    }

    /** Current time, ns. */
    public long now() {
        return now;
    }

    // ------------------------------------------------------------------------------------------------ time

    /**
     * Moves the clock to {@code timestamp} and expires every GTT order whose expiry is {@code <= timestamp},
     * earliest first.
     *
     * @throws IllegalArgumentException if {@code timestamp} is before the current time
     */
    public void advanceTo(long timestamp) {
        if (timestamp < now) {
            throw new IllegalArgumentException(
                    String.format("time must not go backwards: now %d, asked %d", now, timestamp));
        }
        while (expiries.due(timestamp)) {
            long expiry = expiries.peekTime();
            int bookId = expiries.peekBook();
            long orderId = expiries.peekOrderId();
            expiries.pop();
            now = Math.max(now, expiry);
            BookState book = books[bookId];
            int slot = book.slot(orderId);
            if (slot != OrderTable.MISSING && book.orders.expiry(slot) == expiry) {
                removeResting(book, slot, CancelReason.EXPIRED);
            }
        }
        now = timestamp;
    }

    /**
     * Marks the start of a simulation step at {@code timestamp}: advances time, lets the fee policy roll
     * ({@link FeePolicy#onStep}), then checks every loan against the book: a buy loan whose margin-call price is
     * above the best bid, or a sell loan whose price is below the best ask, is liquidated by a market order of the
     * agent (buy loan: SELL of the loan amount in QUOTE; sell loan: BUY of it in BASE; settle flag = the loan's
     * order, STP CO, no minimum size, cut to what the agent holds). What the trades do not repay is then netted
     * against the loan's collateral (see {@code Clearing.netCollateral}); a shortfall stays as a loan without
     * collateral and is checked again next step.
     */
    public void step(long timestamp) {
        advanceTo(timestamp);
        fees.onStep(timestamp);
        for (BookState book : books) {
            marginCalls(book);
        }
        if (stops.tail > 0) {
            stops.run();
        }
    }

    private void marginCalls(BookState book) {
        LoanTable loans = book.loans;
        long bestBid = book.book.bestBid();
        long bestAsk = book.book.bestAsk();
        int count = 0;
        for (int slot = 0; slot < loans.limit(); slot++) {
            if (!loans.isUsed(slot)) {
                continue;
            }
            long price = loans.marginCallPrice(slot);
            boolean called = loans.side(slot) == LoanTable.BUY
                    ? bestBid != OrderBook.NO_PRICE && price > bestBid
                    : bestAsk != OrderBook.NO_PRICE && price < bestAsk;
            if (called) {
                if (count == due.length) {
                    due = Arrays.copyOf(due, count * 2);
                }
                due[count++] = loans.orderId(slot);
            }
        }
        for (int i = 0; i < count; i++) {
            int slot = loans.slot(due[i]);
            if (slot == LoanTable.MISSING) {
                continue;
            }
            int agentId = loans.agentId(slot);
            long orderId = loans.orderId(slot);
            listener.onMarginCall(now, book.rules.bookId(), agentId, orderId, loans.marginCallPrice(slot));
            book.stops.purge(orderId);
            closing(book, agentId, loans.side(slot), loans.amount(slot), orderId);
            slot = loans.slot(orderId);
            if (slot != LoanTable.MISSING) {
                clearing.netCollateral(book, slot);
            }
        }
    }

    /** Dispatches the market order that repays a loan: a buy loan sells for its quote amount, a sell loan buys. */
    private long closing(BookState book, int agentId, int loanSide, long amount, long orderId) {
        BookRules r = book.rules;
        if (loanSide == LoanTable.BUY) {
            return placeMarketOrder(agentId, r.bookId(), Side.SELL, amount, Currency.QUOTE, 0, 0, StpMode.CO,
                    Order.NO_CLIENT_ID, orderId, 0, 0, true);
        }
        long volume = Fixed.rescale(amount, r.base(), r.volume(), Fixed.CEILING);
        return placeMarketOrder(agentId, r.bookId(), Side.BUY, volume, Currency.BASE, 0, 0, StpMode.CO,
                Order.NO_CLIENT_ID, orderId, 0, 0, true);
    }

    // ------------------------------------------------------------------------------------------------ accounts

    /**
     * Credits (or, negative, debits) an agent's free balances on a book, opening its accounts on every book if it
     * has none. Deposits count towards the published initial balances.
     *
     * @return 0, or the negative code of {@code UNKNOWN_BOOK}, {@code INSUFFICIENT_BASE} or
     *         {@code INSUFFICIENT_QUOTE} (a debit larger than the free balance; nothing changes)
     */
    public int deposit(int agentId, int bookId, long base, long quote) {
        if (bookId < 0 || bookId >= books.length) {
            return RejectReason.UNKNOWN_BOOK.code();
        }
        int a = accounts.account(accounts.open(agentId), bookId);
        if (base < 0 && -base > accounts.baseFree(a)) {
            return RejectReason.INSUFFICIENT_BASE.code();
        }
        if (quote < 0 && -quote > accounts.quoteFree(a)) {
            return RejectReason.INSUFFICIENT_QUOTE.code();
        }
        accounts.deposit(a, base, quote);
        return 0;
    }

    /**
     * Resets an agent: cancels all its orders on every book (reason {@code RESET}), forgets its fee history, and
     * empties its balances, loans and collateral, so that the caller can deposit fresh starting balances.
     */
    public void resetAgent(int agentId) {
        int index = accounts.agentIndex(agentId);
        if (index == Accounts.MISSING) {
            return;
        }
        for (BookState book : books) {
            OrderTable orders = book.orders;
            for (int slot = 0; slot < orders.limit(); slot++) {
                if (orders.isUsed(slot) && orders.agentId(slot) == agentId) {
                    removeResting(book, slot, CancelReason.RESET);
                }
            }
            LoanTable loans = book.loans;
            int a = accounts.account(index, book.rules.bookId());
            for (int loan = loans.first(a); loan != -1; loan = loans.first(a)) {
                loans.close(loan);
            }
            accounts.clear(a);
            book.stops.purgeAgent(agentId);
        }
        fees.reset(agentId);
    }

    // ------------------------------------------------------------------------------------------------ orders

    /** Places an unleveraged GTC/IOC/FOK limit order in base, without a client id, settle flag FIFO. */
    public long placeLimit(int agentId, int bookId, Side side, long price, long volume, TimeInForce timeInForce,
                           StpMode stp) {
        return placeLimit(agentId, bookId, side, price, volume, Currency.BASE, 0, timeInForce, 0, false, stp,
                Order.NO_CLIENT_ID, SettleFlag.FIFO, 0, 0);
    }

    /**
     * Places a limit order.
     *
     * @param price       limit price at the book's price decimals
     * @param volume      size: volume decimals for BASE, quote decimals for QUOTE
     * @param leverage    at the volume decimals; the order trades {@code volume·(1+leverage)}
     * @param expiry      absolute expiry time for GTT, ns ({@code > now}); ignored otherwise
     * @param settleFlag  {@link SettleFlag#NONE}, {@link SettleFlag#FIFO} or an order id
     * @param stopLoss    relative stop-loss offset at {@code Rate.SCALE} (0: none)
     * @param takeProfit  relative take-profit offset at {@code Rate.SCALE} (0: none)
     * @return the order id, or a negative {@link RejectReason#code()}
     */
    public long placeLimit(int agentId, int bookId, Side side, long price, long volume, Currency currency,
                           long leverage, TimeInForce timeInForce, long expiry, boolean postOnly, StpMode stp,
                           long clientOrderId, long settleFlag, long stopLoss, long takeProfit) {
        OrderCommand c = command;
        c.reset();
        c.agentId = agentId;
        c.bookId = bookId;
        c.type = OrderCommand.LIMIT;
        c.side = side;
        c.price = price;
        c.volume = volume;
        c.currency = currency == Currency.BASE ? OrderCommand.BASE : OrderCommand.QUOTE;
        c.leverage = leverage;
        c.timeInForce = timeInForce;
        c.expiry = timeInForce == TimeInForce.GTT ? expiry : 0;
        c.postOnly = postOnly;
        c.stp = stp;
        c.clientOrderId = clientOrderId;
        c.settleFlag = settleFlag;
        c.maxSlippage = 0;
        c.stopLoss = stopLoss;
        c.takeProfit = takeProfit;
        RejectReason reason = locate(c);
        if (reason == null) {
            reason = admit(c, books[bookId], true, false);
        }
        if (reason != null) {
            listener.onRejected(now, bookId, agentId, clientOrderId, OrderType.LIMIT, side, reason);
            return reason.code();
        }
        long id = execute(c, books[bookId]);
        if (stops.tail > 0) {
            stops.run();
        }
        return id;
    }

    /** Places an unleveraged market order in base without slippage bound, client id FIFO settlement. */
    public long placeMarket(int agentId, int bookId, Side side, long volume, StpMode stp) {
        return placeMarket(agentId, bookId, side, volume, Currency.BASE, 0, 0, stp, Order.NO_CLIENT_ID,
                SettleFlag.FIFO, 0, 0);
    }

    /**
     * Places a market order.
     *
     * @param volume      size: volume decimals for BASE, quote decimals for QUOTE (a notional)
     * @param maxSlippage at {@code Rate.SCALE}: a BUY takes no level above {@code trunc(bestAsk·(1+s), P)}, a SELL
     *                    none below {@code trunc(bestBid·(1−s), P)}; 0 for no bound
     * @return the order id, or a negative {@link RejectReason#code()}
     */
    public long placeMarket(int agentId, int bookId, Side side, long volume, Currency currency, long leverage,
                            long maxSlippage, StpMode stp, long clientOrderId, long settleFlag, long stopLoss,
                            long takeProfit) {
        long id = placeMarketOrder(agentId, bookId, side, volume, currency, leverage, maxSlippage, stp,
                clientOrderId, settleFlag, stopLoss, takeProfit, false);
        if (stops.tail > 0) {
            stops.run();
        }
        return id;
    }

    private long placeMarketOrder(int agentId, int bookId, Side side, long volume, Currency currency,
                                  long leverage, long maxSlippage, StpMode stp, long clientOrderId, long settleFlag,
                                  long stopLoss, long takeProfit, boolean internal) {
        OrderCommand c = command;
        c.reset();
        c.agentId = agentId;
        c.bookId = bookId;
        c.type = OrderCommand.MARKET;
        c.side = side;
        c.price = 0;
        c.volume = volume;
        c.currency = currency == Currency.BASE ? OrderCommand.BASE : OrderCommand.QUOTE;
        c.leverage = leverage;
        c.timeInForce = TimeInForce.IOC;
        c.expiry = 0;
        c.postOnly = false;
        c.stp = stp;
        c.clientOrderId = clientOrderId;
        c.settleFlag = settleFlag;
        c.maxSlippage = maxSlippage;
        c.stopLoss = stopLoss;
        c.takeProfit = takeProfit;
        RejectReason reason = locate(c);
        if (reason == null) {
            reason = admit(c, books[bookId], false, internal);
        }
        if (reason != null) {
            listener.onRejected(now, bookId, agentId, clientOrderId, OrderType.MARKET, side, reason);
            return reason.code();
        }
        return execute(c, books[bookId]);
    }

    /**
     * Intake and risk checks of an order. Both only compute (sizes, reservations to make) and change no account, so
     * a size that overflows a long on the way — a volume, price or leverage so extreme that no account could ever
     * hold it — is refused as {@code INVALID_INSTRUCTION} instead of stopping the book.
     */
    private RejectReason admit(OrderCommand c, BookState book, boolean limit, boolean internal) {
        try {
            RejectReason reason = limit ? intake.limit(c, book, now) : intake.market(c, book, internal);
            return reason != null ? reason : risk.reserve(c, book);
        } catch (ArithmeticException overflow) {
            return RejectReason.INVALID_INSTRUCTION;
        }
    }

    private RejectReason locate(OrderCommand c) {
        if (c.bookId < 0 || c.bookId >= books.length) {
            return RejectReason.UNKNOWN_BOOK;
        }
        c.account = accounts.accountOf(c.agentId, c.bookId);
        return c.account == Accounts.MISSING ? RejectReason.NONEXISTENT_ACCOUNT : null;
    }

    /** Stages 3–5 for an order that passed intake and risk. */
    private long execute(OrderCommand c, BookState book) {
        OrderTable orders = book.orders;
        BookRules r = book.rules;
        long id = book.nextOrderId++;
        int slot = orders.add(id);
        int side = c.side.ordinal();
        orders.describe(slot, c.agentId, c.account, side, c.type, c.timeInForce.ordinal(), c.stp.ordinal(),
                c.price, c.leverage, c.clientOrderId, c.settleFlag, now, c.expiry, c.stopLoss, c.takeProfit);
        orders.quantity(slot, c.quantity);
        orders.reservedBase(slot, c.reserveBase);
        orders.reservedQuote(slot, c.reserveQuote);
        accounts.reserveBase(c.account, c.reserveBase);
        accounts.reserveQuote(c.account, c.reserveQuote);
        boolean limit = c.type == OrderCommand.LIMIT;
        if (limit) {
            accounts.addOpenOrders(c.account, 1);
        }
        if (c.leverage > 0) {
            accounts.addLeveragedOrders(c.account, side, 1);
        }
        c.orderId = id;
        c.slot = slot;
        OrderType type = limit ? OrderType.LIMIT : OrderType.MARKET;
        listener.onAccepted(now, r.bookId(), id, c.agentId, c.clientOrderId, type, c.side, c.price, c.volume,
                c.leverage);

        clearing.begin(book, c, now);
        stops.firingBook = r.bookId();
        long unfilled = book.book.match(id, c.agentId, c.side, c.matchLimit, c.quantity, c.stp, clearing);
        long stopped = c.quantity - clearing.filled() - unfilled;
        if (stopped > 0) {
            listener.onCancelled(now, r.bookId(), id, c.agentId, c.price,
                    Intake.ownVolume(stopped, c.leverage, r.volume()),
                    Intake.ownVolume(unfilled, c.leverage, r.volume()), CancelReason.SELF_TRADE);
        }
        boolean rests = limit && unfilled > 0
                && (c.timeInForce == TimeInForce.GTC || c.timeInForce == TimeInForce.GTT);
        if (rests) {
            book.book.rest(id, c.agentId, c.side, c.price, unfilled, now, slot);
            clearing.resize(book, slot, unfilled);
            listener.onPlaced(now, r.bookId(), id, c.agentId, c.clientOrderId, type, c.side, c.price,
                    Intake.ownVolume(unfilled, c.leverage, r.volume()), c.leverage, c.stp);
            if (c.timeInForce == TimeInForce.GTT) {
                expiries.schedule(c.expiry, r.bookId(), id);
            }
        } else {
            if (c.timeInForce == TimeInForce.FOK && limit && unfilled > 0) {
                throw new IllegalStateException(String.format(
                        "book %d FOK order %d left %d unfilled although its walk said it fills", r.bookId(), id,
                        unfilled));
            }
            if (unfilled > 0) {
                listener.onCancelled(now, r.bookId(), id, c.agentId, c.price,
                        Intake.ownVolume(unfilled, c.leverage, r.volume()), 0, CancelReason.UNFILLED);
            }
            clearing.retire(book, slot);
        }
        return id;
    }

    /**
     * Cancels an order of the agent, fully ({@code volume} = {@code CancelOrders.Cancellation.ALL} or at least what
     * remains) or in part.
     *
     * @param volume the agent's own (not leveraged) volume to cancel, volume decimals; the book loses
     *               {@code trunc(volume·(1+L), V)}
     * @return the volume cancelled, or a negative code: {@code UNKNOWN_BOOK}, {@code UNKNOWN_ORDER} (unknown,
     *         filled or already cancelled), {@code NOT_ORDER_OWNER}, {@code INVALID_VOLUME}
     */
    public long cancel(int agentId, int bookId, long orderId, long volume) {
        RejectReason reason = null;
        BookState book = null;
        int slot = OrderTable.MISSING;
        if (bookId < 0 || bookId >= books.length) {
            reason = RejectReason.UNKNOWN_BOOK;
        } else {
            book = books[bookId];
            slot = book.slot(orderId);
            if (slot == OrderTable.MISSING) {
                reason = RejectReason.UNKNOWN_ORDER;
            } else if (book.orders.agentId(slot) != agentId) {
                reason = RejectReason.NOT_ORDER_OWNER;
            } else if (volume <= 0 && volume != CancelOrders.Cancellation.ALL) {
                reason = RejectReason.INVALID_VOLUME;
            }
        }
        if (reason != null) {
            listener.onCancelRejected(now, bookId, agentId, orderId, reason);
            return reason.code();
        }
        OrderTable orders = book.orders;
        BookRules r = book.rules;
        long leverage = orders.leverage(slot);
        long remaining = Intake.ownVolume(orders.quantity(slot), leverage, r.volume());
        if (volume == CancelOrders.Cancellation.ALL || volume >= remaining) {
            return removeResting(book, slot, CancelReason.REQUESTED);
        }
        long quantity = volume + (leverage == 0 ? 0
                : Fixed.multiply(volume, r.volume(), leverage, r.volume(), r.volume(), Fixed.DOWN));
        long removed = book.book.reduce(orderId, quantity);
        long left = orders.quantity(slot) - removed;
        clearing.resize(book, slot, left);
        listener.onCancelled(now, bookId, orderId, agentId, orders.price(slot), volume,
                Intake.ownVolume(left, leverage, r.volume()), CancelReason.REQUESTED);
        return volume;
    }

    /** Takes a resting order out of its book entirely and reports why; returns its own volume. */
    private long removeResting(BookState book, int slot, CancelReason reason) {
        OrderTable orders = book.orders;
        long orderId = orders.id(slot);
        long volume = Intake.ownVolume(orders.quantity(slot), orders.leverage(slot), book.rules.volume());
        int agentId = orders.agentId(slot);
        long price = orders.price(slot);
        book.book.reduce(orderId, orders.quantity(slot));
        clearing.retire(book, slot);
        listener.onCancelled(now, book.rules.bookId(), orderId, agentId, price, volume, 0, reason);
        return volume;
    }

    /**
     * Repays the loan of one of the agent's leveraged orders by trading (simulator-054.md §4.9): a buy loan is
     * closed by a market SELL worth {@code ceil(bestBid·ceil(x/bestBid, B), Q)} quote, a sell loan by a market BUY of
     * {@code x} base, where {@code x} is {@code amount} or, for {@code ClosePositions.PositionClose.ALL}, the whole
     * loan; both with settle flag = that order, STP CO and no minimum size. A thin book repays only part.
     *
     * @param amount in loan units: quote for a buy loan, base for a sell loan (base decimals)
     * @return the closing order's id (or its negative reject code), or a negative code of {@code UNKNOWN_BOOK},
     *         {@code NO_LOAN}, {@code NOT_ORDER_OWNER}, {@code INVALID_VOLUME}, {@code EMPTY_BOOK}
     */
    public long closePosition(int agentId, int bookId, long orderId, long amount) {
        if (bookId < 0 || bookId >= books.length) {
            listener.onPositionClose(now, bookId, agentId, orderId, 0, null, RejectReason.UNKNOWN_BOOK);
            return RejectReason.UNKNOWN_BOOK.code();
        }
        BookState book = books[bookId];
        LoanTable loans = book.loans;
        BookRules r = book.rules;
        int loan = loans.slot(orderId);
        RejectReason reason = null;
        if (loan == LoanTable.MISSING) {
            reason = RejectReason.NO_LOAN;
        } else if (loans.agentId(loan) != agentId) {
            reason = RejectReason.NOT_ORDER_OWNER;
        } else if (amount <= 0 && amount != ClosePositions.PositionClose.ALL) {
            reason = RejectReason.INVALID_VOLUME;
        }
        long x = 0;
        if (reason == null) {
            x = amount == ClosePositions.PositionClose.ALL ? loans.amount(loan) : amount;
            if (loans.side(loan) == LoanTable.BUY) {
                long bid = book.book.bestBid();
                if (bid == OrderBook.NO_PRICE) {
                    reason = RejectReason.EMPTY_BOOK;
                } else {
                    long base = Fixed.divide(x, r.quote(), bid, r.price(), r.base(), Fixed.CEILING);
                    x = Fixed.multiply(bid, r.price(), base, r.base(), r.quote(), Fixed.CEILING);
                }
            } else if (book.book.bestAsk() == OrderBook.NO_PRICE) {
                reason = RejectReason.EMPTY_BOOK;
            }
        }
        Currency currency = loan == LoanTable.MISSING ? null
                : loans.side(loan) == LoanTable.BUY ? Currency.QUOTE : Currency.BASE;
        listener.onPositionClose(now, bookId, agentId, orderId, x, currency, reason);
        if (reason != null) {
            return reason.code();
        }
        long id = closing(book, agentId, loans.side(loan), x, orderId);
        if (stops.tail > 0) {
            stops.run();
        }
        return id;
    }

    // ------------------------------------------------------------------------------------------------ boundary

    /**
     * Applies an agent's instruction at {@code timestamp} (time advances first, so due GTT orders expire before
     * it). Outcomes go to the listener; a {@code CancelOrders} or {@code ClosePositions} handles each entry on its
     * own, so one bad entry fails only itself. {@code delay} is the simulator's business and is ignored here.
     */
    public void submit(int agentId, long timestamp, Instruction instruction) {
        advanceTo(timestamp);
        switch (instruction) {
            case PlaceLimit p -> placeLimit(agentId, p.bookId(), p.side(), p.price(), p.volume(), p.currency(),
                    p.leverage(), p.timeInForce(),
                    p.timeInForce() == TimeInForce.GTT ? timestamp + p.expiryPeriod() : 0, p.postOnly(), p.stp(),
                    p.clientOrderId(), p.settleFlag(), p.stopLoss(), p.takeProfit());
            case PlaceMarket m -> placeMarket(agentId, m.bookId(), m.side(), m.volume(), m.currency(),
                    m.leverage(), m.maxSlippage(), m.stp(), m.clientOrderId(), m.settleFlag(), m.stopLoss(),
                    m.takeProfit());
            case CancelOrders c -> {
                for (CancelOrders.Cancellation cancellation : c.cancellations()) {
                    cancel(agentId, c.bookId(), cancellation.orderId(), cancellation.volume());
                }
            }
            case ClosePositions c -> {
                for (ClosePositions.PositionClose close : c.closes()) {
                    closePosition(agentId, c.bookId(), close.orderId(), close.volume());
                }
            }
            case ResetAgents r -> {
                for (int id : r.agentIds()) {
                    resetAgent(id);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ views

    /** Number of books. */
    public int bookCount() {
        return books.length;
    }

    /** Best bid of a book, or 0. */
    public long bestBid(int bookId) {
        return books[bookId].book.bestBid();
    }

    /** Best ask of a book, or 0. */
    public long bestAsk(int bookId) {
        return books[bookId].book.bestAsk();
    }

    /** Price of the book's last trade, or the initial price. */
    public long lastPrice(int bookId) {
        return books[bookId].lastPrice;
    }

    /** Base the exchange collected in fees on a book (buyers pay in base). */
    public long feesBase(int bookId) {
        return books[bookId].feesBase;
    }

    /** Net quote the exchange collected in fees on a book (negative after rebates). */
    public long feesQuote(int bookId) {
        return books[bookId].feesQuote;
    }

    /** Open orders in a book. */
    public int orderCount(int bookId) {
        return books[bookId].orders.size();
    }

    /** Agent ids with accounts, in order of first deposit. */
    public int[] agentIds() {
        int[] ids = new int[accounts.agentCount()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = accounts.agentId(i);
        }
        return ids;
    }

    /** Whether an agent has accounts. */
    public boolean hasAccount(int agentId) {
        return accounts.agentIndex(agentId) != Accounts.MISSING;
    }

    /**
     * Free base of an agent on a book (base decimals), or 0 when it has no account there. Allocation-free: what
     * agents read on every decision, where {@link #account} would build the whole record.
     */
    public long freeBase(int agentId, int bookId) {
        int a = bookId < 0 || bookId >= books.length ? Accounts.MISSING : accounts.accountOf(agentId, bookId);
        return a == Accounts.MISSING ? 0 : accounts.baseFree(a);
    }

    /** Free quote of an agent on a book (quote decimals), or 0 when it has no account there. Allocation-free. */
    public long freeQuote(int agentId, int bookId) {
        int a = bookId < 0 || bookId >= books.length ? Accounts.MISSING : accounts.accountOf(agentId, bookId);
        return a == Accounts.MISSING ? 0 : accounts.quoteFree(a);
    }

    /** Open limit orders of an agent on a book, or 0 when it has no account there. Allocation-free. */
    public int openOrders(int agentId, int bookId) {
        int a = bookId < 0 || bookId >= books.length ? Accounts.MISSING : accounts.accountOf(agentId, bookId);
        return a == Accounts.MISSING ? 0 : accounts.openOrders(a);
    }

    /** The L2 snapshot of a book at the spec's depths. */
    public BookSnapshot snapshot(int bookId) {
        return snapshot(bookId, spec.maxDepth(), spec.detailedDepth());
    }

    /**
     * The L2 snapshot of a book: up to {@code depth} levels per side, best first; the first {@code detailedDepth}
     * carry their orders in queue order (remaining traded volume, arrival time).
     */
    public BookSnapshot snapshot(int bookId, int depth, int detailedDepth) {
        BookState book = books[bookId];
        return new BookSnapshot(bookId, now, side(book, Side.BUY, depth, detailedDepth),
                side(book, Side.SELL, depth, detailedDepth));
    }

    private static List<Level> side(BookState book, Side side, int depth, int detailedDepth) {
        List<long[]> raw = new ArrayList<>();
        book.book.levels(side, depth, (price, quantity, orders) -> {
            raw.add(new long[] {price, quantity});
            return true;
        });
        List<Level> levels = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            long price = raw.get(i)[0];
            long quantity = raw.get(i)[1];
            if (i < detailedDepth) {
                List<RestingOrder> orders = new ArrayList<>();
                book.book.levelOrders(side, price, (orderId, agentId, p, q) -> {
                    int slot = book.slot(orderId);
                    orders.add(new RestingOrder(orderId, agentId, q, slot == OrderTable.MISSING ? 0
                            : book.orders.timestamp(slot)));
                    return true;
                });
                levels.add(new Level(price, quantity, orders));
            } else {
                levels.add(Level.broad(price, quantity));
            }
        }
        return levels;
    }

    /**
     * The agent's account on a book: balances, loans (oldest order first), open orders (by id) and current fee
     * rates.
     *
     * @throws IllegalArgumentException if the agent has no account or the book does not exist
     */
    public Account account(int agentId, int bookId) {
        return account(agentId, bookId, bookId, null);
    }

    /**
     * {@link #account(int, int)} with the account and its orders carrying {@code reportedBookId} instead of the
     * exchange's own book id (a simulation block publishes its books under ids offset by the block's first book),
     * the orders appended to {@code into} (a publication's shared block; a block of their own when null) and read
     * back as its slice: no record per order.
     */
    public Account account(int agentId, int bookId, int reportedBookId, OrderList.Columns into) {
        return account(agentId, bookId, reportedBookId, into, -1);
    }

    /**
     * The book's revision mark now: every open order's revision ({@link OrderList#revision}) is at most this, and
     * every revision given from now on is greater. An order read later with a revision at most a mark taken earlier
     * has not changed since the mark, in any field.
     */
    public long revisionMark(int bookId) {
        return books[checkedBook(bookId)].orders.lastRevision();
    }

    /**
     * How many open orders {@link #account(int, int, int, OrderList.Columns, int)} writes for the account: for a
     * caller that reserves every account's rows first, in an order of its own, and then reads the accounts in another.
     *
     * @throws IllegalArgumentException if the agent has no account or the book does not exist
     */
    public int openOrderCount(int agentId, int bookId) {
        BookState book = books[checkedBook(bookId)];
        int a = checkedAccount(agentId, bookId);
        return accounts.openOrders(a) == 0 ? 0 : book.orders.slotsOfMany(agentId).length;
    }

    /**
     * {@link #account(int, int, int, OrderList.Columns)} with the orders written to rows {@code firstRow} onwards of
     * {@code into}, reserved beforehand ({@link #openOrderCount} of them), instead of appended: a publication reads
     * the accounts book by book, each book's table staying in the cache, while it keeps each agent's accounts next to
     * one another in the block, in the order the fan-out reads them. A negative {@code firstRow} appends.
     */
    public Account account(int agentId, int bookId, int reportedBookId, OrderList.Columns into, int firstRow) {
        BookState book = books[checkedBook(bookId)];
        int a = checkedAccount(agentId, bookId);
        OrderList open = OrderList.empty();
        // an account without open limit orders has nothing resting: skip the table
        if (accounts.openOrders(a) != 0) {
            int[] slots = firstRow < 0 ? book.orders.slotsOf(agentId) : book.orders.slotsOfMany(agentId);
            OrderList.Columns columns = into == null ? new OrderList.Columns(slots.length) : into;
            int first = firstRow < 0 ? columns.append(slots.length) : firstRow;
            open = openOrders(book, slots, reportedBookId, columns, first);
        }
        List<Loan> loans = new ArrayList<>();
        LoanTable table = book.loans;
        for (int loan = table.first(a); loan != -1; loan = table.next(loan)) {
            loans.add(new Loan(table.orderId(loan), table.amount(loan),
                    table.side(loan) == LoanTable.BUY ? Currency.QUOTE : Currency.BASE, table.leverage(loan),
                    table.baseCollateral(loan), table.quoteCollateral(loan), table.marginCallPrice(loan)));
        }
        return new Account(agentId, reportedBookId,
                new Balance(accounts.baseTotal(a), accounts.baseFree(a), accounts.baseReserved(a),
                        accounts.baseInitial(a)),
                new Balance(accounts.quoteTotal(a), accounts.quoteFree(a), accounts.quoteReserved(a),
                        accounts.quoteInitial(a)),
                accounts.baseLoan(a), accounts.quoteLoan(a), accounts.baseCollateral(a),
                accounts.quoteCollateral(a), open, loans,
                new FeeRates(fees.volume(agentId, bookId), fees.makerRate(agentId, bookId),
                        fees.takerRate(agentId, bookId)));
    }

    private int checkedBook(int bookId) {
        if (bookId < 0 || bookId >= books.length) {
            throw new IllegalArgumentException("no book " + bookId + "; books are 0.." + (books.length - 1));
        }
        return bookId;
    }

    private int checkedAccount(int agentId, int bookId) {
        int a = accounts.accountOf(agentId, bookId);
        if (a == Accounts.MISSING) {
            throw new IllegalArgumentException("agent " + agentId + " has no account");
        }
        return a;
    }

    /** The orders in {@code slots}, by order id, with their revisions, in {@code into}'s rows from {@code first}. */
    private static OrderList openOrders(BookState book, int[] slots, int reportedBookId, OrderList.Columns into,
                                        int first) {
        OrderTable orders = book.orders;
        int n = slots.length;
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = orders.id(slots[i]);
        }
        int[] byId = idOrder(ids);
        for (int row = 0; row < n; row++) {
            int at = byId == null ? row : byId[row];
            int slot = slots[at];
            long leverage = orders.leverage(slot);
            into.set(first + row, ids[at], reportedBookId, orders.agentId(slot), orders.clientOrderId(slot),
                    SIDES[orders.side(slot)], orders.price(slot),
                    Intake.ownVolume(orders.quantity(slot), leverage, book.rules.volume()), leverage,
                    orders.timestamp(slot), TIMES_IN_FORCE[orders.timeInForce(slot)], orders.expiry(slot),
                    STP_MODES[orders.stp(slot)]);
            into.revision(first + row, orders.revision(slot));
        }
        return into.slice(first, first + n);
    }

    /**
     * The positions of {@code ids} (unique) in ascending order, or null when they already ascend. A table reuses
     * freed slots, so a maker's orders in slot order rarely do: each id is packed above its position into one long
     * and the longs sorted, one primitive sort and no search per order (a publication reads about a million orders).
     * Ids too large to share a long with a position take a sort and a binary search each.
     */
    static int[] idOrder(long[] ids) {
        int n = ids.length;
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        long limit = 1L << (63 - bits);
        boolean ascending = true;
        boolean packable = true;
        for (int i = 0; i < n; i++) {
            ascending &= i == 0 || ids[i - 1] < ids[i];
            packable &= ids[i] >= 0 && ids[i] < limit;
        }
        if (ascending) {
            return null;
        }
        int[] order = new int[n];
        if (!packable) {
            long[] sorted = ids.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < n; i++) {
                order[Arrays.binarySearch(sorted, ids[i])] = i;
            }
            return order;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ids[i] << bits | i;
        }
        Arrays.sort(packed);
        long mask = (1L << bits) - 1;
        for (int row = 0; row < n; row++) {
            order[row] = (int) (packed[row] & mask);
        }
        return order;
    }

    /**
     * A fingerprint of the whole exchange: every book's state hash, every account's balances, loans and
     * collateral, the fees collected and the id counters. Equal exchanges give equal hashes.
     */
    public long stateHash() {
        long h = 17;
        for (BookState book : books) {
            h = h * 31 + book.book.stateHash();
            h = h * 31 + book.nextOrderId;
            h = h * 31 + book.nextTradeId;
            h = h * 31 + book.feesBase;
            h = h * 31 + book.feesQuote;
        }
        for (int agent = 0; agent < accounts.agentCount(); agent++) {
            for (int b = 0; b < books.length; b++) {
                int a = accounts.account(agent, b);
                h = h * 31 + accounts.baseTotal(a);
                h = h * 31 + accounts.baseReserved(a);
                h = h * 31 + accounts.quoteTotal(a);
                h = h * 31 + accounts.quoteReserved(a);
                h = h * 31 + accounts.baseLoan(a);
                h = h * 31 + accounts.quoteLoan(a);
                h = h * 31 + accounts.baseCollateral(a);
                h = h * 31 + accounts.quoteCollateral(a);
            }
        }
        return h;
    }

    /**
     * Checks every internal invariant: balances ({@code 0 <= reserved <= total}, loans and collateral
     * {@code >= 0}); each open order rests in its book with the quantity the engine holds; each account's reserved
     * balances equal the sum of its orders' reservation legs and its open-order count their number; an unleveraged
     * buy holds exactly {@code trunc(price·quantity, Q)} quote and an unleveraged sell exactly its quantity in base;
     * each account's loan aggregates equal the sum of its loans.
     *
     * @throws IllegalStateException naming the first broken invariant
     */
    public void checkInvariants() {
        accounts.checkInvariants();
        int n = accounts.agentCount() * books.length;
        long[] base = new long[n];
        long[] quote = new long[n];
        int[] open = new int[n];
        long[] baseLoan = new long[n];
        long[] quoteLoan = new long[n];
        for (BookState book : books) {
            OrderTable orders = book.orders;
            BookRules r = book.rules;
            int counted = 0;
            for (int slot = 0; slot < orders.limit(); slot++) {
                if (!orders.isUsed(slot)) {
                    continue;
                }
                counted++;
                long id = orders.id(slot);
                long inBook = book.book.quantity(id);
                if (inBook != orders.quantity(slot)) {
                    throw new IllegalStateException(String.format("book %d order %d: engine holds %d, book %d",
                            r.bookId(), id, orders.quantity(slot), inBook));
                }
                int a = orders.account(slot);
                base[a] += orders.reservedBase(slot);
                quote[a] += orders.reservedQuote(slot);
                open[a]++;
                if (orders.leverage(slot) == 0) {
                    long needBase = orders.side(slot) == 0 ? 0
                            : Fixed.rescale(orders.quantity(slot), r.volume(), r.base(), Fixed.DOWN);
                    long needQuote = orders.side(slot) == 0 ? Fixed.multiply(orders.price(slot), r.price(),
                            orders.quantity(slot), r.volume(), r.quote(), Fixed.DOWN) : 0;
                    if (orders.reservedBase(slot) != needBase || orders.reservedQuote(slot) != needQuote) {
                        throw new IllegalStateException(String.format(
                                "book %d order %d: reserves (%d base, %d quote), needs (%d, %d)", r.bookId(), id,
                                orders.reservedBase(slot), orders.reservedQuote(slot), needBase, needQuote));
                    }
                }
            }
            if (counted != book.book.orderCount()) {
                throw new IllegalStateException(String.format("book %d: engine holds %d orders, book %d",
                        r.bookId(), counted, book.book.orderCount()));
            }
            LoanTable loans = book.loans;
            for (int slot = 0; slot < loans.limit(); slot++) {
                if (loans.isUsed(slot)) {
                    int a = loans.account(slot);
                    if (loans.side(slot) == LoanTable.BUY) {
                        quoteLoan[a] += loans.amount(slot);
                    } else {
                        baseLoan[a] += loans.amount(slot);
                    }
                }
            }
        }
        for (int a = 0; a < n; a++) {
            if (accounts.baseReserved(a) != base[a] || accounts.quoteReserved(a) != quote[a]
                    || accounts.openOrders(a) != open[a] || accounts.baseLoan(a) != baseLoan[a]
                    || accounts.quoteLoan(a) != quoteLoan[a]) {
                throw new IllegalStateException(String.format(
                        "agent %d book %d: reserved (%d, %d) open %d loans (%d, %d); orders and loans give "
                                + "(%d, %d) open %d loans (%d, %d)", accounts.agentId(a / books.length),
                        a % books.length, accounts.baseReserved(a), accounts.quoteReserved(a),
                        accounts.openOrders(a), accounts.baseLoan(a), accounts.quoteLoan(a), base[a], quote[a],
                        open[a], baseLoan[a], quoteLoan[a]));
            }
        }
    }

    /**
     * Saves the whole engine between operations (see the class doc). The fee policy is not included.
     *
     * @throws IllegalStateException if a book of the matching rule cannot save its state, or a stop-loss close is
     *                               still pending (the exchange is mid-operation)
     */
    @Override
    public void writeState(StateWriter out) {
        if (stops.tail > stops.head) {
            throw new IllegalStateException("the exchange cannot be saved with stop-loss closes pending");
        }
        out.writeLong(now);
        out.writeInt(books.length);
        accounts.writeState(out);
        for (BookState book : books) {
            if (!(book.book instanceof Snapshottable rule)) {
                throw new IllegalStateException(String.format("book %d (%s) cannot save its state: it does not "
                        + "implement %s", book.rules.bookId(), book.book.getClass().getName(),
                        Snapshottable.class.getName()));
            }
            out.writeLong(book.nextOrderId);
            out.writeLong(book.nextTradeId);
            out.writeLong(book.lastPrice);
            out.writeLong(book.feesBase);
            out.writeLong(book.feesQuote);
            book.orders.writeState(out);
            book.loans.writeState(out);
            book.stops.writeState(out);
            out.writeSection(rule);
        }
        expiries.writeState(out);
    }

    /**
     * Restores what {@link #writeState} saved into a new exchange of the same spec and matching rule.
     *
     * @throws io.mvtrx.api.snapshot.StateFormatException if the state does not fit this exchange
     */
    @Override
    public void readState(StateReader in) {
        now = in.readLong();
        int count = in.readInt();
        in.check(count == books.length, "exchange: %d books saved, this exchange has %d", count, books.length);
        accounts.readState(in);
        for (BookState book : books) {
            book.nextOrderId = in.readLong();
            book.nextTradeId = in.readLong();
            book.lastPrice = in.readLong();
            book.feesBase = in.readLong();
            book.feesQuote = in.readLong();
            book.orders.readState(in);
            book.loans.readState(in);
            book.stops.readState(in);
            if (!(book.book instanceof Snapshottable rule)) {
                throw new IllegalStateException(String.format("book %d (%s) cannot restore its state",
                        book.rules.bookId(), book.book.getClass().getName()));
            }
            in.readSection(rule, String.format("book %d (%s)", book.rules.bookId(),
                    book.book.getClass().getName()));
        }
        expiries.readState(in);
    }
}
