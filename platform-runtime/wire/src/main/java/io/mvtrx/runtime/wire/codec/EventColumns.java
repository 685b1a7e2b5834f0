package io.mvtrx.runtime.wire.codec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.CodedInputStream;

/**
 * A book's L3 events as {@code BookEventColumns} (model.proto): the bulk of a step's books (about 90 % of the bytes
 * as one message per event), so the form that decides how many bytes go to every miner. Both decoders (the generated
 * messages' and {@link BooksReader}) end in {@link #decode(int, long[][], int[])}, so they agree on every input.
 *
 * <p>Stateless and thread-safe.
 */
final class EventColumns {

    /** Number of column fields; field {@code f} is at index {@code f - 1} of the decoders' arrays. */
    static final int FIELDS = 14;

    static final int HEADER = 0;
    static final int TIMESTAMP_DELTA = 1;
    static final int ORDER_ID_DELTA = 2;
    static final int AGENT_ID = 3;
    static final int PRICE_DELTA = 4;
    static final int VOLUME = 5;
    static final int CLIENT_ORDER_ID = 6;
    static final int LEVERAGE = 7;
    static final int TRADE_ID_DELTA = 8;
    static final int MAKER_ORDER_OFFSET = 9;
    static final int MAKER_AGENT_ID = 10;
    static final int TAKER_FEE = 11;
    static final int MAKER_FEE = 12;
    static final int REMAINING = 13;

    private static final String[] NAMES = {"header", "timestamp_delta", "order_id_delta", "agent_id", "price_delta",
        "volume", "client_order_id", "leverage", "trade_id_delta", "maker_order_offset", "maker_agent_id",
        "taker_fee", "maker_fee", "remaining"};

    private static final int PLACED = 1;
    private static final int TRADE = 2;
    private static final int CANCELLED = 3;
    /** Radix of side and order type in a placed event's header: their enum numbers are 0..2. */
    private static final int RADIX = 3;

    static {
        for (io.mvtrx.api.order.Side side : io.mvtrx.api.order.Side.values()) {
            check(Enums.SIDE.number(side));
        }
        for (io.mvtrx.api.order.OrderType type : io.mvtrx.api.order.OrderType.values()) {
            check(Enums.ORDER_TYPE.number(type));
        }
    }

    private EventColumns() {
    }

    private static void check(int number) {
        if (number >= RADIX) {
            throw new ExceptionInInitializerError("enum number " + number + " does not fit the event header");
        }
    }

    /** Whether {@code events} can go as columns: not empty, and all of the book {@code bookId}. */
    static boolean fits(int bookId, List<BookEvent> events) {
        if (events.isEmpty()) {
            return false;
        }
        for (BookEvent event : events) {
            if (event.bookId() != bookId) {
                return false;
            }
        }
        return true;
    }

    /** How fields 1..14 are coded. */
    static final ColumnCoding[] CODINGS = {ColumnCoding.UINT32, ColumnCoding.SINT64, ColumnCoding.SINT64,
        ColumnCoding.SINT32, ColumnCoding.SINT64, ColumnCoding.INT64, ColumnCoding.SINT64, ColumnCoding.INT64,
        ColumnCoding.SINT64, ColumnCoding.SINT64, ColumnCoding.SINT32, ColumnCoding.SINT64, ColumnCoding.SINT64,
        ColumnCoding.INT64};

