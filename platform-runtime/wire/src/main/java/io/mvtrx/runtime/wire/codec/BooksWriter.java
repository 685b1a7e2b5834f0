package io.mvtrx.runtime.wire.codec;

import static io.mvtrx.runtime.wire.codec.Proto3Writing.header;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.int32;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.int64;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.message;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.packed;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.sint64;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeInt32;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeInt64;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writePacked;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeSInt64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.book.Level;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.wire.codec.Proto3Writing.Sizes;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnsafeByteOperations;

/**
 * Writes a {@code Books} message straight from the api records: one size pass, one write pass into an array of
 * exactly that size, no generated message per book, level or column. The validator encodes a step's books once and
 * sends them to every miner, and the builders' garbage was what its G1 pauses were made of. The bytes are exactly
 * those of {@link BookCodec#encodeBooksWithBuilders}; {@code BooksWriterProperties} holds it to that.
 *
 * <p>One instance per write, on one thread.
 */
final class BooksWriter {

    private final Sizes sizes;
    /** The events of books whose events cannot go as columns, as messages, in order. */
    private final List<ModelProto.BookEvent> messages = new ArrayList<>();
    private int nextMessage;

    private BooksWriter(int books) {
        this.sizes = new Sizes(books * 64);
    }

    /** The {@code Books} bytes of {@code books}. */
    static ByteString write(List<BookState> books) {
        BooksWriter writer = new BooksWriter(books.size());
        int size = 0;
        for (BookState book : books) {
            size += message(1, writer.bookSize(book));
        }
        byte[] out = new byte[size];
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        try {
            for (BookState book : books) {
                header(o, 1, writer.sizes.next());
                writer.writeBook(o, book);
            }
            o.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("writing Books into an array of its computed size", e);
        }
        return UnsafeByteOperations.unsafeWrap(out);
    }

    // ------------------------------------------------------------------------------------------ size pass

    private int bookSize(BookState book) {
        int slot = sizes.reserve();
        int size = message(1, snapshotSize(book));
        boolean asColumns = EventColumns.fits(book.snapshot().bookId(), book.events());
        if (!asColumns) {
            for (BookEvent event : book.events()) {
                ModelProto.BookEvent encoded = BookCodec.encode(event);
                messages.add(encoded);
                size += CodedOutputStream.computeMessageSize(2, encoded);
            }
        }
        size += sint64(3, book.makerTakerRatio());
        if (asColumns) {
            size += message(4, columnsSize(EventColumns.columns(book.events()), EventColumns.CODINGS));
        }
        return sizes.set(slot, size);
    }

    private int snapshotSize(BookState book) {
        int slot = sizes.reserve();
        int size = int32(1, book.snapshot().bookId()) + int64(2, book.snapshot().timestamp());
        for (Level level : book.snapshot().bids()) {
            size += message(3, levelSize(level));
        }
        for (Level level : book.snapshot().asks()) {
            size += message(4, levelSize(level));
        }
        return sizes.set(slot, size);
    }

    private int levelSize(Level level) {
        int slot = sizes.reserve();
        int size = int64(1, level.price()) + int64(2, level.volume());
        if (!level.orders().isEmpty()) {
            size += message(4, columnsSize(OrderColumns.columns(level.orders()), OrderColumns.CODINGS));
        }
        return sizes.set(slot, size);
    }

    /**
     * A columns message's size: its fields are the packed columns, field {@code f} at index {@code f - 1}, encoded
     * here for {@link #writeColumns}.
     */
    private int columnsSize(long[][] values, ColumnCoding[] codings) {
        int slot = sizes.reserve();
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            size += packed(i + 1, values[i], codings[i], sizes);
        }
        return sizes.set(slot, size);
    }

    // ----------------------------------------------------------------------------------------- write pass

    private void writeBook(CodedOutputStream o, BookState book) throws IOException {
        header(o, 1, sizes.next());
        writeInt32(o, 1, book.snapshot().bookId());
        writeInt64(o, 2, book.snapshot().timestamp());
        for (Level level : book.snapshot().bids()) {
            writeLevel(o, 3, level);
        }
        for (Level level : book.snapshot().asks()) {
            writeLevel(o, 4, level);
        }
        boolean asColumns = EventColumns.fits(book.snapshot().bookId(), book.events());
        if (!asColumns) {
            for (int i = 0; i < book.events().size(); i++) {
                o.writeMessage(2, messages.get(nextMessage++));
            }
        }
        writeSInt64(o, 3, book.makerTakerRatio());
        if (asColumns) {
            writeColumns(o, 4, EventColumns.CODINGS);
        }
    }

    private void writeLevel(CodedOutputStream o, int field, Level level) throws IOException {
        header(o, field, sizes.next());
        writeInt64(o, 1, level.price());
        writeInt64(o, 2, level.volume());
        if (!level.orders().isEmpty()) {
            writeColumns(o, 4, OrderColumns.CODINGS);
        }
    }

    private void writeColumns(CodedOutputStream o, int field, ColumnCoding[] codings) throws IOException {
        header(o, field, sizes.next());
        for (int i = 0; i < codings.length; i++) {
            writePacked(o, i + 1, sizes);
        }
    }
}
