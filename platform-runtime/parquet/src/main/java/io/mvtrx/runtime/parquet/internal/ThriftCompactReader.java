package io.mvtrx.runtime.parquet.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Thrift compact protocol into a generic tree, enough for Parquet's page headers and footer: a struct
 * becomes a {@link Struct} of field id to value ({@link Long} for every integer, {@link Boolean}, {@link Double},
 * {@code byte[]}, {@link List}, {@link Map}, nested {@link Struct}). Malformed input throws
 * {@link IllegalArgumentException} with the offset. Not thread-safe.
 */
public final class ThriftCompactReader {

    private static final int MAX_DEPTH = 32;

    /** A decoded struct: field id to value. */
    public record Struct(Map<Integer, Object> fields) {

        /** An integer field, or {@code fallback} when absent. */
        public long integer(int id, long fallback) {
            return fields.get(id) instanceof Long l ? l : fallback;
        }

        /** A required integer field. */
        public long integer(int id, String what) {
            if (fields.get(id) instanceof Long l) {
                return l;
            }
            throw new IllegalArgumentException(String.format("%s (field %d) is missing", what, id));
        }

        /** A string field, or null. */
        public String string(int id) {
            return fields.get(id) instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : null;
        }

        /** A nested struct, or null. */
        public Struct struct(int id) {
            return fields.get(id) instanceof Struct s ? s : null;
        }

        /** A list of structs, empty when absent. */
        public List<Struct> structs(int id) {
            List<Struct> out = new ArrayList<>();
            if (fields.get(id) instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Struct s) {
                        out.add(s);
                    }
                }
            }
            return out;
        }
    }

    private final byte[] bytes;
    private int pos;
    private final int end;

    /** A reader of {@code bytes[from..end-1]}. */
    public ThriftCompactReader(byte[] bytes, int from, int end) {
        this.bytes = bytes;
        this.pos = from;
        this.end = end;
    }

    /** Where the next read starts. */
    public int position() {
        return pos;
    }

    /** Reads one struct. */
    public Struct readStruct() {
        return struct(0);
    }

    private Struct struct(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("thrift: nesting deeper than " + MAX_DEPTH + " at offset " + pos);
        }
        Map<Integer, Object> fields = new HashMap<>();
        int last = 0;
        while (true) {
            int header = u8();
            if (header == 0) {
                return new Struct(fields);
            }
            int type = header & 0x0f;
            int delta = header >>> 4;
            int id = delta == 0 ? (int) zigzag() : last + delta;
            last = id;
            Object value = switch (type) {
                case 1 -> Boolean.TRUE;
                case 2 -> Boolean.FALSE;
                default -> value(type, depth);
            };
            fields.put(id, value);
        }
    }

    private Object value(int type, int depth) {
        return switch (type) {
            case 1, 2 -> u8() == 1;
            case 3 -> (long) (byte) u8();
            case 4, 5, 6 -> zigzag();
            case 7 -> {
                need(8);
                long bits = 0;
                for (int i = 0; i < 8; i++) {
                    bits |= (bytes[pos++] & 0xffL) << (8 * i);
                }
                yield Double.longBitsToDouble(bits);
            }
            case 8 -> {
                int n = (int) varint();
                need(n);
                byte[] b = new byte[n];
                System.arraycopy(bytes, pos, b, 0, n);
                pos += n;
                yield b;
            }
            case 9, 10 -> {
                int header = u8();
                int size = header >>> 4;
                if (size == 15) {
                    size = (int) varint();
                }
                int elementType = header & 0x0f;
                need(size);
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(value(elementType, depth + 1));
                }
                yield list;
            }
            case 11 -> {
                int size = (int) varint();
                Map<Object, Object> map = new HashMap<>();
                if (size > 0) {
                    int kv = u8();
                    need(size);
                    for (int i = 0; i < size; i++) {
                        map.put(value(kv >>> 4, depth + 1), value(kv & 0x0f, depth + 1));
                    }
                }
                yield map;
            }
            case 12 -> struct(depth + 1);
            default -> throw new IllegalArgumentException("thrift: unknown type " + type + " at offset " + pos);
        };
    }

    private int u8() {
        need(1);
        return bytes[pos++] & 0xff;
    }

    private void need(int n) {
        if (n < 0 || n > end - pos) {
            throw new IllegalArgumentException("thrift: truncated at offset " + pos + " (" + n + " bytes needed)");
        }
    }

    private long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("thrift: varint longer than 10 bytes at offset " + pos);
    }

    private long zigzag() {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }
}
