package io.mvtrx.plugin.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.MatchSink;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.api.spi.matching.RestingOrderVisitor;

/**
 * A deterministic single-book order stream for matching benchmarks, modelled on exchange-core's order-book
 * benchmark mix: one book, about {@code targetOrders} resting orders spread over some 750 price levels, orders from
 * {@code agents} agents, and
 * <ul>
 *   <li>60 % GTC limit orders near the touch (matched, the remainder rests);</li>
 *   <li>25 % full cancels of live orders;</li>
 *   <li>10 % IOC (half) and market (half) orders: matched, the remainder discarded;</li>
 *   <li>5 % FOK (walk the opposite side within the limit, match only if it fills) and post-only (rest only if it
 *       does not cross) orders.</li>
 * </ul>
 * Every order uses STP CO. Limit prices sit a distance from the touch drawn from an exponential law (mean 220 ticks),
 * with one in ten crossing it by up to three ticks; sizes are 1..100 lots; IOC/market sizes follow the book's depth
 * so that the count of resting orders stays near the target.
 *
 * <p>{@link #generate} warms a shadow book up, snapshots it (the <em>start</em>), then records a cycle of ops from
 * that start. A {@link Replay} rests the start, plays the cycle one op per {@link Replay#next()} call and, at the end
 * of the cycle, cancels whatever rests and rests the start again (about 2,000 book calls once per cycle, inside the
 * measured call that wraps). Generation checks that replaying the cycle reproduces the shadow book's state hash.
 *
 * <p>Not thread-safe; a replay allocates nothing per op beyond what the book does.
 */
public final class BookWorkload {

    /** Op kinds. */
    static final byte PLACE = 0;
    static final byte CANCEL = 1;
    static final byte TAKE = 2;
    static final byte FILL_OR_KILL = 3;
    static final byte POST_ONLY = 4;

    private static final long CENTRE = 100_000;

    final byte[] kinds;
    final long[] ids;
    final int[] agents;
    final Side[] sides;
    final long[] prices;
    final long[] quantities;
    final long[] startIds;
    final int[] startAgents;
    final Side[] startSides;
    final long[] startPrices;
    final long[] startQuantities;
    final long startHash;
    final int startLevels;
    long[] endIds;
    long endHash;

    private BookWorkload(int ops, List<long[]> start, long startHash, int startLevels) {
        this.kinds = new byte[ops];
        this.ids = new long[ops];
        this.agents = new int[ops];
        this.sides = new Side[ops];
        this.prices = new long[ops];
        this.quantities = new long[ops];
        int n = start.size();
        this.startIds = new long[n];
        this.startAgents = new int[n];
        this.startSides = new Side[n];
        this.startPrices = new long[n];
        this.startQuantities = new long[n];
        for (int i = 0; i < n; i++) {
            long[] o = start.get(i);
            startIds[i] = o[0];
            startAgents[i] = (int) o[1];
            startSides[i] = o[2] == 0 ? Side.BUY : Side.SELL;
            startPrices[i] = o[3];
            startQuantities[i] = o[4];
        }
        this.startHash = startHash;
        this.startLevels = startLevels;
    }

    /** Resting orders at the start of the cycle. */
    public int startOrders() {
        return startIds.length;
    }

    /** Price levels (both sides) at the start of the cycle. */
    public int startLevels() {
        return startLevels;
    }

    /** Ops in one cycle. */
    public int cycleLength() {
        return kinds.length;
    }

    /**
     * Generates a workload against books made by {@code books} (the rule decides which orders survive, so the
     * stream is specific to it).
     *
     * @param books        makes empty books of the rule measured
     * @param seed         random seed
     * @param warmUp       ops played before the start snapshot
     * @param ops          ops in the cycle
     * @param targetOrders resting orders to hover around
     * @param agentCount   distinct agents
     */
    public static BookWorkload generate(Supplier<OrderBook> books, long seed, int warmUp, int ops, int targetOrders,
                                        int agentCount) {
        Generator shadow = new Generator(books.get(), new SplittableRandom(seed), targetOrders, agentCount);
        for (int i = 0; i < warmUp; i++) {
            shadow.step(null, 0);
        }
        List<long[]> start = shadow.snapshot();
        long startHash = shadow.book.stateHash();
        int[] levels = new int[1];
        for (Side side : Side.values()) {
            shadow.book.levels(side, Integer.MAX_VALUE, (price, quantity, orders) -> ++levels[0] > 0);
        }
        BookWorkload done = new BookWorkload(ops, start, startHash, levels[0]);
        for (int i = 0; i < ops; i++) {
            shadow.step(done, i);
        }
        done.endIds = shadow.live.stream().mapToLong(Long::longValue).toArray();
        done.endHash = shadow.book.stateHash();

        Replay check = done.replay(books.get());
        for (int i = 0; i < ops; i++) {
            check.next();
        }
        if (check.book.stateHash() != done.endHash) {
            throw new IllegalStateException(String.format(
                    "replay diverged from generation: end hash %x, expected %x", check.book.stateHash(), done.endHash));
        }
        check.next();
        if (check.restarts != 1) {
            throw new IllegalStateException("replay did not wrap after one cycle");
        }
        return done;
    }

