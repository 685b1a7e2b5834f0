package io.mvtrx.testkit.trading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.account.Loan;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

/**
 * Hand-built state updates for trading-agent tests, at the reference decimals (price 2, volume 4, base 4, quote 10)
 * unless a test builds its own {@link SimulationInfo}. Every amount is a scaled long, so a test reads as the numbers
 * an agent will see.
 *
 * {@snippet :
 * StateUpdate state = TradingStates.state(5_000_000_000L)
 *         .book(TradingStates.book(0).bid(29_990, 3_0000).ask(30_010, 1_0000))
 *         .account(TradingStates.account(3, 0).base(10_0000).quote(3_000 * TradingStates.QUOTE))
 *         .build();
 * }
 */
public final class TradingStates {

    /** One quote unit at the reference quote decimals (10). */
    public static final long QUOTE = 10_000_000_000L;

    /** One base unit (or one lot of volume 1.0) at the reference base and volume decimals (4). */
    public static final long BASE = 1_0000;

    private TradingStates() {
    }

    /**
     * The simulation every builder uses by default: id {@code sim-1}, 4 miners, one block of 2 books, reference
     * decimals, publish every 5 s, minimum order 0.25, 100 open orders per book, leverage up to 4, initial price
     * 300.00, static fees.
     */
    public static SimulationInfo simulation() {
        return simulation("sim-1", 2);
    }

    /** The default simulation with another id and book count (one block). */
    public static SimulationInfo simulation(String id, int books) {
        return new SimulationInfo(id, 4, 1, books, 86_400_000_000_000L, 0, 5_000_000_000L, BookDecimals.REFERENCE,
                2_500, 100, 4 * BASE, 10_000 * QUOTE, 10_000_000, 30_000, "static");
    }

    /** Starts a state at {@code timestamp} ns. */
    public static StateBuilder state(long timestamp) {
        return new StateBuilder(timestamp);
    }

    /** Starts a book. */
    public static BookBuilder book(int bookId) {
        return new BookBuilder(bookId);
    }

    /** Starts an account with no balances, orders or loans and zero fees. */
    public static AccountBuilder account(int agentId, int bookId) {
        return new AccountBuilder(agentId, bookId);
    }

    /** A market trade between two background agents (ids -1 taker, -2 maker), no fees. */
    public static Trade trade(int bookId, long timestamp, long tradeId, Side takerSide, long price, long volume) {
        return new Trade(bookId, timestamp, tradeId, takerSide, 1_000_000 + tradeId, 2_000_000 + tradeId, -1, -2,
                price, volume, 0, 0);
    }

    /** An open GTC order, STP cancel-oldest, no client id. */
    public static Order order(int agentId, int bookId, long orderId, Side side, long price, long volume,
                              long timestamp) {
        return new Order(orderId, bookId, agentId, Order.NO_CLIENT_ID, side, price, volume, 0, timestamp,
                TimeInForce.GTC, 0, StpMode.CO);
    }

    /** Builds a {@link StateUpdate}. */
    public static final class StateBuilder {
        private final long timestamp;
        private SimulationInfo simulation = TradingStates.simulation();
        private final List<BookState> books = new ArrayList<>();
        private final Map<Integer, Account> accounts = new LinkedHashMap<>();
        private final List<Notice> notices = new ArrayList<>();

        private StateBuilder(long timestamp) {
            this.timestamp = timestamp;
        }

        /** Another simulation. */
        public StateBuilder simulation(SimulationInfo simulation) {
            this.simulation = simulation;
            return this;
        }

        /** Adds a book (books should come in id order). */
        public StateBuilder book(BookBuilder book) {
            books.add(book.build(timestamp));
            return this;
        }

        /** Adds the agent's account on the account's book. */
        public StateBuilder account(AccountBuilder account) {
            Account built = account.build();
            accounts.put(built.bookId(), built);
            return this;
        }

        /** Adds a notice. */
        public StateBuilder notice(Notice notice) {
            notices.add(notice);
            return this;
        }

