package io.mvtrx.runtime.bittensor.axon.payload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;

import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

/**
 * The codecs a τaos synapse names in {@code compression_engine}: LZ4 frames (the default; the Python side uses
 * {@code lz4.frame}), zlib streams (RFC 1950, Python's {@code zlib}) and Zstandard frames. Decompression stops at a
 * caller-given size so a small hostile payload cannot expand without bound.
 */
public enum Compression {
    LZ4("lz4"),
    ZLIB("zlib"),
    ZSTD("zstd");

    private final String wireName;

    Compression(String wireName) {
        this.wireName = wireName;
    }

    /** The value of {@code compression_engine}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The codec named {@code name} (case-insensitive).
     *
     * @throws PayloadException for any other name
     */
    public static Compression named(String name) {
        for (Compression c : values()) {
            if (c.wireName.equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new PayloadException("compression_engine '%s' is not one of lz4, zlib, zstd", name);
    }

    /** Compresses {@code data}. */
    public byte[] compress(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, data.length / 4));
        try (OutputStream out = switch (this) {
            // 64 KiB blocks, as lz4.frame writes by default.
            case LZ4 -> new LZ4FrameOutputStream(bytes, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB);
            case ZLIB -> new DeflaterOutputStream(bytes);
            case ZSTD -> new ZstdOutputStream(bytes);
        }) {
            out.write(data);
        } catch (IOException e) {
            throw new PayloadException(e, "%s compression failed: %s", wireName, e.getMessage());
        }
        return bytes.toByteArray();
    }

    /**
     * Decompresses {@code data}, refusing output beyond {@code maxBytes}.
     *
     * @throws PayloadException when the data is not one well-formed stream of this codec, or expands too far
     */
    public byte[] decompress(byte[] data, int maxBytes) {
        try (InputStream in = switch (this) {
            case LZ4 -> new LZ4FrameInputStream(new ByteArrayInputStream(data));
            case ZLIB -> new InflaterInputStream(new ByteArrayInputStream(data));
            case ZSTD -> new ZstdInputStream(new ByteArrayInputStream(data));
        }) {
            byte[] out = in.readNBytes(maxBytes);
            if (in.read() != -1) {
                throw new PayloadException("%s payload expands beyond the limit of %d bytes", wireName, maxBytes);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            if (e instanceof PayloadException p) {
                throw p;
            }
            throw new PayloadException(e, "%s payload does not decompress: %s", wireName, e.getMessage());
        }
    }
}
