package io.mvtrx.runtime.wire.codec;

import java.io.IOException;

import io.mvtrx.api.order.OrderList;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

/**
 * What the direct writers ({@link PayloadWriter}, {@link BooksWriter}) share to write exactly the generated encoder's
 * bytes: proto3 scalars with their defaults omitted, length-delimited headers, packed columns, and the sizes of
 * nested messages recorded once in a size pass and read back in the write pass.
 *
 * <p>Stateless and thread-safe; a {@link Sizes} belongs to one write.
 */
final class Proto3Writing {

    private Proto3Writing() {
    }

    /**
     * Sizes of the length-delimited messages, recorded in the order the write pass meets them, so that each is
     * computed once, as protobuf's generated messages memoize theirs.
     */
    static final class Sizes {
        private int[] values;
        private int count;
        private int read;
        private Encoded encoded;
        private OrderList.Diff diff;

        Sizes(int capacity) {
            values = new int[Math.max(capacity, 8)];
        }

        /** A slot for a size known only after its contents are sized. */
        int reserve() {
            if (count == values.length) {
                values = java.util.Arrays.copyOf(values, count * 2);
            }
            return count++;
        }

        int set(int slot, int size) {
            values[slot] = size;
            return size;
        }

        int add(int size) {
            return set(reserve(), size);
        }

        /** The next recorded size, in recording order. */
        int next() {
            return values[read++];
        }

        /**
         * Bytes encoded in the size pass, to be copied by the write pass in the same order: this thread's buffer,
         * emptied (a write runs on one thread from start to end, and a payload of a market maker's orders grew a new
         * buffer to a quarter of a megabyte, doubling, for each of 256 miners a publish).
         */
        Encoded encoded() {
            if (encoded == null) {
                encoded = Encoded.OF_THREAD.get().empty();
            }
            return encoded;
        }

        /**
         * This thread's order diff, for one account's changes at a time: found just before the account is sized,
         * and read only while it is (a diff per account was 12 MB of garbage a publish at 256 makers).
         */
        OrderList.Diff diff() {
            if (diff == null) {
                diff = DIFF_OF_THREAD.get(); // once per write: a lookup per account showed in the profile
            }
            return diff;
        }
    }

    private static final ThreadLocal<OrderList.Diff> DIFF_OF_THREAD = ThreadLocal.withInitial(OrderList.Diff::new);

    /**
     * Varints encoded once, in the size pass, and copied out in the write pass: for long packed columns (an account's
     * open orders), where computing each value's size and then writing it through {@link CodedOutputStream} cost
     * twice the value and a bounds check per byte.
     */
    static final class Encoded {
        /** Kept per thread, so that the prepare threads reuse theirs from payload to payload. */
        private static final ThreadLocal<Encoded> OF_THREAD = ThreadLocal.withInitial(Encoded::new);

        private byte[] bytes = new byte[4096];
        private int length;
        private int read;

        /** This buffer, emptied for a new write. */
        Encoded empty() {
            length = 0;
            read = 0;
            return this;
        }

        /** Bytes encoded so far. */
        int length() {
            return length;
        }

        /** Appends {@code value} as a varint of its 64 bits (int64, uint64, and a uint32's non-negative value). */
        void varint(long value) {
            byte[] b = bytes;
            int at = length;
            if (at + 10 > b.length) {
                b = java.util.Arrays.copyOf(b, b.length * 2);
                bytes = b;
            }
            long v = value;
            while ((v & ~0x7FL) != 0) {
                b[at++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            b[at++] = (byte) v;
            length = at;
        }

        /** Appends {@code value} zigzag-coded, as a sint64. */
        void sint64(long value) {
            varint((value << 1) ^ (value >> 63));
        }

        /** Writes the next {@code count} encoded bytes. */
        void copyNext(CodedOutputStream o, int count) throws IOException {
            o.writeRawBytes(bytes, read, count);
            read += count;
        }
    }

    /**
     * Bytes of a packed repeated field holding {@code values}, tag and length included; 0 when empty (nothing is
     * written). Encodes the values into {@code sizes}' encoded bytes once and records their length, for
     * {@link #writePacked}: sizing each value and then writing it through {@link CodedOutputStream} cost the
     * validator's books encoding twice the work per value.
     */
    static int packed(int field, long[] values, ColumnCoding coding, Sizes sizes) {
        Encoded encoded = sizes.encoded();
        int before = encoded.length();
        coding.encode(values, encoded);
        int data = sizes.add(encoded.length() - before);
        return data == 0 ? 0 : message(field, data);
    }

    /**
     * Writes the next column {@link #packed} sized and encoded, as field {@code field}; nothing for an empty one
     * (every value takes at least a byte, so only an empty column has no data).
     */
    static void writePacked(CodedOutputStream o, int field, Sizes sizes) throws IOException {
        int data = sizes.next();
        if (data != 0) {
            header(o, field, data);
            sizes.encoded().copyNext(o, data);
        }
    }

    static int message(int field, int size) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(size) + size;
    }

    static void header(CodedOutputStream o, int field, int size) throws IOException {
        o.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        o.writeUInt32NoTag(size);
    }

    static int int64(int field, long value) {
        return value == 0 ? 0 : CodedOutputStream.computeInt64Size(field, value);
    }

    static int sint64(int field, long value) {
        return value == 0 ? 0 : CodedOutputStream.computeSInt64Size(field, value);
    }

    static int int32(int field, int value) {
        return value == 0 ? 0 : CodedOutputStream.computeInt32Size(field, value);
    }

    static int sint32(int field, int value) {
        return value == 0 ? 0 : CodedOutputStream.computeSInt32Size(field, value);
    }

    static int enumSize(int field, int number) {
        return number == 0 ? 0 : CodedOutputStream.computeEnumSize(field, number);
    }

    static void writeInt64(CodedOutputStream o, int field, long value) throws IOException {
        if (value != 0) {
            o.writeInt64(field, value);
        }
    }

    static void writeSInt64(CodedOutputStream o, int field, long value) throws IOException {
        if (value != 0) {
            o.writeSInt64(field, value);
        }
    }

    static void writeSInt32(CodedOutputStream o, int field, int value) throws IOException {
        if (value != 0) {
            o.writeSInt32(field, value);
        }
    }

    static void writeInt32(CodedOutputStream o, int field, int value) throws IOException {
        if (value != 0) {
            o.writeInt32(field, value);
        }
    }

    static void writeEnum(CodedOutputStream o, int field, int number) throws IOException {
        if (number != 0) {
            o.writeEnum(field, number);
        }
    }
}
