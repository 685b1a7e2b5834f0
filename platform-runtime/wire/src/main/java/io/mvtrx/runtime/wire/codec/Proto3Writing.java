package io.mvtrx.runtime.wire.codec;

import java.io.IOException;

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
    }

    /**
     * Bytes of a packed repeated field holding {@code values}, tag and length included; 0 when empty (nothing is
     * written). Records the data size in {@code sizes} for {@link #writePacked}.
     */
    static int packed(int field, long[] values, ColumnCoding coding, Sizes sizes) {
        if (values.length == 0) {
            return 0;
        }
        int size = 0;
        for (long value : values) {
            size += coding.size(value);
        }
        return message(field, sizes.add(size));
    }

    /** Writes what {@link #packed} sized, in the same order. */
    static void writePacked(CodedOutputStream o, int field, long[] values, ColumnCoding coding, Sizes sizes)
            throws IOException {
        if (values.length == 0) {
            return;
        }
        header(o, field, sizes.next());
        for (long value : values) {
            coding.write(o, value);
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
