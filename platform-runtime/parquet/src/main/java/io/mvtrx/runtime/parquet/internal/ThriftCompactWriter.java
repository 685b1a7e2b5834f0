package io.mvtrx.runtime.parquet.internal;

import java.nio.charset.StandardCharsets;

/**
 * Writes the Thrift compact protocol, the encoding of Parquet's page headers and footer: a field header is one byte
 * {@code (id delta << 4) | type} when the id is 1..15 above the previous field's, else the type byte and the id as a
 * zigzag varint; integers are zigzag varints, binaries a varint length and the bytes, booleans live in the field
 * header's type, a struct ends with a 0 byte. A list header is {@code (size << 4) | elementType} below 15 elements,
 * else {@code 0xF0 | elementType} and the size as a varint.
 *
 * <p>Structs nest: {@link #beginStruct} and {@link #endStruct} keep the previous field id of every open struct.
 * Not thread-safe.
 */
public final class ThriftCompactWriter {

    static final int BOOLEAN_TRUE = 1;
    static final int BOOLEAN_FALSE = 2;
    static final int BYTE = 3;
    static final int I16 = 4;
    static final int I32 = 5;
    static final int I64 = 6;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int STRUCT = 12;

    private final ByteSink out;
    private final short[] lastIds = new short[32];
    private int depth;

    /** A writer appending to {@code out}, outside any struct. */
    public ThriftCompactWriter(ByteSink out) {
        this.out = out;
    }

    /** Opens a struct (the top-level one, a list element, or after {@link #fieldStruct}). */
    public void beginStruct() {
        lastIds[++depth] = 0;
    }

    /** Closes the innermost struct with its stop byte. */
    public void endStruct() {
        out.writeByte(0);
        depth--;
    }

    public void fieldI32(int id, int value) {
        header(id, I32);
        out.writeZigzag(value);
    }

    public void fieldI16(int id, short value) {
        header(id, I16);
        out.writeZigzag(value);
    }

    public void fieldI64(int id, long value) {
        header(id, I64);
        out.writeZigzag(value);
    }

    public void fieldByte(int id, byte value) {
        header(id, BYTE);
        out.writeByte(value);
    }

    public void fieldBool(int id, boolean value) {
        header(id, value ? BOOLEAN_TRUE : BOOLEAN_FALSE);
    }

    public void fieldBinary(int id, byte[] value) {
        header(id, BINARY);
        binary(value);
    }

    public void fieldString(int id, String value) {
        fieldBinary(id, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A struct-valued field: its header, then the struct is open until {@link #endStruct}. */
    public void fieldStruct(int id) {
        header(id, STRUCT);
        beginStruct();
    }

    /** A list-valued field's header; then write {@code size} elements of {@code elementType}. */
    public void fieldList(int id, int elementType, int size) {
        header(id, LIST);
        if (size < 15) {
            out.writeByte((size << 4) | elementType);
        } else {
            out.writeByte(0xF0 | elementType);
            out.writeVarint(size);
        }
    }

    /** An i32 list element. */
    public void elementI32(int value) {
        out.writeZigzag(value);
    }

    /** A binary (or string) list element. */
    public void elementString(String value) {
        binary(value.getBytes(StandardCharsets.UTF_8));
    }

    private void binary(byte[] value) {
        out.writeVarint(value.length);
        out.writeBytes(value, 0, value.length);
    }

    private void header(int id, int type) {
        int delta = id - lastIds[depth];
        if (delta > 0 && delta <= 15) {
            out.writeByte((delta << 4) | type);
        } else {
            out.writeByte(type);
            out.writeZigzag(id);
        }
        lastIds[depth] = (short) id;
    }
}
