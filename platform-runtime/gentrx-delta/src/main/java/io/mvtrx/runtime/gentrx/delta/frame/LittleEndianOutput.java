package io.mvtrx.runtime.gentrx.delta.frame;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Little-endian floats and ints to a stream through one reusable 64 KiB buffer, so writing a model never holds a
 * second full copy of it in bytes. Not thread-safe; does not close the stream.
 */
public final class LittleEndianOutput {

    private static final int CHUNK = 1 << 16;

    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);

    public LittleEndianOutput(OutputStream out) {
        this.out = out;
    }

    public void writeFloats(float[] values, int from, int count) throws IOException {
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, CHUNK / 4);
            buffer.clear();
            buffer.asFloatBuffer().put(values, from + done, n);
            out.write(buffer.array(), 0, n * 4);
            done += n;
        }
    }

    public void writeInts(int[] values, int from, int count) throws IOException {
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, CHUNK / 4);
            buffer.clear();
            buffer.asIntBuffer().put(values, from + done, n);
            out.write(buffer.array(), 0, n * 4);
            done += n;
        }
    }
}