    /**
     * The columns' values of {@code events}, in processing order, field {@code f} at index {@code f - 1}, each array
     * exactly as long as its column; the caller has checked {@link #fits}.
     */
    static long[][] columns(List<BookEvent> events) {
        int n = events.size();
        int placed = 0;
        int trades = 0;
        for (BookEvent event : events) {
            placed += event instanceof OrderPlaced ? 1 : 0;
            trades += event instanceof Trade ? 1 : 0;
        }
        int[] lengths = lengths(n, placed, trades, n - placed - trades);
        long[][] c = new long[FIELDS][];
        for (int i = 0; i < FIELDS; i++) {
            c[i] = new long[lengths[i]];
        }
        long timestamp = 0;
        long orderId = 0;
        long price = 0;
        long tradeId = 0;
        int p = 0;
        int t = 0;
        int x = 0;
        for (int i = 0; i < n; i++) {
            BookEvent event = events.get(i);
            c[TIMESTAMP_DELTA][i] = event.timestamp() - timestamp;
            timestamp = event.timestamp();
            c[VOLUME][i] = event.volume();
            long eventOrderId;
            switch (event) {
                case OrderPlaced o -> {
                    c[HEADER][i] = PLACED + 4 * (Enums.SIDE.number(o.side())
                            + RADIX * (Enums.ORDER_TYPE.number(o.type()) + RADIX * Enums.STP.number(o.stp())));
                    eventOrderId = o.orderId();
                    c[AGENT_ID][i] = o.agentId();
                    c[CLIENT_ORDER_ID][p] = o.clientOrderId();
                    c[LEVERAGE][p++] = o.leverage();
                }
                case Trade o -> {
                    c[HEADER][i] = TRADE + 4 * Enums.SIDE.number(o.takerSide());
                    eventOrderId = o.takerOrderId();
                    c[AGENT_ID][i] = o.takerAgentId();
                    c[TRADE_ID_DELTA][t] = o.tradeId() - tradeId;
                    tradeId = o.tradeId();
                    c[MAKER_ORDER_OFFSET][t] = o.makerOrderId() - o.takerOrderId();
                    c[MAKER_AGENT_ID][t] = o.makerAgentId();
                    c[TAKER_FEE][t] = o.takerFee();
                    c[MAKER_FEE][t++] = o.makerFee();
                }
                case OrderCancelled o -> {
                    c[HEADER][i] = CANCELLED + 4 * Enums.CANCEL_REASON.number(o.reason());
                    eventOrderId = o.orderId();
                    c[AGENT_ID][i] = o.agentId();
                    c[REMAINING][x++] = o.remaining();
                }
            }
            c[ORDER_ID_DELTA][i] = eventOrderId - orderId;
            orderId = eventOrderId;
            c[PRICE_DELTA][i] = event.price() - price;
            price = event.price();
        }
        return c;
    }

    /** The columns message of {@code events} (the generated encoder's; {@link BooksWriter} writes the same bytes). */
    static ModelProto.BookEventColumns encode(List<BookEvent> events) {
        long[][] c = columns(events);
        ModelProto.BookEventColumns.Builder out = ModelProto.BookEventColumns.newBuilder();
        for (int i = 0; i < events.size(); i++) {
            out.addHeader((int) c[HEADER][i]).addTimestampDelta(c[TIMESTAMP_DELTA][i])
                    .addOrderIdDelta(c[ORDER_ID_DELTA][i]).addAgentId((int) c[AGENT_ID][i])
                    .addPriceDelta(c[PRICE_DELTA][i]).addVolume(c[VOLUME][i]);
        }
        for (int i = 0; i < c[CLIENT_ORDER_ID].length; i++) {
            out.addClientOrderId(c[CLIENT_ORDER_ID][i]).addLeverage(c[LEVERAGE][i]);
        }
        for (int i = 0; i < c[TRADE_ID_DELTA].length; i++) {
            out.addTradeIdDelta(c[TRADE_ID_DELTA][i]).addMakerOrderOffset(c[MAKER_ORDER_OFFSET][i])
                    .addMakerAgentId((int) c[MAKER_AGENT_ID][i]).addTakerFee(c[TAKER_FEE][i])
                    .addMakerFee(c[MAKER_FEE][i]);
        }
        for (long remaining : c[REMAINING]) {
            out.addRemaining(remaining);
        }
        return out.build();
    }

