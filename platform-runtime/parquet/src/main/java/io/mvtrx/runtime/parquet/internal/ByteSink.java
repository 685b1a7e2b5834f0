package io.mvtrx.runtime.parquet.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable byte array written front to back: little-endian numbers, ULEB128 varints, raw bytes. Not thread-safe. */
public final class ByteSink {

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private byte[] data;
    private int size;

    /** An empty sink of {@code capacity} bytes before it first grows. */
    public ByteSink(int capacity) {
        this.data = new byte[Math.max(16, capacity)];
    }

    /** Bytes written. */
    public int size() {
        return size;
    }

    /** The backing array; bytes {@code 0..size()-1} are the content. */
    public byte[] array() {
        return data;
    }

    /** Forgets the content; keeps the array. */
    public void reset() {
        size = 0;
    }

    /** Makes room for {@code bytes} more and returns the write position (advance with {@link #skip}). */
    public int reserve(int bytes) {
        int need = size + bytes;
        if (need > data.length || need < 0) {
            if (need < 0) {
                throw new IllegalStateException("a page cannot exceed 2 GiB");
            }
            data = Arrays.copyOf(data, Math.max(need, data.length + (data.length >> 1)));
        }
        return size;
    }

    /** Marks {@code bytes} reserved bytes as written. */
    public void skip(int bytes) {
        size += bytes;
    }

    public void writeByte(int b) {
        int at = reserve(1);
        data[at] = (byte) b;
        size = at + 1;
    }

    public void writeBytes(byte[] bytes, int offset, int length) {
        int at = reserve(length);
        System.arraycopy(bytes, offset, data, at, length);
        size = at + length;
    }

    public void writeIntLE(int v) {
        int at = reserve(4);
        INT_LE.set(data, at, v);
        size = at + 4;
    }

    public void writeLongLE(long v) {
        int at = reserve(8);
        LONG_LE.set(data, at, v);
        size = at + 8;
    }

    /** Writes an unsigned ULEB128 varint: 7 bits a byte, low group first. */
    public void writeVarint(long v) {
        int at = reserve(10);
        byte[] b = data;
        while ((v & ~0x7FL) != 0) {
            b[at++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[at++] = (byte) v;
        size = at;
    }

    /** Writes a zigzag-encoded signed varint. */
    public void writeZigzag(long v) {
        writeVarint((v << 1) ^ (v >> 63));
    }

    /** Copies the content to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(data, 0, size);
    }

    static void putIntLE(byte[] b, int at, int v) {
        INT_LE.set(b, at, v);
    }

    static void putLongLE(byte[] b, int at, long v) {
        LONG_LE.set(b, at, v);
    }
}