    /** A replay of this workload on {@code book} (empty), positioned at the start. */
    public Replay replay(OrderBook book) {
        return new Replay(this, book);
    }

    /** Plays the cycle op by op, forever. */
    public static final class Replay {

        private final BookWorkload w;
        private final OrderBook book;
        private final CountingSink sink = new CountingSink();
        private final FillOrKill fok = new FillOrKill();
        private int cursor;
        private long restarts;

        Replay(BookWorkload workload, OrderBook book) {
            this.w = workload;
            this.book = book;
            restStart();
            if (book.stateHash() != workload.startHash) {
                throw new IllegalStateException("start snapshot did not rebuild the start state");
            }
        }

        /** The book under replay. */
        public OrderBook book() {
            return book;
        }

        /** Fills seen so far (keeps the sink's work observable). */
        public long fills() {
            return sink.fills;
        }

        /** Plays the next op; returns a value that depends on its outcome. */
        public long next() {
            if (cursor == w.kinds.length) {
                restart();
            }
            int i = cursor++;
            long id = w.ids[i];
            int agent = w.agents[i];
            Side side = w.sides[i];
            long price = w.prices[i];
            long quantity = w.quantities[i];
            switch (w.kinds[i]) {
                case PLACE -> {
                    long left = book.match(id, agent, side, price, quantity, StpMode.CO, sink);
                    if (left > 0) {
                        book.rest(id, agent, side, price, left, i);
                    }
                    return left;
                }
                case CANCEL -> {
                    return book.reduce(id, Long.MAX_VALUE);
                }
                case TAKE -> {
                    return book.match(id, agent, side, price, quantity, StpMode.CO, sink);
                }
                case FILL_OR_KILL -> {
                    fok.start(agent, quantity);
                    book.walk(side.opposite(), price, fok);
                    if (fok.needed > 0) {
                        return -1;
                    }
                    return book.match(id, agent, side, price, quantity, StpMode.CO, sink);
                }
                case POST_ONLY -> {
                    long opposite = side == Side.BUY ? book.bestAsk() : book.bestBid();
                    if (opposite != OrderBook.NO_PRICE && (side == Side.BUY ? price >= opposite : price <= opposite)) {
                        return -2;
                    }
                    book.rest(id, agent, side, price, quantity, i);
                    return quantity;
                }
                default -> throw new IllegalStateException("unknown op kind " + w.kinds[i]);
            }
        }

        private void restart() {
            for (long id : w.endIds) {
                book.reduce(id, Long.MAX_VALUE);
            }
            restStart();
            cursor = 0;
            restarts++;
        }

        private void restStart() {
            for (int i = 0; i < w.startIds.length; i++) {
                book.rest(w.startIds[i], w.startAgents[i], w.startSides[i], w.startPrices[i], w.startQuantities[i], 0);
            }
        }
    }

    /** Counts what a match does, so the work cannot be optimised away. */
    static final class CountingSink implements MatchSink {
        long fills;
        long volume;
        long cancels;

        @Override
        public void onFill(long makerOrderId, int makerAgentId, int makerHandle, long price, long quantity,
                           long makerRemaining) {
            fills++;
            volume += quantity;
        }

        @Override
        public void onSelfTradeCancel(long makerOrderId, int makerHandle, long price, long quantity,
                                      long makerRemaining) {
            cancels++;
        }
    }

    /** FOK pre-check: is there enough within the limit once own orders (CO) are skipped? */
    static final class FillOrKill implements RestingOrderVisitor {
        int agent;
        long needed;

        void start(int agentId, long quantity) {
            agent = agentId;
            needed = quantity;
        }

        @Override
        public boolean visit(long orderId, int agentId, long price, long quantity) {
            if (agentId != agent) {
                needed -= quantity;
            }
            return needed > 0;
        }
    }

    /** The shadow book and the random choices; runs once, allocates freely. */
    private static final class Generator {
        final OrderBook book;
        final SplittableRandom random;
        final int target;
        final int agentCount;
        final List<Long> live = new ArrayList<>();
        final Map<Long, Integer> liveIndex = new HashMap<>();
        final FillOrKill fok = new FillOrKill();
        long nextId = 1;

