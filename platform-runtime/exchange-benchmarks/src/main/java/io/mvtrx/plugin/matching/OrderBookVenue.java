package io.mvtrx.plugin.matching;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.runtime.exchange.OrderMixStream;

/**
 * A bare {@link OrderBook} (a matching rule's book, no accounts, no fees) as an {@link OrderMixStream.Venue}: what
 * the exchange's intake would do around the book and nothing more. GTC: match, rest the remainder. IOC, market:
 * match (market with no limit). FOK: walk the opposite side within the limit, skipping the agent's own orders
 * (under STP CO; with {@link StpMode#NONE} own orders count), and match only if that covers the size. Post-only:
 * rest unless it would cross. Every order has the venue's STP mode (CO unless told otherwise); a lot is
 * {@code 10_000} at the book's volume decimals; order ids count up from 1.
 *
 * <p>Thread-confined; allocates nothing per operation beyond what the book does.
 */
public final class OrderBookVenue implements OrderMixStream.Venue {

    private static final long LOT = 10_000;

    private final OrderBook book;
    private final OrderMixStream stream;
    private final StpMode stp;
    private final BookWorkload.CountingSink sink = new BookWorkload.CountingSink();
    private final BookWorkload.FillOrKill fok = new BookWorkload.FillOrKill();
    private long nextId = 1;
    private long now;

    /** Drives {@code book} (empty) with STP CO and reports resting orders to {@code stream}. */
    public OrderBookVenue(OrderBook book, OrderMixStream stream) {
        this(book, stream, StpMode.CO);
    }

    /**
     * Drives {@code book} (empty) with self-trade prevention {@code stp} (CO or NONE) and reports resting orders
     * to {@code stream}.
     */
    public OrderBookVenue(OrderBook book, OrderMixStream stream, StpMode stp) {
        if (stp != StpMode.CO && stp != StpMode.NONE) {
            throw new IllegalArgumentException(String.format("OrderBookVenue supports STP CO or NONE, not %s", stp));
        }
        this.book = book;
        this.stream = stream;
        this.stp = stp;
    }

    /** The book under test. */
    public OrderBook book() {
        return book;
    }

    /** Fills so far (one per maker order touched). */
    public long trades() {
        return sink.fills;
    }

    @Override
    public void advanceClock() {
        now += 1_000;
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
    public int restingOrders() {
        return book.orderCount();
    }

    @Override
    public long limit(int agent, boolean buy, long price, long lots) {
        long id = nextId++;
        Side side = buy ? Side.BUY : Side.SELL;
        long left = book.match(id, agent, side, price, lots * LOT, stp, sink);
        if (left > 0) {
            book.rest(id, agent, side, price, left, now);
            stream.remember(id, agent);
        }
        return left;
    }

    @Override
    public long immediateOrCancel(int agent, boolean buy, long price, long lots) {
        return book.match(nextId++, agent, buy ? Side.BUY : Side.SELL, price, lots * LOT, stp, sink);
    }

    @Override
    public long market(int agent, boolean buy, long lots) {
        return book.match(nextId++, agent, buy ? Side.BUY : Side.SELL, OrderBook.NO_PRICE, lots * LOT, stp, sink);
    }

    @Override
    public long fillOrKill(int agent, boolean buy, long price, long lots) {
        long id = nextId++;
        Side side = buy ? Side.BUY : Side.SELL;
        fok.start(stp == StpMode.NONE ? -1 : agent, lots * LOT);
        book.walk(side.opposite(), price, fok);
        if (fok.needed > 0) {
            return -1;
        }
        return book.match(id, agent, side, price, lots * LOT, stp, sink);
    }

    @Override
    public long postOnly(int agent, boolean buy, long price, long lots) {
        long id = nextId++;
        long opposite = buy ? book.bestAsk() : book.bestBid();
        if (opposite != OrderBook.NO_PRICE && (buy ? price >= opposite : price <= opposite)) {
            return -2;
        }
        book.rest(id, agent, buy ? Side.BUY : Side.SELL, price, lots * LOT, now);
        stream.remember(id, agent);
        return lots;
    }

    @Override
    public long cancel(int owner, long orderId) {
        long removed = book.reduce(orderId, Long.MAX_VALUE);
        return removed > 0 ? removed : -1;
    }
}