        /** The state. */
        public StateUpdate build() {
            return new StateUpdate(timestamp, simulation, books, accounts, notices);
        }
    }

    /** Builds a {@link BookState}; levels are added best first. */
    public static final class BookBuilder {
        private final int bookId;
        private final List<Level> bids = new ArrayList<>();
        private final List<Level> asks = new ArrayList<>();
        private final List<BookEvent> events = new ArrayList<>();

        private BookBuilder(int bookId) {
            this.bookId = bookId;
        }

        /** Appends a bid level (worse than the previous ones). */
        public BookBuilder bid(long price, long volume) {
            bids.add(Level.broad(price, volume));
            return this;
        }

        /** Appends an ask level (worse than the previous ones). */
        public BookBuilder ask(long price, long volume) {
            asks.add(Level.broad(price, volume));
            return this;
        }

        /** Appends an L3 event of this interval. */
        public BookBuilder event(BookEvent event) {
            events.add(event);
            return this;
        }

        BookState build(long timestamp) {
            return new BookState(new BookSnapshot(bookId, timestamp, bids, asks), events, 0);
        }

        /** The book at time 0 (for tests that use a book alone). */
        public BookState build() {
            return build(0);
        }
    }

    /** Builds an {@link Account}. */
    public static final class AccountBuilder {
        private final int agentId;
        private final int bookId;
        private long freeBase;
        private long reservedBase;
        private long initialBase = -1;
        private long freeQuote;
        private long reservedQuote;
        private long initialQuote = -1;
        private long baseLoan;
        private long quoteLoan;
        private long baseCollateral;
        private long quoteCollateral;
        private final List<Order> orders = new ArrayList<>();
        private final List<Loan> loans = new ArrayList<>();
        private long makerRate;
        private long takerRate;

        private AccountBuilder(int agentId, int bookId) {
            this.agentId = agentId;
            this.bookId = bookId;
        }

        /** Free base, nothing reserved; initial base the same unless set. */
        public AccountBuilder base(long free) {
            return base(free, 0);
        }

        /** Free and reserved base. */
        public AccountBuilder base(long free, long reserved) {
            this.freeBase = free;
            this.reservedBase = reserved;
            return this;
        }

        /** Free quote, nothing reserved; initial quote the same unless set. */
        public AccountBuilder quote(long free) {
            return quote(free, 0);
        }

        /** Free and reserved quote. */
        public AccountBuilder quote(long free, long reserved) {
            this.freeQuote = free;
            this.reservedQuote = reserved;
            return this;
        }

        /** What the account started with (default: its totals). */
        public AccountBuilder initial(long base, long quote) {
            this.initialBase = base;
            this.initialQuote = quote;
            return this;
        }

        /** Outstanding loans and collateral totals. */
        public AccountBuilder loans(long baseLoan, long quoteLoan, long baseCollateral, long quoteCollateral) {
            this.baseLoan = baseLoan;
            this.quoteLoan = quoteLoan;
            this.baseCollateral = baseCollateral;
            this.quoteCollateral = quoteCollateral;
            return this;
        }

        /** Adds one open loan. */
        public AccountBuilder loan(Loan loan) {
            loans.add(loan);
            return this;
        }

        /** Adds an open order. */
        public AccountBuilder order(Order order) {
            orders.add(order);
            return this;
        }

        /** Maker and taker fee rates at {@code Rate.SCALE}. */
        public AccountBuilder fees(long makerRate, long takerRate) {
            this.makerRate = makerRate;
            this.takerRate = takerRate;
            return this;
        }

        /** The account. */
        public Account build() {
            long totalBase = freeBase + reservedBase;
            long totalQuote = freeQuote + reservedQuote;
            return new Account(agentId, bookId,
                    new Balance(totalBase, freeBase, reservedBase, initialBase < 0 ? totalBase : initialBase),
                    new Balance(totalQuote, freeQuote, reservedQuote, initialQuote < 0 ? totalQuote : initialQuote),
                    baseLoan, quoteLoan, baseCollateral, quoteCollateral, orders, loans,
                    new FeeRates(0, makerRate, takerRate));
        }
    }
}
