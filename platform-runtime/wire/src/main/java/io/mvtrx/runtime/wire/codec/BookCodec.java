package io.mvtrx.runtime.wire.codec;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Books (L2 snapshots with detailed and broad levels, L3 events) to and from their messages.
 *
 * <p>Stateless and thread-safe. {@link #encodeBooks} is the one place a step's books are serialized; the validator
 * calls it once per step and shares the bytes. Cost: linear in levels, orders and events.
 */
public final class BookCodec {

    private BookCodec() {
    }

    /** Serializes every book of a step into a {@code Books} message's bytes. */
    public static ByteString encodeBooks(List<BookState> books) {
        return BooksWriter.write(books);
    }

    /** {@link #encodeBooks} through the generated messages: the reference bytes {@link BooksWriter} writes. */
    static ByteString encodeBooksWithBuilders(List<BookState> books) {
        ModelProto.Books.Builder out = ModelProto.Books.newBuilder();
        for (BookState book : books) {
            out.addBooks(encode(book));
        }
        return out.build().toByteString();
    }

    /** Parses {@code Books} bytes back into book states. */
    public static List<BookState> decodeBooks(ByteString bytes) {
        try {
            return BooksReader.read(bytes);
        } catch (java.io.IOException e) {
            throw new WireFormatException(e, "books: not a Books message: %s", e.getMessage());
        } catch (BooksReader.MergeNeeded e) {
            // a singular message field given twice: protobuf merges it, the generated parser knows how
            return decodeGenerated(bytes);
        }
    }

    /** {@link #decodeBooks} through the generated messages: the reference behaviour {@link BooksReader} follows. */
    static List<BookState> decodeGenerated(ByteString bytes) {
        ModelProto.Books books;
        try {
            books = ModelProto.Books.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new WireFormatException(e, "books: not a Books message: %s", e.getMessage());
        }
        List<BookState> out = new ArrayList<>(books.getBooksCount());
        for (int i = 0; i < books.getBooksCount(); i++) {
            try {
                out.add(decode(books.getBooks(i)));
            } catch (IllegalArgumentException | WireFormatException e) {
                throw new WireFormatException(e, "books[%d]: %s", i, e.getMessage());
            }
        }
        return out;
    }

    /** One book's message. */
    public static ModelProto.BookState encode(BookState book) {
        ModelProto.BookState.Builder out = ModelProto.BookState.newBuilder()
                .setSnapshot(encode(book.snapshot()))
                .setMakerTakerRatio(book.makerTakerRatio());
        if (EventColumns.fits(book.snapshot().bookId(), book.events())) {
            return out.setEventColumns(EventColumns.encode(book.events())).build();
        }
        for (BookEvent event : book.events()) {
            out.addEvents(encode(event));
        }
        return out.build();
    }

    /** The book a message carries. */
    public static BookState decode(ModelProto.BookState message) {
        Checks.require(message.hasSnapshot(), "BookState.snapshot");
        BookSnapshot snapshot = decode(message.getSnapshot());
        if (message.hasEventColumns()) {
            if (message.getEventsCount() > 0) {
                throw EventColumns.bothForms();
            }
            return new BookState(snapshot, EventColumns.decode(snapshot.bookId(), message.getEventColumns()),
                    message.getMakerTakerRatio());
        }
        List<BookEvent> events = new ArrayList<>(message.getEventsCount());
        for (ModelProto.BookEvent event : message.getEventsList()) {
            events.add(decode(event));
        }
        return new BookState(snapshot, events, message.getMakerTakerRatio());
    }

    static ModelProto.BookSnapshot encode(BookSnapshot snapshot) {
        ModelProto.BookSnapshot.Builder out = ModelProto.BookSnapshot.newBuilder()
                .setBookId(snapshot.bookId())
                .setTimestamp(snapshot.timestamp());
        for (Level level : snapshot.bids()) {
            out.addBids(encode(level));
        }
        for (Level level : snapshot.asks()) {
            out.addAsks(encode(level));
        }
        return out.build();
    }

    static BookSnapshot decode(ModelProto.BookSnapshot message) {
        return new BookSnapshot(message.getBookId(), message.getTimestamp(), levels(message.getBidsList()),
                levels(message.getAsksList()));
    }

    private static ModelProto.Level encode(Level level) {
        ModelProto.Level.Builder out = ModelProto.Level.newBuilder()
                .setPrice(level.price())
                .setVolume(level.volume());
        if (!level.orders().isEmpty()) {
            out.setOrderColumns(OrderColumns.encode(level.orders()));
        }
        return out.build();
    }

    private static List<Level> levels(List<ModelProto.Level> messages) {
        List<Level> out = new ArrayList<>(messages.size());
        for (ModelProto.Level level : messages) {
            if (level.hasOrderColumns()) {
                if (level.getOrdersCount() > 0) {
                    throw OrderColumns.bothForms();
                }
                out.add(new Level(level.getPrice(), level.getVolume(), OrderColumns.decode(level.getOrderColumns())));
                continue;
            }
            if (level.getOrdersCount() == 0) {
                out.add(Level.broad(level.getPrice(), level.getVolume()));
                continue;
            }
            List<RestingOrder> orders = new ArrayList<>(level.getOrdersCount());
            for (ModelProto.RestingOrder o : level.getOrdersList()) {
                orders.add(new RestingOrder(o.getOrderId(), o.getAgentId(), o.getVolume(), o.getTimestamp()));
            }
            out.add(new Level(level.getPrice(), level.getVolume(), orders));
        }
        return out;
    }

    /** One L3 event's message. */
    public static ModelProto.BookEvent encode(BookEvent event) {
        ModelProto.BookEvent.Builder out = ModelProto.BookEvent.newBuilder();
        switch (event) {
            case OrderPlaced p -> out.setPlaced(ModelProto.OrderPlaced.newBuilder()
                    .setBookId(p.bookId())
                    .setTimestamp(p.timestamp())
                    .setOrderId(p.orderId())
                    .setAgentId(p.agentId())
                    .setClientOrderId(p.clientOrderId())
                    .setType(Enums.ORDER_TYPE.encode(p.type()))
                    .setSide(Enums.SIDE.encode(p.side()))
                    .setPrice(p.price())
                    .setVolume(p.volume())
                    .setLeverage(p.leverage())
                    .setStp(Enums.STP.encode(p.stp())));
            case Trade t -> out.setTrade(encode(t));
            case OrderCancelled c -> out.setCancelled(ModelProto.OrderCancelled.newBuilder()
                    .setBookId(c.bookId())
                    .setTimestamp(c.timestamp())
                    .setOrderId(c.orderId())
                    .setAgentId(c.agentId())
                    .setPrice(c.price())
                    .setVolume(c.volume())
                    .setRemaining(c.remaining())
                    .setReason(Enums.CANCEL_REASON.encode(c.reason())));
        }
        return out.build();
    }

    /** The L3 event a message carries. */
    public static BookEvent decode(ModelProto.BookEvent message) {
        return switch (message.getKindCase()) {
            case PLACED -> {
                ModelProto.OrderPlaced p = message.getPlaced();
                yield new OrderPlaced(
                        p.getBookId(),
                        p.getTimestamp(),
                        p.getOrderId(),
                        p.getAgentId(),
                        p.getClientOrderId(),
                        Enums.ORDER_TYPE.decode(p.getTypeValue(), "OrderPlaced.type"),
                        Enums.SIDE.decode(p.getSideValue(), "OrderPlaced.side"),
                        p.getPrice(),
                        p.getVolume(),
                        p.getLeverage(),
                        Enums.STP.decode(p.getStpValue(), "OrderPlaced.stp"));
            }
            case TRADE -> decode(message.getTrade());
            case CANCELLED -> {
                ModelProto.OrderCancelled c = message.getCancelled();
                yield new OrderCancelled(
                        c.getBookId(),
                        c.getTimestamp(),
                        c.getOrderId(),
                        c.getAgentId(),
                        c.getPrice(),
                        c.getVolume(),
                        c.getRemaining(),
                        Enums.CANCEL_REASON.decode(c.getReasonValue(), "OrderCancelled.reason"));
            }
            case KIND_NOT_SET -> throw new WireFormatException("field 'BookEvent.kind' is unset");
        };
    }

    static ModelProto.Trade encode(Trade t) {
        return ModelProto.Trade.newBuilder()
                .setBookId(t.bookId())
                .setTimestamp(t.timestamp())
                .setTradeId(t.tradeId())
                .setTakerSide(Enums.SIDE.encode(t.takerSide()))
                .setTakerOrderId(t.takerOrderId())
                .setMakerOrderId(t.makerOrderId())
                .setTakerAgentId(t.takerAgentId())
                .setMakerAgentId(t.makerAgentId())
                .setPrice(t.price())
                .setVolume(t.volume())
                .setTakerFee(t.takerFee())
                .setMakerFee(t.makerFee())
                .build();
    }

    static Trade decode(ModelProto.Trade t) {
        return new Trade(
                t.getBookId(),
                t.getTimestamp(),
                t.getTradeId(),
                Enums.SIDE.decode(t.getTakerSideValue(), "Trade.taker_side"),
                t.getTakerOrderId(),
                t.getMakerOrderId(),
                t.getTakerAgentId(),
                t.getMakerAgentId(),
                t.getPrice(),
                t.getVolume(),
                t.getTakerFee(),
                t.getMakerFee());
    }
}
