package io.mvtrx.runtime.wire.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The columns form of a crowded book, as the validator writes it at 256 miners, against one message per order. */
class OrderColumnsTest {

    /** Five detailed levels a side, 100 quotes each, in arrival order as a price-time queue holds them. */
    static BookState crowdedBook() {
        Random random = new Random(11);
        long orderId = 9_000;
        long timestamp = 60_000_000_000L;
        List<Level> bids = new ArrayList<>();
        List<Level> asks = new ArrayList<>();
        for (int level = 0; level < 10; level++) {
            List<RestingOrder> orders = new ArrayList<>();
            long volume = 0;
            for (int i = 0; i < 100; i++) {
                orderId += 1 + random.nextInt(40);
                timestamp += random.nextInt(200_000_000);
                long quantity = 2_500 + random.nextInt(7_500);
                volume += quantity;
                orders.add(new RestingOrder(orderId, random.nextInt(257) - 1, quantity, timestamp));
            }
            (level < 5 ? bids : asks).add(new Level(level < 5 ? 30_000 - level : 30_001 + level, volume, orders));
        }
        return new BookState(new BookSnapshot(7, timestamp, bids, asks), List.of(), 0);
    }

    @Test
    void aCrowdedBookTakesUnderSixtyPercentOfTheBytesOfOneMessagePerOrder() {
        BookState book = crowdedBook();

        ByteString columns = BookCodec.encodeBooks(List.of(book));
        ModelProto.Books.Builder messages = ModelProto.Books.newBuilder().addBooks(BookCodec.encode(book));
        ModelProto.BookSnapshot.Builder snapshot = messages.getBooksBuilder(0).getSnapshotBuilder();
        for (ModelProto.Level.Builder level : snapshot.getBidsBuilderList()) {
            asMessages(level);
        }
        for (ModelProto.Level.Builder level : snapshot.getAsksBuilderList()) {
            asMessages(level);
        }
        ByteString perOrder = messages.build().toByteString();

        assertThat(BookCodec.decodeBooks(columns)).containsExactly(book);
        assertThat(BookCodec.decodeBooks(perOrder)).containsExactly(book);
        assertThat((double) columns.size() / perOrder.size()).isLessThan(0.60);
    }

    private static void asMessages(ModelProto.Level.Builder level) {
        for (RestingOrder order : OrderColumns.decode(level.getOrderColumns())) {
            level.addOrders(ModelProto.RestingOrder.newBuilder().setOrderId(order.orderId())
                    .setAgentId(order.agentId()).setVolume(order.volume()).setTimestamp(order.timestamp()));
        }
        level.clearOrderColumns();
    }
}
