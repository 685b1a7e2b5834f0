package io.mvtrx.runtime.simulator.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import io.mvtrx.api.number.BookDecimals;

/**
 * Writes the L3 event log, {@code events.l3}: a header, then every L3 event of every book in the simulation's
 * deterministic order (step by step; within a step block by block; within a block in processing order), a step
 * marker at each barrier, and a trailer. All numbers are big-endian; prices, volumes and fees are the scaled longs
 * of the header's decimals; book ids are canonical.
 *
 * <pre>
 * header   "MVTRXL3" 0x01 | int blockCount | int booksPerBlock | byte priceDecimals volumeDecimals baseDecimals
 *          quoteDecimals | long start | long step | long seed                                           (44 bytes)
 * PLACED   0x01 | int book | long time | long orderId | int agentId | long clientOrderId | byte orderType
 *          | byte side | byte stp | long price | long volume | long leverage                           (60 bytes)
 * TRADE    0x02 | int book | long time | long tradeId | byte takerSide | long takerOrderId | long makerOrderId
 *          | int takerAgentId | int makerAgentId | long price | long volume | long takerFee | long makerFee (78 bytes)
 * CANCEL   0x03 | int book | long time | long orderId | int agentId | long price | long volume | long remaining
 *          | byte reason                                                                                 (50 bytes)
 * STEP     0x04 | long cutoff                                                                            (9 bytes)
 * END      0x05 | long events | long hash                                                               (17 bytes)
 * </pre>
 *
 * Enumerations are their ordinals in platform-api declaration order: order type LIMIT 0, MARKET 1; side BUY 0, SELL 1;
 * STP NONE 0, CO 1, CN 2, CB 3, DC 4; cancel reason REQUESTED 0, EXPIRED 1, SELF_TRADE 2, UNFILLED 3, RESET 4. The
 * running hash ({@link EventLogHash}) covers every field of the PLACED, TRADE, CANCEL and STEP records, the type byte
 * included; the END record carries its finished value and the event count.
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
    private boolean closed;

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
        int32(book);
        int64(time);
        int64(orderId);
        int32(agentId);
        int64(clientOrderId);
        int8(orderType);
        int8(side);
        int8(stp);
        int64(price);
        int64(volume);
        int64(leverage);
        events++;
    }

    /** Appends a TRADE record. */
    public void trade(int book, long time, long tradeId, int takerSide, long takerOrderId, long makerOrderId,
                      int takerAgentId, int makerAgentId, long price, long volume, long takerFee, long makerFee) {
        room();
        type(TRADE);
        int32(book);
        int64(time);
        int64(tradeId);
        int8(takerSide);
        int64(takerOrderId);
        int64(makerOrderId);
        int32(takerAgentId);
        int32(makerAgentId);
        int64(price);
        int64(volume);
        int64(takerFee);
        int64(makerFee);
        events++;
    }

    /** Appends a CANCEL record. */
    public void cancelled(int book, long time, long orderId, int agentId, long price, long volume, long remaining,
                          int reason) {
        room();
        type(CANCELLED);
        int32(book);
        int64(time);
        int64(orderId);
        int32(agentId);
        int64(price);
        int64(volume);
        int64(remaining);
        int8(reason);
        events++;
    }

    /** Appends a STEP record: every event before it happened before {@code cutoff}. */
    public void step(long cutoff) {
        room();
        type(STEP);
        int64(cutoff);
    }

    /** Writes the trailer and closes the stream. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        room();
        closed = true;
        putByte(END);
        putLong(events);
        putLong(hash());
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
        putByte(type);
    }

    private void int8(int v) {
        hash = EventLogHash.fold(hash, v);
        putByte(v);
    }

    private void int32(int v) {
        hash = EventLogHash.fold(hash, v);
        putInt(v);
    }

    private void int64(long v) {
        hash = EventLogHash.fold(hash, v);
        putLong(v);
    }

    private void room() {
        if (closed) {
            throw new IllegalStateException("the event log is closed");
        }
        if (position > buffer.length - 128) {
            flush();
        }
    }

    private void flush() {
        if (out != null && position > 0) {
            try {
                out.write(buffer, 0, position);
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
