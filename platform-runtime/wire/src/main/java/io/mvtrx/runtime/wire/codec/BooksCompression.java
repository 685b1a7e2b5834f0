package io.mvtrx.runtime.wire.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;

/**
 * A step's {@code Books} bytes as one zstd frame ({@code StateRequest.books_zstd}, wire.md §1). Columns of small
 * deltas still compress about 1.5× at level 1, and the validator compresses once per step what it sends to every
 * miner (about 1 ms a MB), while a miner decompresses in about a quarter of that.
 *
 * <p>A miner decompresses only a frame that records its content size, and only up to a limit it chooses (its inbound
 * limit), so a small frame cannot make it allocate more than it would accept uncompressed.
 *
 * <p>Stateless and thread-safe.
 */
public final class BooksCompression {

    /** zstd level 1: the ratio of level 3 within 5 %, at two thirds of its time (doc/benchmarks.md). */
    static final int LEVEL = 1;
    /** What zstd reports for a frame without its content size (ZSTD_CONTENTSIZE_UNKNOWN). */
    private static final long CONTENT_SIZE_UNKNOWN = -1;
    private static final long FRAME_ERROR = -2;
    /** Magic number and the smallest frame header: anything shorter is no frame (zstd-jni would index past it). */
    private static final int MIN_FRAME = 6;

    private BooksCompression() {
    }

    /** {@code books} as one zstd frame that records its content size. */
    public static ByteString compress(ByteString books) {
        try (ZstdCompressCtx context = new ZstdCompressCtx()) {
            // the checksum costs little and catches damage the signature did not (it is checked first)
            context.setLevel(LEVEL).setContentSize(true).setChecksum(true);
            return UnsafeByteOperations.unsafeWrap(context.compress(books.toByteArray()));
        }
    }

    /**
     * The bytes a frame holds.
     *
     * @param maxBytes the most it may decompress to
     * @throws WireFormatException when {@code frame} is not one zstd frame that records its content size, or records
     *                             more than {@code maxBytes}
     */
    public static ByteString decompress(ByteString frame, int maxBytes) {
        byte[] in = frame.toByteArray();
        long size = in.length < MIN_FRAME ? FRAME_ERROR : Zstd.getFrameContentSize(in);
        if (size == CONTENT_SIZE_UNKNOWN) {
            throw new WireFormatException("books_zstd: the zstd frame does not record its content size");
        }
        if (size < 0) {
            throw new WireFormatException("books_zstd: not a zstd frame (%d bytes)", in.length);
        }
        if (size > maxBytes) {
            throw new WireFormatException("books_zstd: decompresses to %d bytes, over the limit of %d bytes", size,
                    maxBytes);
        }
        byte[] out = new byte[(int) size];
        long written;
        try {
            written = Zstd.decompressByteArray(out, 0, out.length, in, 0, in.length);
        } catch (ZstdException e) {
            throw new WireFormatException(e, "books_zstd: %s", e.getMessage());
        }
        if (Zstd.isError(written) || written != size) {
            throw new WireFormatException("books_zstd: frame gave %s bytes, its header says %d",
                    Zstd.isError(written) ? Zstd.getErrorName(written) : Long.toString(written), size);
        }
        return UnsafeByteOperations.unsafeWrap(out);
    }
}
