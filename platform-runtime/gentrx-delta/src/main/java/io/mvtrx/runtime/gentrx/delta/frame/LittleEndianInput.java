package io.mvtrx.runtime.gentrx.delta.frame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Little-endian primitives from a stream through one reusable 64 KiB buffer: floats and ints go straight from the
 * buffer into the caller's array, so a 48 MB checkpoint is read without a second copy. A short stream throws
 * {@link TensorFileException} with {@link Defect#TRUNCATED}. Not thread-safe.
 */
public final class LittleEndianInput {

    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final String source;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    private long position;

    public LittleEndianInput(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Bytes consumed so far. */
    public long position() {
        return position;
    }

    public long readLong() throws IOException {
        fill(8);
        return buffer.getLong(0);
    }

    public void readFully(byte[] target) throws IOException {
        int done = 0;
        while (done < target.length) {
            int n = in.read(target, done, target.length - done);
            if (n < 0) {
                throw truncated();
            }
            done += n;
        }
        position += target.length;
    }

    public void readFloats(float[] target, int from, int count) throws IOException {
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, CHUNK / 4);
            fill(n * 4);
            buffer.asFloatBuffer().get(target, from + done, n);
            done += n;
        }
    }

    public void readInts(int[] target, int from, int count) throws IOException {
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, CHUNK / 4);
            fill(n * 4);
            buffer.asIntBuffer().get(target, from + done, n);
            done += n;
        }
    }

    /** Whether the stream has ended; reads one byte to find out. */
    public boolean atEnd() throws IOException {
        return in.read() < 0;
    }

    private void fill(int bytes) throws IOException {
        byte[] array = buffer.array();
        int done = 0;
        while (done < bytes) {
            int n = in.read(array, done, bytes - done);
            if (n < 0) {
                throw truncated();
            }
            done += n;
        }
        buffer.clear().limit(bytes);
        position += bytes;
    }

    private TensorFileException truncated() {
        return new TensorFileException(Defect.TRUNCATED, source, "file ends after " + position + " bytes");
    }
}
