package io.mvtrx.runtime.parquet.internal;

import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compresses a page body into one GZIP member (RFC 1952: a 10-byte header, raw DEFLATE, CRC-32 and length), which
 * is what Parquet's GZIP codec means. Holds a native {@link Deflater}: {@link #close} frees it. Not thread-safe.
 */
public final class Gzip implements AutoCloseable {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 crc = new CRC32();

    /** Replaces {@code out}'s content with the GZIP member of {@code data[0..length-1]}. */
    public void compress(byte[] data, int length, ByteSink out) {
        out.reset();
        out.writeBytes(HEADER, 0, HEADER.length);
        deflater.reset();
        deflater.setInput(data, 0, length);
        deflater.finish();
        while (!deflater.finished()) {
            int at = out.reserve(Math.max(256, length / 4));
            byte[] buffer = out.array();
            out.skip(deflater.deflate(buffer, at, buffer.length - at));
        }
        crc.reset();
        crc.update(data, 0, length);
        out.writeIntLE((int) crc.getValue());
        out.writeIntLE(length);
    }

    @Override
    public void close() {
        deflater.end();
    }
}