    /** The events a generated columns message carries, all of the book {@code bookId}. */
    static List<BookEvent> decode(int bookId, ModelProto.BookEventColumns c) {
        long[][] columns = {
            unsigned(c.getHeaderList()), ColumnCoding.values(c.getTimestampDeltaList()),
            ColumnCoding.values(c.getOrderIdDeltaList()), ColumnCoding.values(c.getAgentIdList()),
            ColumnCoding.values(c.getPriceDeltaList()), ColumnCoding.values(c.getVolumeList()),
            ColumnCoding.values(c.getClientOrderIdList()), ColumnCoding.values(c.getLeverageList()),
            ColumnCoding.values(c.getTradeIdDeltaList()), ColumnCoding.values(c.getMakerOrderOffsetList()),
            ColumnCoding.values(c.getMakerAgentIdList()), ColumnCoding.values(c.getTakerFeeList()),
            ColumnCoding.values(c.getMakerFeeList()), ColumnCoding.values(c.getRemainingList())};
        return decode(bookId, columns, ColumnCoding.lengths(columns));
    }

    /** uint32 values arrive as Java ints: read them unsigned, as the streaming reader does. */
    private static long[] unsigned(List<Integer> values) {
        long[] out = new long[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Integer.toUnsignedLong(values.get(i));
        }
        return out;
    }

    /**
     * The events of decoded columns: the first {@code counts[i]} values of {@code columns[i]}, column {@code i} being
     * field {@code i + 1}; headers as unsigned 32-bit values, agent ids as sint32 values.
     *
     * @throws WireFormatException when a header is not a known kind and enums, or a column's length does not match
     *                             the events it belongs to
     */
    static List<BookEvent> decode(int bookId, long[][] columns, int[] counts) {
        check(columns[HEADER], counts);
        return build(bookId, columns, counts[HEADER]);
    }

    /** The {@code n} events of columns {@link #check} accepted (a reader that checked them on arrival). */
    static List<BookEvent> build(int bookId, long[][] columns, int n) {
        List<BookEvent> events = new ArrayList<>(n);
        long timestamp = 0;
        long orderId = 0;
        long price = 0;
        long tradeId = 0;
        int p = 0;
        int t = 0;
        int c = 0;
        for (int i = 0; i < n; i++) {
            long header = columns[HEADER][i];
            long detail = header >>> 2;
            timestamp += columns[TIMESTAMP_DELTA][i];
            orderId += columns[ORDER_ID_DELTA][i];
            price += columns[PRICE_DELTA][i];
            int agentId = (int) columns[AGENT_ID][i];
            long volume = columns[VOLUME][i];
            switch ((int) (header & 3)) {
                case PLACED -> {
                    events.add(new OrderPlaced(bookId, timestamp, orderId, agentId, columns[CLIENT_ORDER_ID][p],
                            Enums.ORDER_TYPE.decode((int) (detail / RADIX % RADIX), "OrderPlaced.type"),
                            Enums.SIDE.decode((int) (detail % RADIX), "OrderPlaced.side"),
                            price, volume, columns[LEVERAGE][p],
                            Enums.STP.decode((int) (detail / (RADIX * RADIX)), "OrderPlaced.stp")));
                    p++;
                }
                case TRADE -> {
                    tradeId += columns[TRADE_ID_DELTA][t];
                    events.add(trade(bookId, timestamp, tradeId, header, orderId, columns[MAKER_ORDER_OFFSET][t],
                            agentId, columns[MAKER_AGENT_ID][t], price, volume, columns[TAKER_FEE][t],
                            columns[MAKER_FEE][t]));
                    t++;
                }
                default -> {
                    events.add(new OrderCancelled(bookId, timestamp, orderId, agentId, price, volume,
                            columns[REMAINING][c],
                            Enums.CANCEL_REASON.decode((int) detail, "OrderCancelled.reason")));
                    c++;
                }
            }
        }
        return events;
    }

