package io.mvtrx.runtime.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * The streaming books reader against the generated parser it replaces on the miners' hot path: the same books, the
 * same refusals, on what our encoder writes and on what it never writes (unknown fields, merged messages, damage).
 */
class BooksReaderProperties {

    private static List<BookState> books(long seed) {
        return new RecordGen(new Random(seed)).list(4, RecordGen::book);
    }

    /** What decoding gives: the books, or that it was refused (messages may differ in which fault they name). */
    private static Object outcome(java.util.function.Supplier<List<BookState>> decode) {
        try {
            return decode.get();
        } catch (WireFormatException e) {
            return "refused";
        }
    }

    @Property(tries = 300)
    void readsWhatTheEncoderWritesAsTheGeneratedParserDoes(@ForAll long seed) {
        List<BookState> books = books(seed);
        ByteString bytes = BookCodec.encodeBooks(books);

        assertThat(BookCodec.decodeBooks(bytes)).isEqualTo(books).isEqualTo(BookCodec.decodeGenerated(bytes));
    }

    @Property(tries = 200)
    void eventColumnsAreCheckedOnArrivalWithTheTradesBuiltAndTheRestOnlyWhenRead(@ForAll long seed) {
        List<BookState> books = books(seed);
        List<BookState> read = BookCodec.decodeBooks(BookCodec.encodeBooks(books));
        int columns = 0;
        for (int b = 0; b < books.size(); b++) {
            BookState written = books.get(b);
            BookState arrived = read.get(b);
            if (EventColumns.fits(written.snapshot().bookId(), written.events())) {
                columns++;
                assertThat(arrived.events()).isInstanceOf(io.mvtrx.api.event.EventList.class);
                io.mvtrx.api.event.EventList lazy = (io.mvtrx.api.event.EventList) arrived.events();
                assertThat(lazy.size()).isEqualTo(written.events().size());
                assertThat(arrived.trades()).isEqualTo(written.trades());
                assertThat(lazy.built()).isFalse();
                assertThat(lazy).isEqualTo(written.events());
                assertThat(lazy.built()).isTrue();
                assertThat(arrived.trades()).isEqualTo(arrived.events().stream()
                        .filter(io.mvtrx.api.event.Trade.class::isInstance).toList());
            } else {
                assertThat(arrived.events()).isEqualTo(written.events());
            }
        }
        Statistics.label("books with event columns").collect(columns > 0);
    }

    @Property(tries = 100)
    void aDetailedLevelsOrdersAreCheckedOnArrivalAndBuiltOnlyWhenRead(@ForAll long seed) {
        List<BookState> books = books(seed);
        List<BookState> read = BookCodec.decodeBooks(BookCodec.encodeBooks(books));
        int detailed = 0;
        for (int b = 0; b < books.size(); b++) {
            List<io.mvtrx.api.book.Level> levels = new java.util.ArrayList<>(read.get(b).snapshot().bids());
            levels.addAll(read.get(b).snapshot().asks());
            for (io.mvtrx.api.book.Level level : levels) {
                if (level.orders() instanceof io.mvtrx.api.collect.DeferredList<?> deferred) {
                    detailed++;
                    assertThat(deferred.built()).isFalse();
                }
            }
        }
        Statistics.label("detailed levels").collect(detailed > 0);
        // reading them builds them, equal to what was written
        assertThat(read).isEqualTo(books);
    }

    @Property(tries = 200)
    void readsBooksWhoseBytesAreSplitAcrossBuffersAsGrpcDeliversThem(@ForAll long seed) throws Exception {
        List<BookState> books = books(seed);
        byte[] bytes = BookCodec.encodeBooks(books).toByteArray();
        int cut = bytes.length / 3;
        // two pieces, and a rope of 7-byte chunks (a field split at every possible place)
        ByteString rope = ByteString.copyFrom(bytes, 0, cut).concat(ByteString.copyFrom(bytes, cut,
                bytes.length - cut));

        assertThat(BookCodec.decodeBooks(rope)).isEqualTo(books);
        assertThat(BookCodec.decodeBooks(ByteString.readFrom(new java.io.ByteArrayInputStream(bytes), 7)))
                .isEqualTo(books);
    }

