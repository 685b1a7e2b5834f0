package io.mvtrx.api.snapshot;

import java.io.DataInput;
import java.io.EOFException;

/** A {@link DataInput} over a range of a byte array (big-endian, as {@code DataInputStream}); unsynchronised. */
final class ByteSource implements DataInput {

    private final byte[] bytes;
    private final int end;
    private int position;

    ByteSource(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.position = from;
        this.end = to;
    }

    int remaining() {
        return end - position;
    }

    /** The next {@code length} bytes as a source of their own; this source moves past them. */
    ByteSource slice(int length) throws EOFException {
        need(length);
        ByteSource nested = new ByteSource(bytes, position, position + length);
        position += length;
        return nested;
    }

    private void need(int count) throws EOFException {
        if (count < 0 || count > end - position) {
            throw new EOFException(String.format("needs %d more bytes, %d left", count, end - position));
        }
    }

    @Override
    public void readFully(byte[] b) throws EOFException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws EOFException {
        need(len);
        System.arraycopy(bytes, position, b, off, len);
        position += len;
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public boolean readBoolean() throws EOFException {
        return readByte() != 0;
    }

    @Override
    public byte readByte() throws EOFException {
        need(1);
        return bytes[position++];
    }

    @Override
    public int readUnsignedByte() throws EOFException {
        return readByte() & 0xFF;
    }

    @Override
    public short readShort() throws EOFException {
        need(2);
        int v = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
        position += 2;
        return (short) v;
    }

    @Override
    public int readUnsignedShort() throws EOFException {
        return readShort() & 0xFFFF;
    }

    @Override
    public char readChar() throws EOFException {
        return (char) readShort();
    }

    @Override
    public int readInt() throws EOFException {
        need(4);
        int v = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    @Override
    public long readLong() throws EOFException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[position + i] & 0xFF);
        }
        position += 8;
        return v;
    }

    @Override
    public float readFloat() throws EOFException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws EOFException {
        return Double.longBitsToDouble(readLong());
    }

    /** Not used by {@link StateReader}. */
    @Override
    public String readLine() {
        throw new UnsupportedOperationException("state is not read line by line");
    }

    /** Not used: {@link StateReader#readString} reads length-prefixed standard UTF-8 instead. */
    @Override
    public String readUTF() {
        throw new UnsupportedOperationException("state strings are read by StateReader.readString");
    }
}
