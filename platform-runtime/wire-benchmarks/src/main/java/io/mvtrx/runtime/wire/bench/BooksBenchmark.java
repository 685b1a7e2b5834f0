package io.mvtrx.runtime.wire.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.wire.codec.BookCodec;

import com.google.protobuf.ByteString;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One publish's books as the validator encodes them once for every miner, on one thread: 128 books, each with 21
 * levels a side (the best 5 detailed with 4 resting orders each) and {@code events} L3 events since the publish
 * before (60 % placements, 25 % cancels, 15 % trades): 1.05 MB in all, the size of the 256-miner fan-out bench's
 * books at its first publishes (they grow to 2.5 MB as the makers' quotes build up).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BooksBenchmark {

    private static final int BOOKS = 128;
    private static final int LEVELS = 21;
    private static final int DETAILED = 5;

    @Param("400")
    int events;

    private List<BookState> books;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        books = new ArrayList<>(BOOKS);
        long timestamp = 1_000_000_000_000L;
        for (int book = 0; book < BOOKS; book++) {
            long mid = 100_000_000L + random.nextLong(1_000_000L);
            List<Level> bids = new ArrayList<>();
            List<Level> asks = new ArrayList<>();
            long orderId = 1_000_000L + book * 100_000L;
            for (int level = 0; level < LEVELS; level++) {
                bids.add(level(random, mid - (level + 1) * 1_000L, level < DETAILED, orderId, timestamp));
                asks.add(level(random, mid + (level + 1) * 1_000L, level < DETAILED, orderId + 50, timestamp));
                orderId += 10;
            }
            List<BookEvent> list = new ArrayList<>(events);
            long tradeId = book * 10_000L;
            for (int e = 0; e < events; e++) {
                long at = timestamp + e * 1_000_000L + random.nextLong(1_000_000L);
                long price = mid + random.nextLong(-20_000L, 20_000L);
                long volume = 1 + random.nextLong(1_000_000L);
                int agent = random.nextInt(-1000, 300);
                double kind = random.nextDouble();
                if (kind < 0.60) {
                    list.add(new OrderPlaced(book, at, ++orderId, agent, random.nextLong(1_000_000L), OrderType.LIMIT,
                            random.nextBoolean() ? Side.BUY : Side.SELL, price, volume, 0, StpMode.NONE));
                } else if (kind < 0.85) {
                    list.add(new OrderCancelled(book, at, orderId - random.nextInt(100), agent, price, volume, 0,
                            CancelReason.REQUESTED));
                } else {
                    long taker = ++orderId;
                    list.add(new Trade(book, at, ++tradeId, random.nextBoolean() ? Side.BUY : Side.SELL, taker,
                            taker - 1 - random.nextInt(100), agent, random.nextInt(-1000, 300), price, volume,
                            random.nextLong(1_000L), -random.nextLong(500L)));
                }
            }
            books.add(new BookState(new BookSnapshot(book, timestamp + events * 1_000_000L, bids, asks), list,
                    random.nextLong(1_000_000L)));
        }
    }

    private static Level level(SplittableRandom random, long price, boolean detailed, long firstId, long timestamp) {
        List<RestingOrder> orders = new ArrayList<>();
        long volume = 0;
        int count = detailed ? 4 : 0;
        for (int k = 0; k < count; k++) {
            long v = 1 + random.nextLong(1_000_000L);
            orders.add(new RestingOrder(firstId + k, random.nextInt(-1000, 300), v,
                    timestamp - random.nextLong(1L << 30)));
            volume += v;
        }
        return new Level(price, detailed ? volume : 1 + random.nextLong(10_000_000L), orders);
    }

    /** The {@code Books} bytes of all 128 books, as the fan-out sends them (before compression). */
    @Benchmark
    public ByteString encode() {
        return BookCodec.encodeBooks(books);
    }
}
