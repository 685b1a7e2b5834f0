package io.mvtrx.runtime.simulator.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import io.mvtrx.api.number.BookDecimals;

/**
 * Writes the L3 event log, {@code events.l3}: a header, then every L3 event of every book in the simulation's
 * deterministic order (step by step; within a step block by block; within a block in processing order), a step
 * marker at each barrier, and a trailer. Prices, volumes and fees are the scaled longs of the header's decimals;
 * book ids are canonical.
 *
 * <p>Encoding: the header's numbers are big-endian; after it every field is a varint (LEB128: 7 bits a byte, low
 * group first, high bit = more follows). Unsigned fields ({@code u}) are written as they are; signed fields
 * ({@code s}) are zigzag-encoded first ({@code (v << 1) ^ (v >> 63)}); a record's time is written as the zigzag
 * difference from the previous record's time (the first record's from 0), so times go back at block boundaries at
 * no cost. A typical event takes 15–35 bytes.
 *
 * <pre>
 * header   "MVTRXL3" 0x01 | int blockCount | int booksPerBlock | byte priceDecimals volumeDecimals baseDecimals
 *          quoteDecimals | long start | long step | long seed                                           (44 bytes)
 * PLACED   u 1 | u book | s Δtime | u orderId | s agentId | s clientOrderId | u orderType | u side | u stp
 *          | s price | s volume | s leverage
 * TRADE    u 2 | u book | s Δtime | u tradeId | u takerSide | u takerOrderId | u makerOrderId | s takerAgentId
 *          | s makerAgentId | s price | s volume | s takerFee | s makerFee
 * CANCEL   u 3 | u book | s Δtime | u orderId | s agentId | s price | s volume | s remaining | u reason
 * STEP     u 4 | s cutoff
 * END      u 5 | u events | s hash
 * </pre>
 *
 * Enumerations are their ordinals in platform-api declaration order: order type LIMIT 0, MARKET 1; side BUY 0, SELL 1;
 * STP NONE 0, CO 1, CN 2, CB 3, DC 4; cancel reason REQUESTED 0, EXPIRED 1, SELF_TRADE 2, UNFILLED 3, RESET 4. The
 * running hash ({@link EventLogHash}) is taken over the field values (times absolute, not differences) of the PLACED,
 * TRADE, CANCEL and STEP records, the type included; the END record carries its finished value and the event count.
 *
 * <p>Checkpoints: {@link #position()} flushes everything written so far to the stream and says where the log
 * stands (bytes written, the running hash's state, the event count, the last record's time); {@link #resume}
 * continues a log from such a position onto a stream positioned at that byte offset, so that the continued file is
 * byte for byte the file an uninterrupted run writes.
 *
 * <p>Without an output stream the writer only hashes and counts. Not thread-safe: the simulation writes at the
 * barrier, from one thread. Buffers 64 KiB; allocation-free per event.
 */
public final class EventLogWriter implements AutoCloseable {

    /** Record type of an order that now rests. */
    public static final int PLACED = 1;
    /** Record type of a trade. */
    public static final int TRADE = 2;
    /** Record type of a cancellation. */
    public static final int CANCELLED = 3;
    /** Record type of a barrier. */
    public static final int STEP = 4;
    /** Record type of the trailer. */
    public static final int END = 5;

    /** The first seven bytes of a log. */
    static final byte[] MAGIC = {'M', 'V', 'T', 'R', 'X', 'L', '3'};
    /** The format version this writer produces. */
    static final int VERSION = 1;

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private long hash = EventLogHash.INITIAL;
    private long events;
    private long lastTime;
    private long written;
    private boolean closed;

    /**
     * Where a log stands, for a checkpoint.
     *
     * @param bytes     bytes written to the stream so far (header included)
     * @param hashState the running hash's state (not its printed form)
     * @param events    L3 events written
     * @param lastTime  time of the last record, from which the next one's time difference is taken
     */
    public record Position(long bytes, long hashState, long events, long lastTime) {
    }

    /**
     * Starts a log and writes its header.
     *
     * @param out where to write, or null to only hash and count; closed by {@link #close}
     */
    public EventLogWriter(OutputStream out, int blockCount, int booksPerBlock, BookDecimals decimals, long start,
                          long step, long seed) {
        this.out = out;
        System.arraycopy(MAGIC, 0, buffer, 0, MAGIC.length);
        position = MAGIC.length;
        putByte(VERSION);
        putInt(blockCount);
        putInt(booksPerBlock);
        putByte(decimals.price().decimals());
        putByte(decimals.volume().decimals());
        putByte(decimals.base().decimals());
        putByte(decimals.quote().decimals());
        putLong(start);
        putLong(step);
        putLong(seed);
    }

