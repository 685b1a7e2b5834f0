package io.mvtrx.api.snapshot;

import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a component's state for a checkpoint. Integers are written compactly (zigzag LEB128 varints: small values
 * of either sign take one or two bytes), doubles as their 8 raw IEEE bytes (so {@code NaN} payloads and {@code -0.0}
 * survive), arrays with their length first ({@code -1} for null). {@link #writeSection} nests another component with
 * its version and length, so a reader can check that it read exactly what was written and name the component that
 * did not.
 *
 * <p>What is written is a sequence with no field names: the reader must read the same things in the same order.
 * I/O errors of the underlying {@link DataOutput} surface as {@link UncheckedIOException}. Not thread-safe.
 */
public final class StateWriter {

    private final DataOutput out;

    /** A writer onto {@code out}. */
    public StateWriter(DataOutput out) {
        this.out = out;
    }

    /** A writer into memory; {@link #toByteArray()} returns what was written. */
    public static StateWriter inMemory() {
        return inMemory(256);
    }

    /** A writer into memory sized for about {@code expectedBytes} (it grows as needed). */
    public static StateWriter inMemory(int expectedBytes) {
        return new StateWriter(new ByteSink(expectedBytes));
    }

    /** Bytes an {@link #inMemory()} writer holds so far; -1 for a writer onto a {@link DataOutput} of the caller's. */
    public int size() {
        return out instanceof ByteSink sink ? sink.size() : -1;
    }

    /**
     * What an {@link #inMemory()} writer holds.
     *
     * @throws IllegalStateException if this writer writes onto a {@link DataOutput} of the caller's
     */
    public byte[] toByteArray() {
        if (out instanceof ByteSink sink) {
            return sink.toByteArray();
        }
        throw new IllegalStateException("only an in-memory StateWriter holds its bytes");
    }

    public void writeBoolean(boolean value) {
        try {
            out.writeBoolean(value);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** An int as a zigzag varint (1 to 5 bytes). */
    public void writeInt(int value) {
        writeLong(value);
    }

    /** A long as a zigzag varint (1 to 10 bytes). */
    public void writeLong(long value) {
        long v = (value << 1) ^ (value >> 63);
        if (out instanceof ByteSink sink) {
            sink.writeVarint(v);
            return;
        }
        try {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** A double as its raw 8 bytes. */
    public void writeDouble(double value) {
        try {
            out.writeLong(Double.doubleToRawLongBits(value));
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** A string as its UTF-8 length and bytes; null is written as length -1. */
    public void writeString(String value) {
        writeBytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes with their length first; null is length -1. */
    public void writeBytes(byte[] value) {
        if (value == null) {
            writeInt(-1);
            return;
        }
        writeInt(value.length);
        try {
            out.write(value);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** An array with its length first; null is length -1. */
    public void writeBooleans(boolean[] values) {
        if (values == null) {
            writeInt(-1);
            return;
        }
        writeInt(values.length);
        for (boolean value : values) {
            writeBoolean(value);
        }
    }

    /** An array with its length first; null is length -1. */
    public void writeInts(int[] values) {
        if (values == null) {
            writeInt(-1);
            return;
        }
        writeInt(values.length);
        for (int value : values) {
            writeInt(value);
        }
    }

    /** An array with its length first; null is length -1. */
    public void writeLongs(long[] values) {
        if (values == null) {
            writeInt(-1);
            return;
        }
        writeLongs(values, 0, values.length);
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive), with their count first; read back whole. */
    public void writeLongs(long[] values, int from, int to) {
        writeInt(to - from);
        for (int i = from; i < to; i++) {
            writeLong(values[i]);
        }
    }

    /** An array with its length first; null is length -1. */
    public void writeDoubles(double[] values) {
        if (values == null) {
            writeInt(-1);
            return;
        }
        writeDoubles(values, 0, values.length);
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive), with their count first; read back whole. */
    public void writeDoubles(double[] values, int from, int to) {
        writeInt(to - from);
        for (int i = from; i < to; i++) {
            writeDouble(values[i]);
        }
    }

    /** A random stream's state ({@link StateReader#readRandom} restores it). */
    public void writeRandom(SplitMix64 random) {
        try {
            out.writeLong(random.state());
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * Another component's state as a section: its {@link Snapshottable#stateVersion()}, the length of what it
     * writes, then that; {@link StateReader#readSection} reads it back into a fresh instance.
     */
    public void writeSection(Snapshottable part) {
        writeInt(part.stateVersion());
        try {
            if (out instanceof ByteSink sink) {
                // write in place and fill in the length afterwards: no copy
                int at = sink.size();
                sink.writeInt(0);
                part.writeState(this);
                sink.patchInt(at, sink.size() - at - 4);
            } else {
                ByteSink nested = new ByteSink(256);
                part.writeState(new StateWriter(nested));
                out.writeInt(nested.size());
                out.write(nested.toByteArray());
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private static UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("cannot write saved state: " + e.getMessage(), e);
    }
}