    @Property(tries = 200)
    void skipsUnknownFieldsAtEveryLevelAsTheGeneratedParserDoes(@ForAll long seed) {
        Random random = new Random(seed);
        ModelProto.Books.Builder message = ModelProto.Books.newBuilder();
        for (BookState book : books(seed)) {
            message.addBooks(BookCodec.encode(book));
        }
        // field 99 as a varint, a length-delimited and a fixed64 value, sprinkled through the tree
        UnknownFieldSet unknown = UnknownFieldSet.newBuilder()
                .addField(99, UnknownFieldSet.Field.newBuilder().addVarint(random.nextLong())
                        .addLengthDelimited(ByteString.copyFromUtf8("future")).addFixed64(7).build())
                .build();
        message.setUnknownFields(unknown);
        for (int i = 0; i < message.getBooksCount(); i++) {
            ModelProto.BookState.Builder book = message.getBooksBuilder(i).setUnknownFields(unknown);
            book.getSnapshotBuilder().setUnknownFields(unknown);
            for (ModelProto.Level.Builder level : book.getSnapshotBuilder().getBidsBuilderList()) {
                level.setUnknownFields(unknown);
                level.getOrdersBuilderList().forEach(o -> o.setUnknownFields(unknown));
                if (level.hasOrderColumns()) {
                    level.getOrderColumnsBuilder().setUnknownFields(unknown);
                }
            }
            if (book.hasEventColumns()) {
                book.getEventColumnsBuilder().setUnknownFields(unknown);
            }
            for (ModelProto.BookEvent.Builder event : book.getEventsBuilderList()) {
                event.setUnknownFields(unknown);
                if (event.hasPlaced()) {
                    event.getPlacedBuilder().setUnknownFields(unknown);
                } else if (event.hasTrade()) {
                    event.getTradeBuilder().setUnknownFields(unknown);
                } else {
                    event.getCancelledBuilder().setUnknownFields(unknown);
                }
            }
        }
        ByteString bytes = message.build().toByteString();

        assertThat(BookCodec.decodeBooks(bytes)).isEqualTo(books(seed)).isEqualTo(BookCodec.decodeGenerated(bytes));
    }

    @Property(tries = 100)
    void aSnapshotOrEventGivenTwiceIsMergedAsProtobufMergesIt(@ForAll long seed) {
        RecordGen gen = new RecordGen(new Random(seed));
        ModelProto.BookState first = BookCodec.encode(gen.book());
        ModelProto.BookState second = BookCodec.encode(gen.book());
        // a BookState whose bytes are two BookStates concatenated: snapshots merge, events append
        ByteString merged = first.toByteString().concat(second.toByteString());
        ByteString bytes = ModelProto.Books.newBuilder().build().toByteString()
                .concat(ByteString.copyFrom(new byte[] {0x0a})).concat(varint(merged.size())).concat(merged);

        // (merging events as columns into events as messages gives both forms: refused by both)
        assertThat(outcome(() -> BookCodec.decodeBooks(bytes))).isEqualTo(outcome(() -> BookCodec.decodeGenerated(bytes)));
    }

    @Property(tries = 1000)
    void onDamagedBytesBothReadTheSameOrBothRefuse(@ForAll long seed) {
        Random random = new Random(seed);
        byte[] bytes = BookCodec.encodeBooks(books(seed)).toByteArray();
        if (bytes.length == 0) {
            return;
        }
        int damage = 1 + random.nextInt(4);
        for (int i = 0; i < damage; i++) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        if (random.nextBoolean()) {
            bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
        }
        ByteString damaged = ByteString.copyFrom(bytes);

        Object streaming = outcome(() -> BookCodec.decodeBooks(damaged));
        Object generated = outcome(() -> BookCodec.decodeGenerated(damaged));
        Statistics.collect(streaming instanceof String ? "refused" : "read");
        assertThat(streaming).isEqualTo(generated);
    }