        final MatchSink tracker = new MatchSink() {
            @Override
            public void onFill(long makerOrderId, int makerAgentId, int makerHandle, long price, long quantity,
                               long makerRemaining) {
                if (makerRemaining == 0) {
                    forget(makerOrderId);
                }
            }

            @Override
            public void onSelfTradeCancel(long makerOrderId, int makerHandle, long price, long quantity,
                                          long makerRemaining) {
                if (makerRemaining == 0) {
                    forget(makerOrderId);
                }
            }
        };

        Generator(OrderBook book, SplittableRandom random, int target, int agentCount) {
            this.book = book;
            this.random = random;
            this.target = target;
            this.agentCount = agentCount;
        }

        void step(BookWorkload out, int i) {
            int dice = random.nextInt(100);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            int agent = 1 + random.nextInt(agentCount);
            long id = nextId++;
            byte kind;
            long price;
            long quantity = 1 + random.nextInt(100);
            if (dice < 60 || live.isEmpty() && dice < 85) {
                kind = PLACE;
                price = limitPrice(side);
                long left = book.match(id, agent, side, price, quantity, StpMode.CO, tracker);
                if (left > 0) {
                    book.rest(id, agent, side, price, left, i);
                    remember(id);
                }
            } else if (dice < 85) {
                kind = CANCEL;
                id = live.get(random.nextInt(live.size()));
                price = 0;
                book.reduce(id, Long.MAX_VALUE);
                forget(id);
            } else if (dice < 95) {
                kind = TAKE;
                double pressure = (double) live.size() / target;
                quantity = 1 + random.nextInt((int) Math.max(2, 300 * pressure * pressure * pressure));
                price = dice < 90 ? OrderBook.NO_PRICE : takeLimit(side, 2 + random.nextInt(20));
                book.match(id, agent, side, price, quantity, StpMode.CO, tracker);
            } else if (dice < 98) {
                kind = FILL_OR_KILL;
                price = takeLimit(side, random.nextInt(10));
                fok.start(agent, quantity);
                book.walk(side.opposite(), price, fok);
                if (fok.needed <= 0) {
                    book.match(id, agent, side, price, quantity, StpMode.CO, tracker);
                }
            } else {
                kind = POST_ONLY;
                price = limitPrice(side);
                long opposite = side == Side.BUY ? book.bestAsk() : book.bestBid();
                if (opposite == OrderBook.NO_PRICE || (side == Side.BUY ? price < opposite : price > opposite)) {
                    book.rest(id, agent, side, price, quantity, i);
                    remember(id);
                }
            }
            if (out != null) {
                out.kinds[i] = kind;
                out.ids[i] = id;
                out.agents[i] = agent;
                out.sides[i] = side;
                out.prices[i] = price;
                out.quantities[i] = quantity;
            }
        }

        /** A limit near the touch of its own side: mostly passive, one in ten crossing by up to three ticks. */
        long limitPrice(Side side) {
            long touch = touch(side);
            long distance = random.nextInt(10) == 0
                    ? -random.nextInt(4)
                    : 1 + (long) (-Math.log(1 - random.nextDouble()) * 220);
            long price = side == Side.BUY ? touch - distance : touch + distance;
            return Math.max(1, price);
        }

        /** A taker limit {@code ticks} beyond the best opposite price. */
        long takeLimit(Side side, int ticks) {
            long opposite = side == Side.BUY ? book.bestAsk() : book.bestBid();
            if (opposite == OrderBook.NO_PRICE) {
                opposite = touch(side.opposite());
            }
            return Math.max(1, side == Side.BUY ? opposite + ticks : opposite - ticks);
        }

        /** Where a passive order of {@code side} measures its distance from: the opposite best, else a centre. */
        long touch(Side side) {
            long opposite = side == Side.BUY ? book.bestAsk() : book.bestBid();
            if (opposite != OrderBook.NO_PRICE) {
                return opposite;
            }
            long own = side == Side.BUY ? book.bestBid() : book.bestAsk();
            return own != OrderBook.NO_PRICE ? own + (side == Side.BUY ? 1 : -1) : CENTRE;
        }

        void remember(long id) {
            liveIndex.put(id, live.size());
            live.add(id);
        }

        void forget(long id) {
            Integer index = liveIndex.remove(id);
            if (index == null) {
                return;
            }
            long last = live.remove(live.size() - 1);
            if (last != id) {
                live.set(index, last);
                liveIndex.put(last, index);
            }
        }

        List<long[]> snapshot() {
            List<long[]> orders = new ArrayList<>();
            for (Side side : Side.values()) {
                RestingOrderVisitor collect = (orderId, agentId, price, quantity) -> orders.add(
                        new long[] {orderId, agentId, side == Side.BUY ? 0 : 1, price, quantity});
                book.walk(side, OrderBook.NO_PRICE, collect);
            }
            return orders;
        }
    }
}
