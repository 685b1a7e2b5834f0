package io.mvtrx.runtime.wire.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;

/**
 * A step's {@code Books} bytes as zstd frames ({@code StateRequest.books_zstd}, wire.md §1): one frame, or several
 * one after another (the validator compresses its books in parts of 16 books, on its prepare threads, and sends
 * the frames concatenated, which decompress to the parts concatenated). Columns of small deltas still compress at
 * level 1 (1.1–1.5×), and the validator compresses once per step what it sends to every miner (a few ms a MB of one
 * thread), while a miner decompresses in about a quarter of that.
 *
 * <p>A miner decompresses only frames that each record their content size, and only up to a limit it chooses (its
 * inbound limit) for all of them together, so small frames cannot make it allocate more than it would accept
 * uncompressed.
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
     * The bytes the frames hold, in order.
     *
     * @param maxBytes the most they may decompress to, together
     * @throws WireFormatException when {@code frames} are not one or more whole zstd frames that each record their
     *                             content size, or record more than {@code maxBytes} together
     */
    public static ByteString decompress(ByteString frames, int maxBytes) {
        byte[] in = frames.toByteArray();
        long size = 0;
        int offset = 0;
        do {
            int left = in.length - offset;
            long frame = left < MIN_FRAME ? FRAME_ERROR : Zstd.getFrameContentSize(in, offset, left);
            if (frame == CONTENT_SIZE_UNKNOWN) {
                throw new WireFormatException("books_zstd: the zstd frame at byte %d does not record its content size",
                        offset);
            }
            long length = frame < 0 ? FRAME_ERROR : compressedSize(in, offset, left);
            if (frame < 0 || Zstd.isError(length) || length <= 0 || length > left) {
                throw new WireFormatException("books_zstd: not a zstd frame at byte %d (%d bytes)", offset, left);
            }
            size = frame > Long.MAX_VALUE - size ? Long.MAX_VALUE : size + frame;
            offset += (int) length;
        } while (offset < in.length);
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
            throw new WireFormatException("books_zstd: frames gave %s bytes, their headers say %d",
                    Zstd.isError(written) ? Zstd.getErrorName(written) : Long.toString(written), size);
        }
        return UnsafeByteOperations.unsafeWrap(out);
    }

    /** The length of the frame at {@code offset}, or an error code when no whole frame starts there. */
    private static long compressedSize(byte[] in, int offset, int left) {
        try {
            return Zstd.findFrameCompressedSize(in, offset, left);
        } catch (ZstdException e) {
            return FRAME_ERROR;
        }
    }
}
