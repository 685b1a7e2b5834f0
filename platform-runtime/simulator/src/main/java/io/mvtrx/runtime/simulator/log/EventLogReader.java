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
        return read(file, events, header -> { });
    }

    /**
     * Reads a log, handing its header to {@code header} (as a summary with nothing read yet: no events, no steps,
     * the initial hash, incomplete) before the first event goes to {@code events}.
     *
     * @throws IOException if the file cannot be read or is not an event log
     */
    public static Summary read(Path file, Consumer<BookEvent> events, Consumer<Summary> header) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, events, header);
        }
    }

    /** Reads a log from a stream, which is not closed. */
    public static Summary read(InputStream stream, Consumer<BookEvent> events) throws IOException {
        return read(stream, events, header -> { });
    }

    /** Reads a log from a stream, which is not closed, announcing its header first. */
    public static Summary read(InputStream stream, Consumer<BookEvent> events, Consumer<Summary> header)
            throws IOException {
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
        header.accept(new Summary(blockCount, booksPerBlock, decimals, start, step, seed, 0, 0,
                EventLogHash.finish(EventLogHash.INITIAL), false));
        Fields f = new Fields(in);
        long count = 0;
        long steps = 0;
        boolean complete = false;
        while (true) {
            int first = in.read();
            if (first < 0) {
                break;
            }
            int type;
            try {
                type = (int) f.varint(first);
                if (type == EventLogWriter.END) {
                    long declaredEvents = f.varint(in.readUnsignedByte());
                    long declaredHash = unzigzag(f.varint(in.readUnsignedByte()));
                    complete = declaredEvents == count && declaredHash == EventLogHash.finish(f.hash);
                    break;
                }
            } catch (EOFException e) {
                break;
            }
            long before = f.hash;
            f.hash = EventLogHash.fold(f.hash, type);
            try {
                switch (type) {
                    case EventLogWriter.PLACED -> {
                        int book = (int) f.u();
                        long time = f.time();
                        long orderId = f.u();
                        int agentId = (int) f.s();
                        long clientOrderId = f.s();
                        OrderType orderType = OrderType.values()[(int) f.u()];
                        Side side = Side.values()[(int) f.u()];
                        StpMode stp = StpMode.values()[(int) f.u()];
                        events.accept(new OrderPlaced(book, time, orderId, agentId, clientOrderId, orderType, side,
                                f.s(), f.s(), f.s(), stp));
                        count++;
                    }
                    case EventLogWriter.TRADE -> {
                        int book = (int) f.u();
                        long time = f.time();
                        long tradeId = f.u();
                        Side side = Side.values()[(int) f.u()];
                        events.accept(new Trade(book, time, tradeId, side, f.u(), f.u(), (int) f.s(), (int) f.s(),
                                f.s(), f.s(), f.s(), f.s()));
                        count++;
                    }
                    case EventLogWriter.CANCELLED -> {
                        int book = (int) f.u();
                        long time = f.time();
                        long orderId = f.u();
                        int agentId = (int) f.s();
                        long price = f.s();
                        long volume = f.s();
                        long remaining = f.s();
                        events.accept(new OrderCancelled(book, time, orderId, agentId, price, volume, remaining,
                                CancelReason.values()[(int) f.u()]));
                        count++;
                    }
                    case EventLogWriter.STEP -> {
                        f.s();
                        steps++;
                    }
                    default -> throw new IOException(String.format("unknown record type %d after %d events",
                            type, count));
                }
            } catch (EOFException e) {
                // a log cut inside a record (a run that was killed): the events before it stand
                f.hash = before;
                break;
            }
        }
        return new Summary(blockCount, booksPerBlock, decimals, start, step, seed, count, steps,
                EventLogHash.finish(f.hash), complete);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    /** Reads fields and folds each into the hash, in argument-evaluation (file) order. */
    private static final class Fields {
        private final DataInputStream in;
        private long hash = EventLogHash.INITIAL;
        private long lastTime;

        Fields(DataInputStream in) {
            this.in = in;
        }

        long varint(int first) throws IOException {
            long v = first & 0x7F;
            int shift = 7;
            int b = first;
            while ((b & 0x80) != 0) {
                if (shift > 63) {
                    throw new IOException("malformed varint in the event log");
                }
                b = in.readUnsignedByte();
                v |= (long) (b & 0x7F) << shift;
                shift += 7;
            }
            return v;
        }

        long u() throws IOException {
            long v = varint(in.readUnsignedByte());
            hash = EventLogHash.fold(hash, v);
            return v;
        }

        long s() throws IOException {
            long v = unzigzag(varint(in.readUnsignedByte()));
            hash = EventLogHash.fold(hash, v);
            return v;
        }

        long time() throws IOException {
            long t = lastTime + unzigzag(varint(in.readUnsignedByte()));
            lastTime = t;
            hash = EventLogHash.fold(hash, t);
            return t;
        }
    }
}
