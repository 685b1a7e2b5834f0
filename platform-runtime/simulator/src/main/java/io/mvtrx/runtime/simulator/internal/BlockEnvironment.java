package io.mvtrx.runtime.simulator.internal;

import java.util.random.RandomGenerator;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.spi.agentmodel.AccountView;
import io.mvtrx.api.spi.agentmodel.AgentEnvironment;
import io.mvtrx.api.spi.agentmodel.MarketView;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.matching.LevelVisitor;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.runtime.exchange.Exchange;

/**
 * The one {@link AgentEnvironment} of a block, pointed at the agent being called before each callback: reads go
 * straight to the block's exchange, books and fee policy; effects become queued messages. One {@link MarketView}
 * and one {@link AccountView} per book are reused, so a wake-up that reads and decides allocates nothing here
 * ({@link MarketView#snapshot} and {@link AccountView#snapshot} excepted).
 *
 * <p>Confined to its block's thread. Views are valid only during the callback they were obtained in.
 */
final class BlockEnvironment implements AgentEnvironment {

    private final Block block;
    private final Exchange exchange;
    private final Market[] markets;
    private final Holdings[] accounts;
    private AgentSlot current;

    BlockEnvironment(Block block, Exchange exchange, OrderBook[] books, FeePolicy fees) {
        this.block = block;
        this.exchange = exchange;
        this.markets = new Market[books.length];
        this.accounts = new Holdings[books.length];
        for (int b = 0; b < books.length; b++) {
            markets[b] = new Market(b, books[b], exchange);
            accounts[b] = new Holdings(b, exchange, fees);
        }
    }

    /** The agent the next callback is made to. */
    void enter(AgentSlot slot) {
        current = slot;
    }

    AgentSlot current() {
        return current;
    }

    @Override
    public long now() {
        return block.now();
    }

    @Override
    public RandomGenerator random() {
        return current.random;
    }

    @Override
    public MarketView market(int bookId) {
        return markets[checkBook(bookId)];
    }

    @Override
    public AccountView account(int bookId) {
        Holdings view = accounts[checkBook(bookId)];
        view.agentId = current.agentId;
        return view;
    }

    @Override
    public PriceProcess process(int bookId, String name) {
        return block.process(checkBook(bookId), name);
    }

    @Override
    public void submit(Instruction instruction, long latency) {
        block.scheduleInstruction(current, instruction, latency);
    }

    @Override
    public void wakeAt(int bookId, long timestamp, int kind) {
        block.scheduleWake(current, current.slot, bookId, timestamp, kind);
    }

    @Override
    public void wakeInstance(int instanceIndex, int bookId, long timestamp, int kind) {
        block.scheduleWake(current, block.peerSlot(current, instanceIndex), bookId, timestamp, kind);
    }

    private int checkBook(int bookId) {
        if (bookId < 0 || bookId >= markets.length) {
            throw new IllegalArgumentException(String.format("%s asked for book %d; the block's books are 0..%d",
                    block.agentName(current), bookId, markets.length - 1));
        }
        return bookId;
    }

    /** A book read through the matching rule's own book. */
    private static final class Market implements MarketView, LevelVisitor {
        private final int bookId;
        private final OrderBook book;
        private final Exchange exchange;
        private long sum;
        private int levels;
        private int depth;

        Market(int bookId, OrderBook book, Exchange exchange) {
            this.bookId = bookId;
            this.book = book;
            this.exchange = exchange;
        }

        @Override
        public int bookId() {
            return bookId;
        }

        @Override
        public long bestBid() {
            return book.bestBid();
        }

        @Override
        public long bestAsk() {
            return book.bestAsk();
        }

        @Override
        public long lastTradePrice() {
            return exchange.lastPrice(bookId);
        }

        @Override
        public long depthVolume(boolean bids, int depth) {
            if (depth <= 0) {
                return 0;
            }
            this.sum = 0;
            this.levels = 0;
            this.depth = depth;
            book.levels(bids ? Side.BUY : Side.SELL, depth, this);
            return sum;
        }

        @Override
        public boolean visit(long price, long quantity, int orders) {
            sum += quantity;
            return ++levels < depth;
        }

        @Override
        public BookSnapshot snapshot(int depth) {
            return exchange.snapshot(bookId, Math.max(1, depth), 0);
        }
    }

    /** The current agent's account on one book. */
    private static final class Holdings implements AccountView {
        private final int bookId;
        private final Exchange exchange;
        private final FeePolicy fees;
        int agentId;

        Holdings(int bookId, Exchange exchange, FeePolicy fees) {
            this.bookId = bookId;
            this.exchange = exchange;
            this.fees = fees;
        }

        @Override
        public long freeBase() {
            return exchange.freeBase(agentId, bookId);
        }

        @Override
        public long freeQuote() {
            return exchange.freeQuote(agentId, bookId);
        }

        @Override
        public int openOrders() {
            return exchange.openOrders(agentId, bookId);
        }

        @Override
        public long makerFeeRate() {
            return fees.makerRate(agentId, bookId);
        }

        @Override
        public long takerFeeRate() {
            return fees.takerRate(agentId, bookId);
        }

        @Override
        public Account snapshot() {
            return exchange.account(agentId, bookId);
        }
    }
}