    /** {@code books} as generated messages, to be rewritten into forms our encoder never writes. */
    private static ModelProto.Books.Builder messages(List<BookState> books) {
        ModelProto.Books.Builder message = ModelProto.Books.newBuilder();
        for (BookState book : books) {
            message.addBooks(BookCodec.encode(book));
        }
        return message;
    }

    /** Every detailed level of {@code books} rewritten with {@code form} applied to its columns message. */
    private static ByteString rewriteLevels(List<BookState> books,
                                            java.util.function.BiConsumer<ModelProto.Level.Builder, Random> form,
                                            Random random) {
        ModelProto.Books.Builder message = messages(books);
        for (int i = 0; i < message.getBooksCount(); i++) {
            ModelProto.BookSnapshot.Builder snapshot = message.getBooksBuilder(i).getSnapshotBuilder();
            for (ModelProto.Level.Builder level : snapshot.getBidsBuilderList()) {
                if (level.hasOrderColumns()) {
                    form.accept(level, random);
                }
            }
            for (ModelProto.Level.Builder level : snapshot.getAsksBuilderList()) {
                if (level.hasOrderColumns()) {
                    form.accept(level, random);
                }
            }
        }
        return message.build().toByteString();
    }

    /** A level's orders as one RestingOrder message each: the other form a reader must take. */
    private static void asMessages(ModelProto.Level.Builder level, Random random) {
        for (io.mvtrx.api.book.RestingOrder order : OrderColumns.decode(level.getOrderColumns())) {
            level.addOrders(ModelProto.RestingOrder.newBuilder().setOrderId(order.orderId())
                    .setAgentId(order.agentId()).setVolume(order.volume()).setTimestamp(order.timestamp()));
        }
        level.clearOrderColumns();
    }

    @Property(tries = 200)
    void readsOrdersGivenAsMessagesAsTheGeneratedParserDoes(@ForAll long seed) {
        List<BookState> books = books(seed);

        ByteString bytes = rewriteLevels(books, BooksReaderProperties::asMessages, new Random(seed));

        assertThat(BookCodec.decodeBooks(bytes)).isEqualTo(books).isEqualTo(BookCodec.decodeGenerated(bytes));
    }

    @Property(tries = 200)
    void columnsWrittenValueByValueReadAsPackedOnes(@ForAll long seed) {
        List<BookState> books = books(seed);

        // every column value its own tag (protobuf's unpacked form, which parsers must take), fields interleaved
        ByteString unpacked = unpackedCopy(books);

        assertThat(BookCodec.decodeBooks(unpacked)).isEqualTo(books).isEqualTo(BookCodec.decodeGenerated(unpacked));
    }

