package io.mvtrx.runtime.simulator.log;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;

/**
 * Reads an {@code events.l3} log (format in {@link EventLogWriter}) into {@link BookEvent} records, recomputing the
 * running hash and checking it against the trailer.
 *
 * {@snippet :
 * EventLogReader.Summary summary = EventLogReader.read(Path.of("out/events.l3"), event -> { });
 * System.out.println(summary.events() + " events, hash " + EventLogHash.hex(summary.hash()));
 * }
 *
 * <p>Stateless; allocates a record per event.
 */
public final class EventLogReader {

    private EventLogReader() {
    }

    /**
     * What a log holds.
     *
     * @param blockCount    blocks of the run
     * @param booksPerBlock books per block
     * @param decimals      the books' decimals
     * @param start         simulation start, ns
     * @param step          step length, ns
     * @param seed          root seed of the run
     * @param events        events read
     * @param steps         STEP records read
     * @param hash          running hash recomputed from the records
     * @param complete      whether the trailer was present and agreed with the count and the hash
     */
    public record Summary(int blockCount, int booksPerBlock, BookDecimals decimals, long start, long step, long seed,
                          long events, long steps, long hash, boolean complete) {
    }

    /**
     * Reads a log, handing each event to {@code events} in file order.
     *
     * @throws IOException if the file cannot be read or is not an event log (the message says which byte offset)
     */
    public static Summary read(Path file, Consumer<BookEvent> events) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, events);
        }
    }

    /** Reads a log from a stream, which is not closed. */
    public static Summary read(InputStream stream, Consumer<BookEvent> events) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        byte[] magic = new byte[EventLogWriter.MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, EventLogWriter.MAGIC)) {
            throw new IOException("not an MVTRX event log (bad magic)");
        }
        int version = in.readUnsignedByte();
        if (version != EventLogWriter.VERSION) {
            throw new IOException(String.format("event log version %d; this reader knows version %d", version,
                    EventLogWriter.VERSION));
        }
        int blockCount = in.readInt();
        int booksPerBlock = in.readInt();
        BookDecimals decimals = BookDecimals.of(in.readUnsignedByte(), in.readUnsignedByte(), in.readUnsignedByte(),
                in.readUnsignedByte());
        long start = in.readLong();
        long step = in.readLong();
        long seed = in.readLong();
        Fields f = new Fields(in);
        long count = 0;
        long steps = 0;
        boolean complete = false;
        while (true) {
            int type;
            try {
                type = in.readUnsignedByte();
            } catch (EOFException e) {
                break;
            }
            if (type == EventLogWriter.END) {
                long declaredEvents = in.readLong();
                long declaredHash = in.readLong();
                complete = declaredEvents == count && declaredHash == EventLogHash.finish(f.hash);
                break;
            }
            f.hash = EventLogHash.fold(f.hash, type);
            switch (type) {
                case EventLogWriter.PLACED -> {
                    int book = f.int32();
                    long time = f.int64();
                    long orderId = f.int64();
                    int agentId = f.int32();
                    long clientOrderId = f.int64();
                    OrderType orderType = OrderType.values()[f.int8()];
                    Side side = Side.values()[f.int8()];
                    StpMode stp = StpMode.values()[f.int8()];
                    events.accept(new OrderPlaced(book, time, orderId, agentId, clientOrderId, orderType, side,
                            f.int64(), f.int64(), f.int64(), stp));
                    count++;
                }
                case EventLogWriter.TRADE -> {
                    int book = f.int32();
                    long time = f.int64();
                    long tradeId = f.int64();
                    Side side = Side.values()[f.int8()];
                    events.accept(new Trade(book, time, tradeId, side, f.int64(), f.int64(), f.int32(), f.int32(),
                            f.int64(), f.int64(), f.int64(), f.int64()));
                    count++;
                }
                case EventLogWriter.CANCELLED -> {
                    int book = f.int32();
                    long time = f.int64();
                    long orderId = f.int64();
                    int agentId = f.int32();
                    long price = f.int64();
                    long volume = f.int64();
                    long remaining = f.int64();
                    events.accept(new OrderCancelled(book, time, orderId, agentId, price, volume, remaining,
                            CancelReason.values()[f.int8()]));
                    count++;
                }
                case EventLogWriter.STEP -> {
                    f.int64();
                    steps++;
                }
                default -> throw new IOException(String.format("unknown record type %d after %d events", type,
                        count));
            }
        }
        return new Summary(blockCount, booksPerBlock, decimals, start, step, seed, count, steps,
                EventLogHash.finish(f.hash), complete);
    }

    /** Reads fields and folds each into the hash, in argument-evaluation (file) order. */
    private static final class Fields {
        private final DataInputStream in;
        private long hash = EventLogHash.INITIAL;

        Fields(DataInputStream in) {
            this.in = in;
        }

        int int8() throws IOException {
            int v = in.readUnsignedByte();
            hash = EventLogHash.fold(hash, v);
            return v;
        }

        int int32() throws IOException {
            int v = in.readInt();
            hash = EventLogHash.fold(hash, v);
            return v;
        }

        long int64() throws IOException {
            long v = in.readLong();
            hash = EventLogHash.fold(hash, v);
            return v;
        }
    }
}