    private EventLogWriter(OutputStream out, Position position) {
        this.out = out;
        this.written = position.bytes();
        this.hash = position.hashState();
        this.events = position.events();
        this.lastTime = position.lastTime();
    }

    /**
     * Continues a log from a {@link #position()}; writes no header.
     *
     * @param out where the next byte after {@code position.bytes()} goes, or null to only hash and count
     */
    public static EventLogWriter resume(OutputStream out, Position position) {
        return new EventLogWriter(out, position);
    }

    /**
     * Flushes what is buffered to the stream (and the stream) and returns where the log stands.
     *
     * @throws java.io.UncheckedIOException if the stream fails
     * @throws IllegalStateException        if the log is closed
     */
    public Position position() {
        if (closed) {
            throw new IllegalStateException("the event log is closed");
        }
        flush();
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the event log", e);
            }
        }
        return new Position(written, hash, events, lastTime);
    }

    /** Events written so far. */
    public long events() {
        return events;
    }

    /** The finished running hash of everything written so far. */
    public long hash() {
        return EventLogHash.finish(hash);
    }

    /** Appends a PLACED record. */
    public void placed(int book, long time, long orderId, int agentId, long clientOrderId, int orderType, int side,
                       int stp, long price, long volume, long leverage) {
        room();
        type(PLACED);
        u(book);
        time(time);
        u(orderId);
        s(agentId);
        s(clientOrderId);
        u(orderType);
        u(side);
        u(stp);
        s(price);
        s(volume);
        s(leverage);
        events++;
    }

    /** Appends a TRADE record. */
    public void trade(int book, long time, long tradeId, int takerSide, long takerOrderId, long makerOrderId,
                      int takerAgentId, int makerAgentId, long price, long volume, long takerFee, long makerFee) {
        room();
        type(TRADE);
        u(book);
        time(time);
        u(tradeId);
        u(takerSide);
        u(takerOrderId);
        u(makerOrderId);
        s(takerAgentId);
        s(makerAgentId);
        s(price);
        s(volume);
        s(takerFee);
        s(makerFee);
        events++;
    }

    /** Appends a CANCEL record. */
    public void cancelled(int book, long time, long orderId, int agentId, long price, long volume, long remaining,
                          int reason) {
        room();
        type(CANCELLED);
        u(book);
        time(time);
        u(orderId);
        s(agentId);
        s(price);
        s(volume);
        s(remaining);
        u(reason);
        events++;
    }

    /** Appends a STEP record: every event before it happened before {@code cutoff}. */
    public void step(long cutoff) {
        room();
        type(STEP);
        s(cutoff);
    }

    /** Writes the trailer and closes the stream. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        room();
        closed = true;
        putVarint(END);
        putVarint(events);
        putVarint(zigzag(hash()));
        flush();
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the event log", e);
            }
        }
    }

    private void type(int type) {
        hash = EventLogHash.fold(hash, type);
        putVarint(type);
    }

    /** An unsigned field. */
    private void u(long v) {
        hash = EventLogHash.fold(hash, v);
        putVarint(v);
    }

    /** A signed field. */
    private void s(long v) {
        hash = EventLogHash.fold(hash, v);
        putVarint(zigzag(v));
    }

    /** A record's time: hashed as it is, written as the difference from the previous record's. */
    private void time(long t) {
        hash = EventLogHash.fold(hash, t);
        putVarint(zigzag(t - lastTime));
        lastTime = t;
    }

    static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private void putVarint(long v) {
        byte[] b = buffer;
        int p = position;
        while ((v & ~0x7FL) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        position = p;
    }

    private void room() {
        if (closed) {
            throw new IllegalStateException("the event log is closed");
        }
        if (position > buffer.length - 256) {
            flush();
        }
    }

    private void flush() {
        if (out != null && position > 0) {
            try {
                out.write(buffer, 0, position);
                written += position;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the event log", e);
            }
        }
        position = 0;
    }

    private void putByte(int v) {
        buffer[position++] = (byte) v;
    }

    private void putInt(int v) {
        byte[] b = buffer;
        int p = position;
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
        position = p + 4;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}
