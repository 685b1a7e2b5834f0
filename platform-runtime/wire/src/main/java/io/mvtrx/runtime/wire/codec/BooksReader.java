package io.mvtrx.runtime.wire.codec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.collect.DeferredList;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.EventList;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.state.BookState;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

/**
 * Reads {@code Books} bytes (model.proto) straight into the api records, without building the generated messages
 * first: the same result as {@code Books.parseFrom} followed by {@link BookCodec#decode}, at a fraction of the
 * allocations — decoding the shared books is a miner's largest cost per request (doc/benchmarks.md, fan-out).
 *
 * <p>Unknown fields and known fields with another wire type are skipped, as the generated parser does. A singular
 * message field given twice (which protobuf merges, and our encoder never writes) is not handled here:
 * {@link MergeNeeded} tells the caller to use the generated parser instead.
 */
final class BooksReader {

    /** A singular message field repeated: protobuf's merge semantics apply, leave it to the generated parser. */
    static final class MergeNeeded extends Exception {
        MergeNeeded() {
            super(null, null, false, false);
        }
    }

    private static final int LEN = WireFormat.WIRETYPE_LENGTH_DELIMITED;
    private static final int VARINT = WireFormat.WIRETYPE_VARINT;

    private BooksReader() {
    }

    private static int tag(int field, int wireType) {
        return field << 3 | wireType;
    }