    /**
     * Checks what {@link #decode} checks, from the headers alone and every column's length: each header's kind, each
     * column's length against the events of its kind, then each header's enums; the same refusals in the same order,
     * so a reader may check on arrival and build the events later.
     *
     * @throws WireFormatException as {@link #decode}
     */
    static void check(long[] headers, int[] counts) {
        int n = counts[HEADER];
        int placed = 0;
        int trades = 0;
        int cancelled = 0;
        for (int i = 0; i < n; i++) {
            switch ((int) (headers[i] & 3)) {
                case PLACED -> placed++;
                case TRADE -> trades++;
                case CANCELLED -> cancelled++;
                default -> throw new WireFormatException("BookEventColumns.header[%d]: %d is no event kind", i,
                        headers[i]);
            }
        }
        int[] expected = lengths(n, placed, trades, cancelled);
        for (int i = 0; i < FIELDS; i++) {
            if (counts[i] != expected[i]) {
                throw new WireFormatException("BookEventColumns.%s: %d values for %d events of its kind", NAMES[i],
                        counts[i], expected[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            long detail = headers[i] >>> 2;
            switch ((int) (headers[i] & 3)) {
                case PLACED -> {
                    Enums.ORDER_TYPE.decode((int) (detail / RADIX % RADIX), "OrderPlaced.type");
                    Enums.SIDE.decode((int) (detail % RADIX), "OrderPlaced.side");
                    Enums.STP.decode((int) (detail / (RADIX * RADIX)), "OrderPlaced.stp");
                }
                case TRADE -> Enums.SIDE.decode((int) detail, "Trade.taker_side");
                default -> Enums.CANCEL_REASON.decode((int) detail, "OrderCancelled.reason");
            }
        }
    }

    /**
     * The trades among {@code n} checked events, built as {@link #decode} builds them, reading the columns as
     * streams ({@code columns[c]} over column {@code c}'s packed values) and skipping the placement and cancel
     * columns: no other event and no column array is built.
     */
    static List<Trade> trades(int bookId, long[] headers, int n, CodedInputStream[] columns) {
        List<Trade> trades = new ArrayList<>();
        long timestamp = 0;
        long orderId = 0;
        long price = 0;
        long tradeId = 0;
        try {
            for (int i = 0; i < n; i++) {
                timestamp += CODINGS[TIMESTAMP_DELTA].read(columns[TIMESTAMP_DELTA]);
                orderId += CODINGS[ORDER_ID_DELTA].read(columns[ORDER_ID_DELTA]);
                int agentId = (int) CODINGS[AGENT_ID].read(columns[AGENT_ID]);
                price += CODINGS[PRICE_DELTA].read(columns[PRICE_DELTA]);
                long volume = CODINGS[VOLUME].read(columns[VOLUME]);
                if ((headers[i] & 3) == TRADE) {
                    tradeId += CODINGS[TRADE_ID_DELTA].read(columns[TRADE_ID_DELTA]);
                    trades.add(trade(bookId, timestamp, tradeId, headers[i], orderId,
                            CODINGS[MAKER_ORDER_OFFSET].read(columns[MAKER_ORDER_OFFSET]), agentId,
                            CODINGS[MAKER_AGENT_ID].read(columns[MAKER_AGENT_ID]), price, volume,
                            CODINGS[TAKER_FEE].read(columns[TAKER_FEE]), CODINGS[MAKER_FEE].read(columns[MAKER_FEE])));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("event columns checked on arrival could not be read again", e);
        }
        return trades;
    }

    /** One trade from its header and its columns' values (sums already taken), as both builders make it. */
    private static Trade trade(int bookId, long timestamp, long tradeId, long header, long takerOrderId,
                               long makerOrderOffset, int takerAgentId, long makerAgentId, long price, long volume,
                               long takerFee, long makerFee) {
        return new Trade(bookId, timestamp, tradeId, Enums.SIDE.decode((int) (header >>> 2), "Trade.taker_side"),
                takerOrderId, takerOrderId + makerOrderOffset, takerAgentId, (int) makerAgentId, price, volume,
                takerFee, makerFee);
    }

    /** Each column's length for {@code events} events of which so many are placements, trades and cancels. */
    private static int[] lengths(int events, int placed, int trades, int cancelled) {
        return new int[] {events, events, events, events, events, events, placed, placed, trades, trades, trades,
            trades, trades, cancelled};
    }

    /** A book's events given both ways is refused, by both decoders. */
    static WireFormatException bothForms() {
        return new WireFormatException("BookState: events given both as messages and as columns");
    }
}