    /** The books' bytes with every columns message re-serialized value by value. */
    private static ByteString unpackedCopy(List<BookState> books) {
        ByteString.Output out = ByteString.newOutput();
        com.google.protobuf.CodedOutputStream o = com.google.protobuf.CodedOutputStream.newInstance(out);
        try {
            for (BookState book : books) {
                ModelProto.BookState message = BookCodec.encode(book);
                o.writeTag(1, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
                ByteString bookBytes = unpackedBook(message);
                o.writeUInt32NoTag(bookBytes.size());
                o.writeRawBytes(bookBytes);
            }
            o.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteString();
    }

    private static ByteString unpackedBook(ModelProto.BookState book) throws java.io.IOException {
        ByteString.Output out = ByteString.newOutput();
        com.google.protobuf.CodedOutputStream o = com.google.protobuf.CodedOutputStream.newInstance(out);
        ByteString.Output snapshotOut = ByteString.newOutput();
        com.google.protobuf.CodedOutputStream s = com.google.protobuf.CodedOutputStream.newInstance(snapshotOut);
        ModelProto.BookSnapshot snapshot = book.getSnapshot();
        if (snapshot.getBookId() != 0) {
            s.writeInt32(1, snapshot.getBookId());
        }
        if (snapshot.getTimestamp() != 0) {
            s.writeInt64(2, snapshot.getTimestamp());
        }
        for (int side = 3; side <= 4; side++) {
            for (ModelProto.Level level : side == 3 ? snapshot.getBidsList() : snapshot.getAsksList()) {
                ByteString levelBytes = unpackedLevel(level);
                s.writeTag(side, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
                s.writeUInt32NoTag(levelBytes.size());
                s.writeRawBytes(levelBytes);
            }
        }
        s.flush();
        o.writeBytes(1, snapshotOut.toByteString());
        for (ModelProto.BookEvent event : book.getEventsList()) {
            o.writeMessage(2, event);
        }
        if (book.getMakerTakerRatio() != 0) {
            o.writeSInt64(3, book.getMakerTakerRatio());
        }
        if (book.hasEventColumns()) {
            o.writeBytes(4, unpackedEvents(book.getEventColumns()));
        }
        o.flush();
        return out.toByteString();
    }

    /** Event columns value by value, the columns interleaved event by event. */
    private static ByteString unpackedEvents(ModelProto.BookEventColumns c) throws java.io.IOException {
        ByteString.Output out = ByteString.newOutput();
        com.google.protobuf.CodedOutputStream w = com.google.protobuf.CodedOutputStream.newInstance(out);
        int p = 0;
        int t = 0;
        int x = 0;
        for (int i = 0; i < c.getHeaderCount(); i++) {
            w.writeUInt32(1, c.getHeader(i));
            w.writeSInt64(2, c.getTimestampDelta(i));
            w.writeSInt64(3, c.getOrderIdDelta(i));
            w.writeSInt32(4, c.getAgentId(i));
            w.writeSInt64(5, c.getPriceDelta(i));
            w.writeInt64(6, c.getVolume(i));
            switch (c.getHeader(i) & 3) {
                case 1 -> {
                    w.writeSInt64(7, c.getClientOrderId(p));
                    w.writeInt64(8, c.getLeverage(p++));
                }
                case 2 -> {
                    w.writeSInt64(9, c.getTradeIdDelta(t));
                    w.writeSInt64(10, c.getMakerOrderOffset(t));
                    w.writeSInt32(11, c.getMakerAgentId(t));
                    w.writeSInt64(12, c.getTakerFee(t));
                    w.writeSInt64(13, c.getMakerFee(t++));
                }
                default -> w.writeInt64(14, c.getRemaining(x++));
            }
        }
        w.flush();
        return out.toByteString();
    }

    private static ByteString unpackedLevel(ModelProto.Level level) throws java.io.IOException {
        ByteString.Output out = ByteString.newOutput();
        com.google.protobuf.CodedOutputStream o = com.google.protobuf.CodedOutputStream.newInstance(out);
        if (level.getPrice() != 0) {
            o.writeInt64(1, level.getPrice());
        }
        if (level.getVolume() != 0) {
            o.writeInt64(2, level.getVolume());
        }
        if (level.hasOrderColumns()) {
            ModelProto.RestingOrderColumns c = level.getOrderColumns();
            ByteString.Output columns = ByteString.newOutput();
            com.google.protobuf.CodedOutputStream w = com.google.protobuf.CodedOutputStream.newInstance(columns);
            for (int i = 0; i < c.getOrderIdDeltaCount(); i++) {
                w.writeSInt64(1, c.getOrderIdDelta(i));
                w.writeSInt32(2, c.getAgentId(i));
                w.writeInt64(3, c.getVolume(i));
                w.writeSInt64(4, c.getTimestampDelta(i));
            }
            w.flush();
            o.writeBytes(4, columns.toByteString());
        }
        o.flush();
        return out.toByteString();
    }

    @Property(tries = 200)
    void columnsOfDifferentLengthsOrOrdersGivenBothWaysAreRefusedByBoth(@ForAll long seed) {
        List<BookState> books = books(seed);
        Random random = new Random(seed);
        boolean anyDetailed = books.stream().flatMap(b -> java.util.stream.Stream.concat(
                b.snapshot().bids().stream(), b.snapshot().asks().stream())).anyMatch(l -> !l.orders().isEmpty());
        if (!anyDetailed) {
            return;
        }
        ByteString bytes = rewriteLevels(books, (level, r) -> {
            if (r.nextBoolean()) {
                level.getOrderColumnsBuilder().addVolume(r.nextLong());
            } else {
                level.addOrders(ModelProto.RestingOrder.newBuilder().setOrderId(r.nextLong()));
            }
        }, random);

        assertThat(outcome(() -> BookCodec.decodeBooks(bytes))).isEqualTo("refused");
        assertThat(outcome(() -> BookCodec.decodeGenerated(bytes))).isEqualTo("refused");
    }

    /** {@code books} with every book's event columns given to {@code form}. */
    private static ByteString rewriteEvents(List<BookState> books,
                                            java.util.function.BiConsumer<ModelProto.BookState.Builder, Random> form,
                                            Random random) {
        ModelProto.Books.Builder message = messages(books);
        for (ModelProto.BookState.Builder book : message.getBooksBuilderList()) {
            if (book.hasEventColumns()) {
                form.accept(book, random);
            }
        }
        return message.build().toByteString();
    }

    @Property(tries = 200)
    void readsEventsGivenAsMessagesAsTheGeneratedParserDoes(@ForAll long seed) {
        List<BookState> books = books(seed);

        ByteString bytes = rewriteEvents(books, (book, random) -> {
            int bookId = book.getSnapshot().getBookId();
            for (io.mvtrx.api.event.BookEvent event : EventColumns.decode(bookId, book.getEventColumns())) {
                book.addEvents(BookCodec.encode(event));
            }
            book.clearEventColumns();
        }, new Random(seed));

        assertThat(BookCodec.decodeBooks(bytes)).isEqualTo(books).isEqualTo(BookCodec.decodeGenerated(bytes));
    }

    @Property(tries = 300)
    void eventColumnsOfWrongLengthsBadHeadersOrEventsGivenBothWaysAreRefusedByBoth(@ForAll long seed) {
        List<BookState> books = books(seed);
        boolean anyColumns = books.stream().anyMatch(b -> EventColumns.fits(b.snapshot().bookId(), b.events()));
        if (!anyColumns) {
            return;
        }
        ByteString bytes = rewriteEvents(books, (book, r) -> {
            ModelProto.BookEventColumns.Builder c = book.getEventColumnsBuilder();
            int at = r.nextInt(c.getHeaderCount());
            int kind = c.getHeader(at) & 3;
            switch (r.nextInt(6)) {
                case 0 -> c.addVolume(r.nextLong());
                case 1 -> c.addRemaining(r.nextLong());
                case 2 -> c.setHeader(at, 4 * (1 + r.nextInt(100))); // kind 0
                // the same kind with an enum that is no value: a placement's self-trade mode 6, a trade's side 0, a
                // cancel's reason 99; refused on arrival, not when an agent first reads the events
                case 3 -> c.setHeader(at, kind == 1 ? 1 + 4 * (1 + 3 * (1 + 3 * 6)) : kind == 2 ? 2 : 3 + 4 * 99);
                case 4 -> c.setHeader(at, kind == 2 ? 2 : kind == 3 ? 3 + 4 * 99 : 1 + 4 * (1 + 3 * (1 + 3 * 6)));
                default -> book.addEvents(BookCodec.encode(new RecordGen(r).event(r.nextInt(3))));
            }
        }, new Random(seed));

        assertThat(outcome(() -> BookCodec.decodeBooks(bytes))).isEqualTo("refused");
        assertThat(outcome(() -> BookCodec.decodeGenerated(bytes))).isEqualTo("refused");
    }

    private static ByteString varint(int value) {
        ByteString.Output out = ByteString.newOutput();
        int v = value;
        while ((v & ~0x7f) != 0) {
            out.write((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write(v);
        return out.toByteString();
    }
}