    /**
     * @throws IOException              when the bytes are not a {@code Books} message
     * @throws IllegalArgumentException from the api records, for values they refuse
     * @throws WireFormatException      naming a required field that is unset
     */
    static List<BookState> read(ByteString bytes) throws IOException, MergeNeeded {
        CodedInputStream in = bytes.newCodedInput();
        List<BookState> books = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == tag(1, LEN)) {
                int limit = in.pushLimit(in.readRawVarint32());
                try {
                    books.add(book(in, bytes));
                } catch (IllegalArgumentException | WireFormatException e) {
                    throw new WireFormatException(e, "books[%d]: %s", books.size(), e.getMessage());
                }
                in.popLimit(limit);
            } else {
                skip(in, tag);
            }
        }
        return books;
    }

    private static BookState book(CodedInputStream in, ByteString bytes) throws IOException, MergeNeeded {
        BookSnapshot snapshot = null;
        List<BookEvent> events = new ArrayList<>();
        LongColumn[] eventColumns = null;
        Runs eventRuns = null;
        ByteString eventBytes = null;
        long makerTakerRatio = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == tag(1, LEN)) {
                if (snapshot != null) {
                    throw new MergeNeeded();
                }
                int limit = in.pushLimit(in.readRawVarint32());
                snapshot = snapshot(in, bytes);
                in.popLimit(limit);
            } else if (tag == tag(2, LEN)) {
                int limit = in.pushLimit(in.readRawVarint32());
                events.add(event(in));
                in.popLimit(limit);
            } else if (tag == tag(3, VARINT)) {
                makerTakerRatio = in.readSInt64();
            } else if (tag == tag(4, LEN)) {
                if (eventColumns != null) {
                    throw new MergeNeeded();
                }
                int length = in.readRawVarint32();
                int start = in.getTotalBytesRead();
                int limit = in.pushLimit(length);
                // the headers kept, the other columns counted and located: enough to check them all and to build
                // the trades now, and every event when an agent first reads them
                eventRuns = new Runs(start, EventColumns.CODINGS.length);
                eventColumns = columns(in, EventColumns.CODINGS, c -> c == EventColumns.HEADER, eventRuns);
                in.popLimit(limit);
                eventBytes = bytes.substring(start, start + length);
            } else {
                skip(in, tag);
            }
        }
        Checks.require(snapshot != null, "BookState.snapshot");
        if (eventColumns != null) {
            if (!events.isEmpty()) {
                throw EventColumns.bothForms();
            }
            int[] counts = sizes(eventColumns);
            long[] headers = eventColumns[EventColumns.HEADER].values;
            EventColumns.check(headers, counts);
            int bookId = snapshot.bookId();
            ByteString checked = eventBytes;
            if (eventRuns.regular) {
                CodedInputStream[] readers = new CodedInputStream[EventColumns.CODINGS.length];
                for (int c = 0; c < readers.length; c++) {
                    readers[c] = eventRuns.reader(checked, c);
                }
                events = EventList.of(EventColumns.trades(bookId, headers, counts[EventColumns.HEADER], readers),
                        counts[EventColumns.HEADER], () -> events(checked, bookId));
            } else {
                events = events(checked, bookId); // columns written value by value or in pieces: no shortcut
            }
        }
        return new BookState(snapshot, events, makerTakerRatio);
    }

    private static BookSnapshot snapshot(CodedInputStream in, ByteString bytes) throws IOException, MergeNeeded {
        int bookId = 0;
        long timestamp = 0;
        List<Level> bids = new ArrayList<>();
        List<Level> asks = new ArrayList<>();
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == tag(1, VARINT)) {
                bookId = in.readInt32();
            } else if (tag == tag(2, VARINT)) {
                timestamp = in.readInt64();
            } else if (tag == tag(3, LEN) || tag == tag(4, LEN)) {
                int limit = in.pushLimit(in.readRawVarint32());
                (tag == tag(3, LEN) ? bids : asks).add(level(in, bytes));
                in.popLimit(limit);
            } else {
                skip(in, tag);
            }
        }
        return new BookSnapshot(bookId, timestamp, bids, asks);
    }

    private static Level level(CodedInputStream in, ByteString bytes) throws IOException, MergeNeeded {
        long price = 0;
        long volume = 0;
        List<RestingOrder> orders = null;
        List<RestingOrder> columns = null;
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == tag(1, VARINT)) {
                price = in.readInt64();
            } else if (tag == tag(2, VARINT)) {
                volume = in.readInt64();
            } else if (tag == tag(3, LEN)) {
                int limit = in.pushLimit(in.readRawVarint32());
                if (orders == null) {
                    orders = new ArrayList<>();
                }
                orders.add(order(in));
                in.popLimit(limit);
            } else if (tag == tag(4, LEN)) {
                if (columns != null) {
                    throw new MergeNeeded();
                }
                int length = in.readRawVarint32();
                int start = in.getTotalBytesRead();
                int limit = in.pushLimit(length);
                // checked now (the columns only counted), built when an agent first reads the level's orders
                int count = OrderColumns.check(sizes(columns(in, OrderColumns.CODINGS, false)));
                in.popLimit(limit);
                ByteString checked = bytes.substring(start, start + length);
                columns = DeferredList.of(count, () -> orders(checked));
            } else {
                skip(in, tag);
            }
        }
        if (columns != null) {
            if (orders != null) {
                throw OrderColumns.bothForms();
            }
            return new Level(price, volume, columns);
        }
        return orders == null ? Level.broad(price, volume) : new Level(price, volume, orders);
    }

    /** A book's events from its {@code BookEventColumns} bytes, checked when they arrived. */
    private static List<BookEvent> events(ByteString columnBytes, int bookId) {
        try {
            LongColumn[] c = columns(columnBytes.newCodedInput(), EventColumns.CODINGS, true);
            return EventColumns.build(bookId, values(c), c[EventColumns.HEADER].size);
        } catch (IOException e) {
            throw new IllegalStateException("events checked on arrival could not be read again", e);
        }
    }

    /** The orders of one {@code RestingOrderColumns}, checked when they arrived. */
    private static List<RestingOrder> orders(ByteString columnBytes) {
        try {
            LongColumn[] c = columns(columnBytes.newCodedInput(), OrderColumns.CODINGS, true);
            return OrderColumns.decode(values(c), sizes(c));
        } catch (IOException e) {
            throw new IllegalStateException("resting orders checked on arrival could not be read again", e);
        }
    }

    private static long[][] values(LongColumn[] columns) {
        long[][] out = new long[columns.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = columns[i].values;
        }
        return out;
    }

    private static int[] sizes(LongColumn[] columns) {
        int[] out = new int[columns.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = columns[i].size;
        }
        return out;
    }

    /**
     * A columns message whose field {@code f} is column {@code f - 1}, coded as {@code codings[f - 1]}: each column
     * packed (as written) or value by value, as protobuf allows; other fields skipped. Unless {@code keep}, the
     * values are read and counted but not kept.
     */
    private static LongColumn[] columns(CodedInputStream in, ColumnCoding[] codings, boolean keep)
            throws IOException {
        return columns(in, codings, c -> keep, null);
    }

    /**
     * {@link #columns(CodedInputStream, ColumnCoding[], boolean)} keeping the columns {@code kept} selects, and, with
     * {@code runs}, noting where each column's values lie: {@code runs.from[c]} to {@code runs.to[c]}, counted from
     * {@code runs.origin} bytes read, when the column is one packed run (else {@code runs.regular} turns false).
     */
    private static LongColumn[] columns(CodedInputStream in, ColumnCoding[] codings,
                                        java.util.function.IntPredicate kept, Runs runs) throws IOException {
        LongColumn[] columns = new LongColumn[codings.length];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new LongColumn(kept.test(i));
        }
        int tag;
        while ((tag = in.readTag()) != 0) {
            int field = WireFormat.getTagFieldNumber(tag);
            int wireType = WireFormat.getTagWireType(tag);
            if (field < 1 || field > codings.length || wireType != VARINT && wireType != LEN) {
                skip(in, tag);
                continue;
            }
            LongColumn column = columns[field - 1];
            ColumnCoding coding = codings[field - 1];
            if (wireType == VARINT) {
                column.add(coding.read(in));
                if (runs != null) {
                    runs.regular = false;
                }
            } else {
                int limit = in.pushLimit(in.readRawVarint32());
                if (runs != null) {
                    runs.note(field - 1, in.getTotalBytesRead(), in.getBytesUntilLimit());
                }
                column.reserve(in.getBytesUntilLimit()); // at least one byte per value
                while (in.getBytesUntilLimit() > 0) {
                    column.add(coding.read(in));
                }
                in.popLimit(limit);
            }
        }
        return columns;
    }

    /** Where the columns of one columns message lie: one packed run each, or not {@code regular}. */
    private static final class Runs {
        final int origin;
        final int[] from;
        final int[] to;
        boolean regular = true;

        Runs(int origin, int columns) {
            this.origin = origin;
            this.from = new int[columns];
            this.to = new int[columns];
        }

        void note(int column, int at, int length) {
            if (to[column] != 0) {
                regular = false; // a column in two runs: read it the plain way
            }
            from[column] = at - origin;
            to[column] = at - origin + length;
        }

        /** Column {@code c}'s values in {@code message}; an empty stream for a column not given. */
        CodedInputStream reader(ByteString message, int c) {
            return message.substring(from[c], to[c]).newCodedInput();
        }
    }

    /** A growable column of longs. */
    private static final class LongColumn {
        private static final long[] NONE = new long[0];
        final boolean kept;
        long[] values;
        int size;

        /** A column whose values are {@code kept}, or only counted. */
        LongColumn(boolean kept) {
            this.kept = kept;
            this.values = kept ? new long[8] : NONE;
        }

        void add(long value) {
            if (kept) {
                if (size == values.length) {
                    values = java.util.Arrays.copyOf(values, size * 2);
                }
                values[size] = value;
            }
            size++;
        }

        void reserve(int more) {
            if (kept && values.length - size < more) {
                values = java.util.Arrays.copyOf(values, size + more);
            }
        }
    }

    private static RestingOrder order(CodedInputStream in) throws IOException {
        long orderId = 0;
        int agentId = 0;
        long volume = 0;
        long timestamp = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag) {
                case 1 << 3 | VARINT -> orderId = in.readInt64();
                case 2 << 3 | VARINT -> agentId = in.readSInt32();
                case 3 << 3 | VARINT -> volume = in.readInt64();
                case 4 << 3 | VARINT -> timestamp = in.readInt64();
                default -> skip(in, tag);
            }
        }
        return new RestingOrder(orderId, agentId, volume, timestamp);
    }

    /** One {@code BookEvent}: the oneof's last kind wins; the same kind twice in a row would merge. */
    private static BookEvent event(CodedInputStream in) throws IOException, MergeNeeded {
        BookEvent event = null;
        int kind = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (WireFormat.getTagWireType(tag) == LEN && field >= 1 && field <= 3) {
                if (field == kind) {
                    throw new MergeNeeded();
                }
                int limit = in.pushLimit(in.readRawVarint32());
                event = switch (field) {
                    case 1 -> placed(in);
                    case 2 -> trade(in);
                    default -> cancelled(in);
                };
                in.popLimit(limit);
                kind = field;
            } else {
                skip(in, tag);
            }
        }
        if (event == null) {
            throw new WireFormatException("field 'BookEvent.kind' is unset");
        }
        return event;
    }

    private static OrderPlaced placed(CodedInputStream in) throws IOException {
        int bookId = 0;
        long timestamp = 0;
        long orderId = 0;
        int agentId = 0;
        long clientOrderId = 0;
        int type = 0;
        int side = 0;
        long price = 0;
        long volume = 0;
        long leverage = 0;
        int stp = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag) {
                case 1 << 3 | VARINT -> bookId = in.readInt32();
                case 2 << 3 | VARINT -> timestamp = in.readInt64();
                case 3 << 3 | VARINT -> orderId = in.readInt64();
                case 4 << 3 | VARINT -> agentId = in.readSInt32();
                case 5 << 3 | VARINT -> clientOrderId = in.readSInt64();
                case 6 << 3 | VARINT -> type = in.readEnum();
                case 7 << 3 | VARINT -> side = in.readEnum();
                case 8 << 3 | VARINT -> price = in.readInt64();
                case 9 << 3 | VARINT -> volume = in.readInt64();
                case 10 << 3 | VARINT -> leverage = in.readInt64();
                case 11 << 3 | VARINT -> stp = in.readEnum();
                default -> skip(in, tag);
            }
        }
        return new OrderPlaced(bookId, timestamp, orderId, agentId, clientOrderId,
                Enums.ORDER_TYPE.decode(type, "OrderPlaced.type"), Enums.SIDE.decode(side, "OrderPlaced.side"),
                price, volume, leverage, Enums.STP.decode(stp, "OrderPlaced.stp"));
    }

    private static Trade trade(CodedInputStream in) throws IOException {
        int bookId = 0;
        long timestamp = 0;
        long tradeId = 0;
        int takerSide = 0;
        long takerOrderId = 0;
        long makerOrderId = 0;
        int takerAgentId = 0;
        int makerAgentId = 0;
        long price = 0;
        long volume = 0;
        long takerFee = 0;
        long makerFee = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag) {
                case 1 << 3 | VARINT -> bookId = in.readInt32();
                case 2 << 3 | VARINT -> timestamp = in.readInt64();
                case 3 << 3 | VARINT -> tradeId = in.readInt64();
                case 4 << 3 | VARINT -> takerSide = in.readEnum();
                case 5 << 3 | VARINT -> takerOrderId = in.readInt64();
                case 6 << 3 | VARINT -> makerOrderId = in.readInt64();
                case 7 << 3 | VARINT -> takerAgentId = in.readSInt32();
                case 8 << 3 | VARINT -> makerAgentId = in.readSInt32();
                case 9 << 3 | VARINT -> price = in.readInt64();
                case 10 << 3 | VARINT -> volume = in.readInt64();
                case 11 << 3 | VARINT -> takerFee = in.readSInt64();
                case 12 << 3 | VARINT -> makerFee = in.readSInt64();
                default -> skip(in, tag);
            }
        }
        return new Trade(bookId, timestamp, tradeId, Enums.SIDE.decode(takerSide, "Trade.taker_side"), takerOrderId,
                makerOrderId, takerAgentId, makerAgentId, price, volume, takerFee, makerFee);
    }

    private static OrderCancelled cancelled(CodedInputStream in) throws IOException {
        int bookId = 0;
        long timestamp = 0;
        long orderId = 0;
        int agentId = 0;
        long price = 0;
        long volume = 0;
        long remaining = 0;
        int reason = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            switch (tag) {
                case 1 << 3 | VARINT -> bookId = in.readInt32();
                case 2 << 3 | VARINT -> timestamp = in.readInt64();
                case 3 << 3 | VARINT -> orderId = in.readInt64();
                case 4 << 3 | VARINT -> agentId = in.readSInt32();
                case 5 << 3 | VARINT -> price = in.readInt64();
                case 6 << 3 | VARINT -> volume = in.readInt64();
                case 7 << 3 | VARINT -> remaining = in.readInt64();
                case 8 << 3 | VARINT -> reason = in.readEnum();
                default -> skip(in, tag);
            }
        }
        return new OrderCancelled(bookId, timestamp, orderId, agentId, price, volume, remaining,
                Enums.CANCEL_REASON.decode(reason, "OrderCancelled.reason"));
    }

    /** Skips an unknown field; an end-group tag is an error, as the generated parser's {@code checkLastTagWas}. */
    private static void skip(CodedInputStream in, int tag) throws IOException {
        if (!in.skipField(tag)) {
            throw new com.google.protobuf.InvalidProtocolBufferException(
                    "Protocol message end-group tag did not match expected tag.");
        }
    }
}
