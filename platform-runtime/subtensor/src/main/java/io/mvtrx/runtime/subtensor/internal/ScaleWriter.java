package io.mvtrx.runtime.subtensor.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;

/** Builds SCALE bytes (Parity's codec): little-endian integers, compact integers, length-prefixed sequences. */
public final class ScaleWriter {

    private static final BigInteger U128_LIMIT = BigInteger.ONE.shiftLeft(128);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ScaleWriter u8(int value) {
        out.write(value);
        return this;
    }

    public ScaleWriter bool(boolean value) {
        return u8(value ? 1 : 0);
    }

    public ScaleWriter u16(int value) {
        return littleEndian(value & 0xffffL, 2);
    }

    public ScaleWriter u32(long value) {
        return littleEndian(value & 0xffff_ffffL, 4);
    }

    public ScaleWriter u64(long value) {
        return littleEndian(value, 8);
    }

    /** An unsigned 128-bit integer. */
    public ScaleWriter u128(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(U128_LIMIT) >= 0) {
            throw new IllegalArgumentException("not a u128: " + value);
        }
        byte[] big = value.toByteArray();
        for (int i = 0; i < 16; i++) {
            int from = big.length - 1 - i;
            out.write(from >= 0 ? big[from] : 0);
        }
        return this;
    }

    /** A compact (variable-length) unsigned integer. */
    public ScaleWriter compact(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("compact integers are unsigned: " + value);
        }
        if (value < 1L << 6) {
            return u8((int) (value << 2));
        }
        if (value < 1L << 14) {
            return u16((int) ((value << 2) | 0b01));
        }
        if (value < 1L << 30) {
            return u32((value << 2) | 0b10);
        }
        return compact(BigInteger.valueOf(value));
    }

    /** A compact integer of any size up to 2^536. */
    public ScaleWriter compact(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("compact integers are unsigned: " + value);
        }
        if (value.bitLength() <= 30) {
            return compact(value.longValueExact());
        }
        int bytes = (value.bitLength() + 7) / 8;
        u8(((bytes - 4) << 2) | 0b11);
        byte[] big = value.toByteArray();
        for (int i = 0; i < bytes; i++) {
            out.write(big[big.length - 1 - i]);
        }
        return this;
    }

    /** Raw bytes, no length. */
    public ScaleWriter raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** {@code Vec<u8>}: compact length then the bytes. */
    public ScaleWriter bytes(byte[] bytes) {
        compact(bytes.length);
        return raw(bytes);
    }

    /** {@code Vec<u16>}. */
    public ScaleWriter u16s(List<Integer> values) {
        compact(values.size());
        values.forEach(this::u16);
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }

    private ScaleWriter littleEndian(long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)));
        }
        return this;
    }
}
