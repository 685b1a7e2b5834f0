package io.mvtrx.api.snapshot;

import java.io.DataInput;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what a {@link StateWriter} wrote, in the same order. A read past the end, a negative length other than the
 * null marker, or a section that is not read to its end is a {@link StateFormatException}; I/O errors of the
 * underlying {@link DataInput} surface as {@link UncheckedIOException}. Not thread-safe.
 */
public final class StateReader {

    private final DataInput in;
    private final int version;

    /**
     * A reader of {@code in}.
     *
     * @param version the layout version the state was written with (what {@link #version()} reports)
     */
    public StateReader(DataInput in, int version) {
        this.in = in;
        this.version = version;
    }

    /** A reader of {@code bytes}, written at layout {@code version}. */
    public static StateReader of(byte[] bytes, int version) {
        return new StateReader(new ByteSource(bytes, 0, bytes.length), version);
    }

    /** The layout version the state was written with ({@link Snapshottable#stateVersion()} of the writer). */
    public int version() {
        return version;
    }

    /**
     * Bytes left, for a reader of bytes ({@link #of}); -1 when reading a {@link DataInput} of the caller's.
     */
    public int remaining() {
        return in instanceof ByteSource source ? source.remaining() : -1;
    }

    /**
     * Refuses state written at a version this reader does not know.
     *
     * @throws StateFormatException naming {@code what}, the version found and the ones known
     */
    public void requireVersion(String what, int... known) {
        for (int k : known) {
            if (k == version) {
                return;
            }
        }
        throw new StateFormatException("%s: saved state version %d is not one this version reads (%s)", what,
                version, Arrays.toString(known));
    }

    /**
     * Checks a fact about the state read so far (a count that must match the configuration, say).
     *
     * @throws StateFormatException with the formatted message if {@code holds} is false
     */
    public void check(boolean holds, String format, Object... arguments) {
        if (!holds) {
            throw new StateFormatException(format, arguments);
        }
    }

    public boolean readBoolean() {
        try {
            return in.readBoolean();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    public int readInt() {
        long v = readLong();
        if (v != (int) v) {
            throw new StateFormatException("saved int out of range: %d", v);
        }
        return (int) v;
    }

    public long readLong() {
        try {
            long v = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                int b = in.readUnsignedByte();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return (v >>> 1) ^ -(v & 1);
                }
            }
            throw new StateFormatException("saved varint longer than 10 bytes");
        } catch (IOException e) {
            throw failed(e);
        }
    }

    public double readDouble() {
        try {
            return Double.longBitsToDouble(in.readLong());
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** A string, or null. */
    public String readString() {
        byte[] bytes = readBytes();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Bytes, or null. */
    public byte[] readBytes() {
        int n = length();
        if (n < 0) {
            return null;
        }
        byte[] bytes = new byte[n];
        try {
            in.readFully(bytes);
        } catch (IOException e) {
            throw failed(e);
        }
        return bytes;
    }

    /** An array, or null. */
    public boolean[] readBooleans() {
        int n = length();
        if (n < 0) {
            return null;
        }
        boolean[] values = new boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = readBoolean();
        }
        return values;
    }

    /** An array, or null. */
    public int[] readInts() {
        int n = length();
        if (n < 0) {
            return null;
        }
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = readInt();
        }
        return values;
    }

    /** An array, or null. */
    public long[] readLongs() {
        int n = length();
        if (n < 0) {
            return null;
        }
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = readLong();
        }
        return values;
    }

    /** An array, or null. */
    public double[] readDoubles() {
        int n = length();
        if (n < 0) {
            return null;
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = readDouble();
        }
        return values;
    }

    /**
     * An array that must have {@code expected} elements (a per-book array, say).
     *
     * @throws StateFormatException naming {@code what} if the saved length differs
     */
    public double[] readDoubles(String what, int expected) {
        double[] values = readDoubles();
        check(values != null && values.length == expected, "%s: saved %s values, expected %d", what,
                values == null ? "no" : String.valueOf(values.length), expected);
        return values;
    }

    /**
     * An array that must have {@code expected} elements.
     *
     * @throws StateFormatException naming {@code what} if the saved length differs
     */
    public long[] readLongs(String what, int expected) {
        long[] values = readLongs();
        check(values != null && values.length == expected, "%s: saved %s values, expected %d", what,
                values == null ? "no" : String.valueOf(values.length), expected);
        return values;
    }

    /** Restores a random stream written by {@link StateWriter#writeRandom}. */
    public void readRandom(SplitMix64 random) {
        try {
            random.state(in.readLong());
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * Reads a section written by {@link StateWriter#writeSection} into {@code part}, a fresh instance.
     *
     * @param name what {@code part} is, for messages (e.g. {@code fee policy 'tiered'})
     * @throws StateFormatException naming {@code name} if the section was written at a version newer than
     *                              {@code part}'s, if {@code part} refuses it, or if it does not read the section to
     *                              its end
     */
    public void readSection(Snapshottable part, String name) {
        int written = readInt();
        if (written > part.stateVersion()) {
            throw new StateFormatException("%s: saved state version %d is newer than the %d that %s reads", name,
                    written, part.stateVersion(), part.getClass().getName());
        }
        ByteSource section;
        try {
            int length = in.readInt();
            if (length < 0) {
                throw new StateFormatException("%s: saved section length %d", name, length);
            }
            if (in instanceof ByteSource source) {
                section = source.slice(length);
            } else {
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                section = new ByteSource(bytes, 0, length);
            }
        } catch (IOException e) {
            throw new StateFormatException(name + ": " + failed(e).getMessage(), e);
        }
        int length = section.remaining();
        try {
            part.readState(new StateReader(section, written));
        } catch (StateFormatException e) {
            throw new StateFormatException(name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new StateFormatException(name + ": cannot restore its state: " + e, e);
        }
        if (section.remaining() != 0) {
            throw new StateFormatException("%s read %d of the %d bytes of its saved state", name,
                    length - section.remaining(), length);
        }
    }

    private int length() {
        int n = readInt();
        if (n < -1) {
            throw new StateFormatException("saved length %d", n);
        }
        int left = remaining();
        if (left >= 0 && n > left) {
            throw new StateFormatException("saved length %d exceeds the %d bytes left", n, left);
        }
        return n;
    }

    private static RuntimeException failed(IOException e) {
        if (e instanceof EOFException) {
            return new StateFormatException("the saved state ends early (%s)", e.getMessage());
        }
        return new UncheckedIOException("cannot read saved state: " + e.getMessage(), e);
    }
}
