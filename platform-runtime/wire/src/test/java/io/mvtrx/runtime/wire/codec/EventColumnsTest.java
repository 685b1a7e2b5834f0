package io.mvtrx.runtime.wire.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The columns form of a busy book's events, as the validator writes them, against one message per event. */
class EventColumnsTest {

    /** One publish interval of a busy book: quotes near 30 000, a cancel for every fifth, a trade for every 20th. */
    static BookState busyBook() {
        Random random = new Random(5);
        int book = 93;
        long orderId = 48_000;
        long tradeId = 1_200;
        long timestamp = 2_000_000_000L;
        List<BookEvent> events = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            timestamp += random.nextInt(1_000_000);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            long price = 29_980 + random.nextInt(40);
            long volume = 1_000 + random.nextInt(9_000);
            int agent = random.nextInt(300);
            events.add(new OrderPlaced(book, timestamp, ++orderId, agent, -1, OrderType.LIMIT, side, price, volume,
                    0, StpMode.CO));
            if (i % 5 == 4) {
                long cancelled = orderId - random.nextInt(40);
                events.add(new OrderCancelled(book, timestamp + 1_000, cancelled, agent, price, volume, volume / 2,
                        CancelReason.REQUESTED));
            }
            if (i % 20 == 19) {
                events.add(new Trade(book, timestamp + 2_000, ++tradeId, side, orderId, orderId - 7, agent, agent + 1,
                        price, volume / 3, 25, -10));
            }
        }
        return new BookState(new BookSnapshot(book, timestamp, List.of(), List.of()), events, 0);
    }

    @Test
    void aBusyBooksEventsTakeUnderFortyPercentOfTheBytesOfOneMessagePerEvent() {
        BookState book = busyBook();

        ByteString columns = BookCodec.encodeBooks(List.of(book));
        ModelProto.BookState.Builder perEvent = BookCodec.encode(book).toBuilder().clearEventColumns();
        book.events().forEach(event -> perEvent.addEvents(BookCodec.encode(event)));
        ByteString messages = ModelProto.Books.newBuilder().addBooks(perEvent).build().toByteString();

        assertThat(BookCodec.encode(book).hasEventColumns()).isTrue();
        assertThat(BookCodec.decodeBooks(columns)).containsExactly(book);
        assertThat(BookCodec.decodeBooks(messages)).containsExactly(book);
        assertThat((double) columns.size() / messages.size()).isLessThan(0.40);
    }

    @Test
    void eventsOfAnotherBookGoAsMessagesAndKeepTheirBookIds() {
        BookState mixed = new BookState(new BookSnapshot(4, 10, List.of(), List.of()), List.of(
                new OrderPlaced(4, 5, 1, 2, -1, OrderType.LIMIT, Side.BUY, 100, 10, 0, StpMode.CO),
                new OrderCancelled(5, 6, 1, 2, 100, 10, 10, CancelReason.REQUESTED)), 0);

        ModelProto.BookState message = BookCodec.encode(mixed);

        assertThat(message.hasEventColumns()).isFalse();
        assertThat(message.getEventsCount()).isEqualTo(2);
        assertThat(BookCodec.decodeBooks(BookCodec.encodeBooks(List.of(mixed)))).containsExactly(mixed);
    }
}
