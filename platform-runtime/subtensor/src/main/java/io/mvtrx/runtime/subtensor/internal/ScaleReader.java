package io.mvtrx.runtime.subtensor.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads SCALE bytes front to back; running past the end fails with the offset. */
public final class ScaleReader {

    private final byte[] data;
    private int position;

    public ScaleReader(byte[] data) {
        this.data = data;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return data.length - position;
    }

    public boolean atEnd() {
        return position == data.length;
    }

    public int u8() {
        need(1);
        return data[position++] & 0xff;
    }

    public boolean bool() {
        int b = u8();
        if (b > 1) {
            throw new ScaleException("invalid bool byte %d at offset %d", b, position - 1);
        }
        return b == 1;
    }

    public int u16() {
        return (int) littleEndian(2);
    }

    public long u32() {
        return littleEndian(4);
    }

    public long u64() {
        return littleEndian(8);
    }

    public BigInteger u128() {
        byte[] le = raw(16);
        byte[] be = new byte[17];
        for (int i = 0; i < 16; i++) {
            be[16 - i] = le[i];
        }
        return new BigInteger(be);
    }

    /** A compact integer that fits a long (the chain's counters and balances all do). */
    public long compact() {
        BigInteger value = compactBig();
        if (value.bitLength() > 63) {
            throw new ScaleException("compact integer %s at offset %d exceeds a long", value, position);
        }
        return value.longValue();
    }

    public BigInteger compactBig() {
        int first = u8();
        switch (first & 0b11) {
            case 0b00:
                return BigInteger.valueOf(first >>> 2);
            case 0b01:
                return BigInteger.valueOf(((u8() << 8) | first) >>> 2);
            case 0b10:
                position--;
                return BigInteger.valueOf(u32() >>> 2);
            default:
                int bytes = (first >>> 2) + 4;
                byte[] le = raw(bytes);
                byte[] be = new byte[bytes + 1];
                for (int i = 0; i < bytes; i++) {
                    be[bytes - i] = le[i];
                }
                return new BigInteger(be);
        }
    }

    /** A compact length, checked against what is left. */
    public int length() {
        long n = compact();
        if (n > remaining()) {
            throw new ScaleException("length %d at offset %d exceeds the %d bytes left", n, position, remaining());
        }
        return (int) n;
    }

    public byte[] raw(int n) {
        need(n);
        byte[] out = Arrays.copyOfRange(data, position, position + n);
        position += n;
        return out;
    }

    /** {@code Vec<u8>}. */
    public byte[] bytes() {
        return raw(length());
    }

    /** A UTF-8 {@code String}. */
    public String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** An {@code Option} tag: true for Some. */
    public boolean option() {
        int tag = u8();
        if (tag > 1) {
            throw new ScaleException("invalid Option tag %d at offset %d", tag, position - 1);
        }
        return tag == 1;
    }

    private long littleEndian(int bytes) {
        need(bytes);
        long value = 0;
        for (int i = 0; i < bytes; i++) {
            value |= (data[position + i] & 0xffL) << (8 * i);
        }
        position += bytes;
        return value;
    }

    private void need(int n) {
        if (n < 0 || position + n > data.length) {
            throw new ScaleException("needs %d bytes at offset %d, %d left", n, position, data.length - position);
        }
    }
}
