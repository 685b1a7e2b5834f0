package io.mvtrx.runtime.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;

import com.github.luben.zstd.ZstdOutputStream;
import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

/** The books' zstd frame: what a miner decompresses, and every frame it refuses before allocating for it. */
class BooksCompressionTest {

    private static ByteString books() {
        return BookCodec.encodeBooks(List.of(EventColumnsTest.busyBook(), OrderColumnsTest.crowdedBook()));
    }

    @Test
    void aFrameGivesBackTheBooksAndIsSmallerThanThem() {
        ByteString books = books();

        ByteString frame = BooksCompression.compress(books);

        assertThat(BooksCompression.decompress(frame, books.size())).isEqualTo(books);
        // random test values compress less than a simulation's books (1.5x, doc/benchmarks.md)
        assertThat((double) frame.size() / books.size()).isLessThan(0.9);
    }

    @Test
    void aFrameRecordingMoreThanTheLimitIsRefusedBeforeDecompressing() {
        ByteString books = books();
        ByteString frame = BooksCompression.compress(books);

        assertThatThrownBy(() -> BooksCompression.decompress(frame, books.size() - 1))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("books_zstd: decompresses to %d bytes, over the limit of %d bytes", books.size(),
                        books.size() - 1);
    }

    @Test
    void aStreamedFrameWithoutItsContentSizeIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStream zstd = new ZstdOutputStream(out)) {
            zstd.write(books().toByteArray());
        }

        assertThatThrownBy(() -> BooksCompression.decompress(ByteString.copyFrom(out.toByteArray()), 1 << 30))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("books_zstd: the zstd frame at byte 0 does not record its content size");
    }

    @Test
    void bytesThatAreNoFrameAreRefused() {
        ByteString books = books();

        assertThatThrownBy(() -> BooksCompression.decompress(books, 1 << 30))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("books_zstd: not a zstd frame at byte 0 (%d bytes)", books.size());
        assertThatThrownBy(() -> BooksCompression.decompress(ByteString.EMPTY, 1 << 30))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("books_zstd: not a zstd frame at byte 0 (0 bytes)");
    }

    @Test
    void framesOneAfterAnotherGiveTheirBooksOneAfterAnother() {
        ByteString busy = BookCodec.encodeBooks(List.of(EventColumnsTest.busyBook()));
        ByteString crowded = BookCodec.encodeBooks(List.of(OrderColumnsTest.crowdedBook()));
        // the validator's parts, joined without copying: a miner reads what arrives as one array either way
        ByteString frames = BooksCompression.compress(busy).concat(BooksCompression.compress(crowded));

        assertThat(BooksCompression.decompress(frames, busy.size() + crowded.size())).isEqualTo(books())
                .isEqualTo(busy.concat(crowded));
        assertThatThrownBy(() -> BooksCompression.decompress(frames, busy.size() + crowded.size() - 1))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("books_zstd: decompresses to %d bytes, over the limit of %d bytes",
                        busy.size() + crowded.size(), busy.size() + crowded.size() - 1);
    }

    @Test
    void aStreamedFrameAfterAGoodOneIsRefused() throws Exception {
        ByteString good = BooksCompression.compress(books());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZstdOutputStream zstd = new ZstdOutputStream(out)) {
            zstd.write(books().toByteArray());
        }

        assertThatThrownBy(() -> BooksCompression.decompress(good.concat(ByteString.copyFrom(out.toByteArray())),
                1 << 30))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("books_zstd: the zstd frame at byte %d does not record its content size", good.size());
    }

    @Test
    void aDamagedCutOrExtendedFrameIsRefused() {
        ByteString books = books();
        byte[] frame = BooksCompression.compress(books).toByteArray();
        byte[] damaged = frame.clone();
        damaged[damaged.length / 2] ^= 0x5a;
        damaged[damaged.length / 2 + 1] ^= 0x33;
        ByteString cut = ByteString.copyFrom(frame, 0, frame.length - 10);
        ByteString trailing = ByteString.copyFrom(frame).concat(books.substring(0, 40));
        ByteString cutSecond = ByteString.copyFrom(frame).concat(cut);

        assertThatThrownBy(() -> BooksCompression.decompress(cut, 1 << 30)).isInstanceOf(WireFormatException.class)
                .hasMessage("books_zstd: not a zstd frame at byte 0 (%d bytes)", cut.size());
        assertThatThrownBy(() -> BooksCompression.decompress(trailing, 1 << 30))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("books_zstd: not a zstd frame at byte %d (40 bytes)", frame.length);
        assertThatThrownBy(() -> BooksCompression.decompress(cutSecond, 1 << 30))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("books_zstd: not a zstd frame at byte %d (%d bytes)", frame.length, cut.size());
        // damage inside the compressed data fails either decoding or the frame's checksum
        assertThatThrownBy(() -> BooksCompression.decompress(ByteString.copyFrom(damaged), 1 << 30))
                .isInstanceOf(WireFormatException.class);
    }
}
