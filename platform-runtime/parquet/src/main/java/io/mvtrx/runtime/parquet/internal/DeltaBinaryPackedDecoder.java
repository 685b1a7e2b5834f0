package io.mvtrx.runtime.parquet.internal;

/**
 * Decodes DELTA_BINARY_PACKED (parquet-format Encodings.md) from any writer: any block size and miniblock count,
 * widths up to 64, the last block's unneeded miniblocks skipped (their widths are not trusted). INT32 values are
 * summed in 32-bit wrapping arithmetic, INT64 in 64-bit. Malformed input throws {@link IllegalArgumentException}.
 * Not thread-safe.
 */
public final class DeltaBinaryPackedDecoder {

    private byte[] bytes;
    private int pos;
    private int end;

    /** Decodes {@code count} INT64 values starting at {@code from}; returns the offset after them. */
    public int decodeLongs(byte[] data, int from, int to, long[] out, int outFrom, int count) {
        return decode(data, from, to, out, null, outFrom, count);
    }

    /** Decodes {@code count} INT32 values starting at {@code from}; returns the offset after them. */
    public int decodeInts(byte[] data, int from, int to, int[] out, int outFrom, int count) {
        return decode(data, from, to, null, out, outFrom, count);
    }

    private int decode(byte[] data, int from, int to, long[] longs, int[] ints, int outFrom, int count) {
        bytes = data;
        pos = from;
        end = to;
        long blockSize = varint();
        long miniblocks = varint();
        long total = varint();
        long value = zigzag();
        if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                || (blockSize / miniblocks) % 32 != 0) {
            throw new IllegalArgumentException(String.format("delta: bad header (block %d, miniblocks %d)",
                    blockSize, miniblocks));
        }
        if (total != count) {
            throw new IllegalArgumentException(String.format("delta: page says %d values, header %d", count, total));
        }
        int perMini = (int) (blockSize / miniblocks);
        if (count == 0) {
            return pos;
        }
        put(longs, ints, outFrom, value);
        int done = 1;
        int[] widths = new int[(int) miniblocks];
        while (done < count) {
            long minDelta = zigzag();
            need((int) miniblocks);
            for (int m = 0; m < miniblocks; m++) {
                widths[m] = bytes[pos++] & 0xff;
            }
            for (int m = 0; m < miniblocks && done < count; m++) {
                int width = widths[m];
                if (width > 64) {
                    throw new IllegalArgumentException("delta: bit width " + width + " above 64");
                }
                int bodyBytes = perMini * width / 8;
                need(bodyBytes);
                int base = pos;
                for (int k = 0; k < perMini && done < count; k++) {
                    long packed = bits(base, (long) k * width, width);
                    value = ints != null ? (int) (value + minDelta + packed) : value + minDelta + packed;
                    put(longs, ints, outFrom + done, value);
                    done++;
                }
                pos = base + bodyBytes;
            }
        }
        return pos;
    }

    private static void put(long[] longs, int[] ints, int at, long value) {
        if (ints != null) {
            ints[at] = (int) value;
        } else {
            longs[at] = value;
        }
    }

    /** {@code width} bits starting {@code bitOffset} bits after {@code base}, least significant bit first. */
    private long bits(int base, long bitOffset, int width) {
        if (width == 0) {
            return 0;
        }
        long v = 0;
        int got = 0;
        long bit = bitOffset;
        while (got < width) {
            int b = bytes[base + (int) (bit >>> 3)] & 0xff;
            int shift = (int) (bit & 7);
            int take = Math.min(8 - shift, width - got);
            v |= (long) ((b >>> shift) & ((1 << take) - 1)) << got;
            got += take;
            bit += take;
        }
        return v;
    }

    private void need(int n) {
        if (n < 0 || n > end - pos) {
            throw new IllegalArgumentException("delta: truncated at offset " + pos);
        }
    }

    private long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1);
            int b = bytes[pos++] & 0xff;
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("delta: varint too long at offset " + pos);
    }

    private long zigzag() {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }
}
