package io.mvtrx.runtime.gentrx.data.tick;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict MessagePack reader for tick packets: nil, booleans, every integer form, float32/64, str, bin, array and
 * map. Values become {@code null}, {@link Boolean}, {@link Long}, {@link Double} (float32 widened), {@link String},
 * {@code byte[]}, {@link List} and {@link Map} (insertion order kept; keys may be any scalar, tick books are keyed
 * by integers). Extension types, unsigned 64-bit values above {@code Long.MAX_VALUE}, invalid UTF-8, duplicate map
 * keys, nesting deeper than {@value #MAX_DEPTH}, truncation and trailing bytes are refused with the offset.
 *
 * <p>Written here rather than reusing the axon module's codec, which is exported but pulls Helidon, lz4 and zstd.
 */
public final class MsgPackReader {

    /** Deepest nesting accepted (a hostile packet must not overflow the stack). */
    public static final int MAX_DEPTH = 32;

    private final byte[] bytes;
    private int pos;

    private MsgPackReader(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Decodes exactly one value filling all of {@code bytes}.
     *
     * @throws TickFormatException naming the offset when the bytes are not one well-formed value
     */
    public static Object read(byte[] bytes) {
        MsgPackReader reader = new MsgPackReader(bytes);
        Object value = reader.value(0);
        if (reader.pos != bytes.length) {
            throw new TickFormatException("msgpack: %d trailing bytes after the value, at offset %d",
                    bytes.length - reader.pos, reader.pos);
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new TickFormatException("msgpack: nesting deeper than %d at offset %d", MAX_DEPTH, pos);
        }
        int at = pos;
        int t = u8();
        if (t <= 0x7f) {
            return (long) t;
        }
        if (t >= 0xe0) {
            return (long) (byte) t;
        }
        if ((t & 0xf0) == 0x80) {
            return map(t & 0x0f, depth);
        }
        if ((t & 0xf0) == 0x90) {
            return array(t & 0x0f, depth);
        }
        if ((t & 0xe0) == 0xa0) {
            return str(t & 0x1f);
        }
        return switch (t) {
            case 0xc0 -> null;
            case 0xc2 -> Boolean.FALSE;
            case 0xc3 -> Boolean.TRUE;
            case 0xc4 -> bin(u8());
            case 0xc5 -> bin(u16());
            case 0xc6 -> bin(length32());
            case 0xca -> (double) Float.intBitsToFloat((int) be(4));
            case 0xcb -> Double.longBitsToDouble(be(8));
            case 0xcc -> (long) u8();
            case 0xcd -> (long) u16();
            case 0xce -> be(4);
            case 0xcf -> {
                long v = be(8);
                if (v < 0) {
                    throw new TickFormatException("msgpack: unsigned integer above 2^63-1 at offset %d", at);
                }
                yield v;
            }
            case 0xd0 -> (long) (byte) u8();
            case 0xd1 -> (long) (short) u16();
            case 0xd2 -> (long) (int) be(4);
            case 0xd3 -> be(8);
            case 0xd9 -> str(u8());
            case 0xda -> str(u16());
            case 0xdb -> str(length32());
            case 0xdc -> array(u16(), depth);
            case 0xdd -> array(length32(), depth);
            case 0xde -> map(u16(), depth);
            case 0xdf -> map(length32(), depth);
            default -> throw new TickFormatException("msgpack: unsupported type byte 0x%02x at offset %d", t, at);
        };
    }

    private Map<Object, Object> map(int n, int depth) {
        need(n, "map");
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int at = pos;
            Object key = value(depth + 1);
            if (key instanceof Map || key instanceof List || key instanceof byte[]) {
                throw new TickFormatException("msgpack: map key at offset %d is not a scalar", at);
            }
            Object v = value(depth + 1);
            if (map.containsKey(key)) {
                throw new TickFormatException("msgpack: duplicate map key '%s' at offset %d", key, at);
            }
            map.put(key, v);
        }
        return map;
    }

    private List<Object> array(int n, int depth) {
        need(n, "array");
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(value(depth + 1));
        }
        return list;
    }

    private String str(int n) {
        int at = pos;
        need(n, "str");
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, pos, n))
                    .toString();
            pos += n;
            return s;
        } catch (CharacterCodingException e) {
            throw new TickFormatException("msgpack: invalid UTF-8 in the string at offset %d", at);
        }
    }

    private byte[] bin(int n) {
        need(n, "bin");
        byte[] out = new byte[n];
        System.arraycopy(bytes, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Every element takes at least one byte: a count beyond what is left is refused before allocating. */
    private void need(int n, String what) {
        if (n > bytes.length - pos) {
            throw new TickFormatException("msgpack: %s of %d at offset %d runs past the end (%d bytes)", what, n,
                    pos, bytes.length);
        }
    }

    private int length32() {
        long n = be(4);
        if (n > Integer.MAX_VALUE) {
            throw new TickFormatException("msgpack: length %d at offset %d is too large", n, pos - 4);
        }
        return (int) n;
    }

    private int u8() {
        if (pos >= bytes.length) {
            throw new TickFormatException("msgpack: truncated at offset %d", pos);
        }
        return bytes[pos++] & 0xff;
    }

    private int u16() {
        return (int) be(2);
    }

    private long be(int n) {
        if (bytes.length - pos < n) {
            throw new TickFormatException("msgpack: truncated at offset %d (%d bytes needed)", pos, n);
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (bytes[pos++] & 0xff);
        }
        return v;
    }
}
