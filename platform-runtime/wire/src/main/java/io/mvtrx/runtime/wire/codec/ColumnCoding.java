package io.mvtrx.runtime.wire.codec;

import java.io.IOException;
import java.util.List;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;

/**
 * How a packed column's values are coded on the wire: one constant per protobuf scalar type the column messages use.
 * Values travel as longs; a uint32 as its unsigned value, a sint32 as its signed one.
 */
enum ColumnCoding {
    SINT64, SINT32, INT64, UINT32;

    /** A generated message's repeated field as longs (signed: a uint32 column needs its own conversion). */
    static long[] values(List<? extends Number> column) {
        long[] out = new long[column.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.get(i).longValue();
        }
        return out;
    }

    /** Each column's length, as the decoders take them. */
    static int[] lengths(long[][] columns) {
        int[] out = new int[columns.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = columns[i].length;
        }
        return out;
    }

    long read(CodedInputStream in) throws IOException {
        return switch (this) {
            case SINT64 -> in.readSInt64();
            case SINT32 -> in.readSInt32();
            case INT64 -> in.readInt64();
            case UINT32 -> Integer.toUnsignedLong(in.readUInt32());
        };
    }

    int size(long value) {
        return switch (this) {
            case SINT64 -> CodedOutputStream.computeSInt64SizeNoTag(value);
            case SINT32 -> CodedOutputStream.computeSInt32SizeNoTag((int) value);
            case INT64 -> CodedOutputStream.computeInt64SizeNoTag(value);
            case UINT32 -> CodedOutputStream.computeUInt32SizeNoTag((int) value);
        };
    }

    void write(CodedOutputStream o, long value) throws IOException {
        switch (this) {
            case SINT64 -> o.writeSInt64NoTag(value);
            case SINT32 -> o.writeSInt32NoTag((int) value);
            case INT64 -> o.writeInt64NoTag(value);
            case UINT32 -> o.writeUInt32NoTag((int) value);
        }
    }

    /** Appends {@code values} coded this way to {@code out}: one loop per coding, not a switch per value. */
    void encode(long[] values, Proto3Writing.Encoded out) {
        switch (this) {
            case SINT64 -> {
                for (long value : values) {
                    out.sint64(value);
                }
            }
            case SINT32 -> {
                for (long value : values) {
                    int v = (int) value;
                    out.varint(Integer.toUnsignedLong((v << 1) ^ (v >> 31)));
                }
            }
            case INT64 -> {
                for (long value : values) {
                    out.varint(value);
                }
            }
            case UINT32 -> {
                for (long value : values) {
                    out.varint(Integer.toUnsignedLong((int) value));
                }
            }
        }
    }
}
