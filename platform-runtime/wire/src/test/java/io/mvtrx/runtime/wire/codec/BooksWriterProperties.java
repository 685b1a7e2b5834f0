package io.mvtrx.runtime.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import io.mvtrx.api.state.BookState;

import com.google.protobuf.ByteString;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/** The direct books writer against the generated encoder it replaces on the validator's hot path: the same bytes. */
class BooksWriterProperties {

    @Property(tries = 700)
    void writesTheGeneratedEncodersBytes(@ForAll long seed) {
        List<BookState> books = new RecordGen(new Random(seed)).list(6, RecordGen::book);
        Statistics.collect(books.stream().anyMatch(b -> EventColumns.fits(b.snapshot().bookId(), b.events()))
                ? "events as columns" : "events as messages only");

        ByteString written = BookCodec.encodeBooks(books);

        assertThat(written.toByteArray()).isEqualTo(BookCodec.encodeBooksWithBuilders(books).toByteArray());
        assertThat(BookCodec.decodeBooks(written)).isEqualTo(books);
    }

    @Example
    void writesTheBusyBooksOfTheColumnTestsAsTheGeneratedEncoderDoes() {
        List<BookState> books = List.of(EventColumnsTest.busyBook(), OrderColumnsTest.crowdedBook());

        assertThat(BookCodec.encodeBooks(books).toByteArray())
                .isEqualTo(BookCodec.encodeBooksWithBuilders(books).toByteArray());
    }
}
