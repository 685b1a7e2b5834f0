package io.mvtrx.runtime.parquet.internal;

/**
 * The DELTA_BINARY_PACKED encoding (parquet-format Encodings.md): a header {@code <block size> <miniblocks per
 * block> <value count> <first value>} (ULEB128, the first value zigzag), then blocks of {@value #BLOCK} deltas, each
 * {@code <min delta (zigzag)> <one bit-width byte per miniblock> <miniblocks>}, a miniblock being {@value #MINI}
 * values of {@code delta - minDelta} bit-packed least significant bit first. The last block's partial miniblock is
 * padded with zeros; miniblocks it does not need have width 0 and no bytes.
 *
 * <p>INT32 columns take differences in 32-bit wrapping arithmetic so no width exceeds 32 (readers such as Arrow
 * refuse wider ones); INT64 in 64-bit. Stateless apart from its scratch array; not thread-safe.
 */
public final class DeltaBinaryPacked {

    static final int BLOCK = 128;
    static final int MINIBLOCKS = 4;
    static final int MINI = BLOCK / MINIBLOCKS;

    private final long[] deltas = new long[BLOCK];

    /** Encodes {@code values[from..from+count-1]} of an INT64 column. */
    public void encodeLongs(long[] values, int from, int count, ByteSink out) {
        header(count, count == 0 ? 0 : values[from], out);
        int i = from + 1;
        int end = from + count;
        while (i < end) {
            int n = Math.min(BLOCK, end - i);
            long min = Long.MAX_VALUE;
            long previous = values[i - 1];
            for (int k = 0; k < n; k++) {
                long v = values[i + k];
                long d = v - previous;
                previous = v;
                deltas[k] = d;
                if (d < min) {
                    min = d;
                }
            }
            for (int k = 0; k < n; k++) {
                deltas[k] -= min;
            }
            block(min, n, 64, out);
            i += n;
        }
    }

    /** Encodes {@code values[from..from+count-1]} of an INT32 column. */
    public void encodeInts(int[] values, int from, int count, ByteSink out) {
        header(count, count == 0 ? 0 : values[from], out);
        int i = from + 1;
        int end = from + count;
        while (i < end) {
            int n = Math.min(BLOCK, end - i);
            int min = Integer.MAX_VALUE;
            int previous = values[i - 1];
            for (int k = 0; k < n; k++) {
                int v = values[i + k];
                int d = v - previous;
                previous = v;
                deltas[k] = d;
                if (d < min) {
                    min = d;
                }
            }
            for (int k = 0; k < n; k++) {
                deltas[k] = ((int) deltas[k] - min) & 0xFFFF_FFFFL;
            }
            block(min, n, 32, out);
            i += n;
        }
    }

    private static void header(int count, long first, ByteSink out) {
        out.writeVarint(BLOCK);
        out.writeVarint(MINIBLOCKS);
        out.writeVarint(count);
        out.writeZigzag(first);
    }

    /** Writes one block of {@code n} relative deltas (unsigned, at most {@code maxWidth} bits) in {@link #deltas}. */
    private void block(long min, int n, int maxWidth, ByteSink out) {
        out.writeZigzag(min);
        int used = (n + MINI - 1) / MINI;
        int widthsAt = out.reserve(MINIBLOCKS);
        byte[] widths = out.array();
        for (int m = 0; m < MINIBLOCKS; m++) {
            widths[widthsAt + m] = 0;
        }
        out.skip(MINIBLOCKS);
        for (int m = 0; m < used; m++) {
            int start = m * MINI;
            int stop = Math.min(n, start + MINI);
            long or = 0;
            for (int k = start; k < stop; k++) {
                or |= deltas[k];
            }
            for (int k = stop; k < start + MINI; k++) {
                deltas[k] = 0;
            }
            int width = 64 - Long.numberOfLeadingZeros(or);
            if (width > maxWidth) {
                throw new IllegalStateException("delta width " + width + " exceeds " + maxWidth);
            }
            out.array()[widthsAt + m] = (byte) width;
            pack(start, width, out);
        }
    }

    /** Bit-packs 32 values of {@code width} bits, least significant bit first: {@code 4 * width} bytes. */
    private void pack(int start, int width, ByteSink out) {
        if (width == 0) {
            return;
        }
        int bytes = 4 * width;
        int at = out.reserve(bytes);
        byte[] b = out.array();
        long acc = 0;
        int filled = 0;
        int p = at;
        for (int k = start; k < start + MINI; k++) {
            long v = deltas[k];
            acc |= v << filled;
            int total = filled + width;
            if (total >= 64) {
                ByteSink.putLongLE(b, p, acc);
                p += 8;
                int consumed = 64 - filled;
                acc = consumed == 64 ? 0 : v >>> consumed;
                filled = total - 64;
            } else {
                filled = total;
            }
        }
        // 32 * width bits is a whole number of bytes; what is left is less than 8 of them.
        for (int shift = 0; shift < filled; shift += 8) {
            b[p++] = (byte) (acc >>> shift);
        }
        out.skip(bytes);
    }
}
