package io.mvtrx.runtime.bittensor.axon.payload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MessagePack as the Python {@code msgpack} package writes it by default ({@code use_bin_type=True}): nil, booleans,
 * the smallest integer form, float64, str, bin, array and map. Values are plain Java objects: {@code null},
 * {@link Boolean}, {@link Long} (every integer; an unsigned 64-bit value above {@code Long.MAX_VALUE} is refused),
 * {@link Double} (float32 is widened), {@link String}, {@code byte[]}, {@link List} and {@link Map} (insertion order
 * kept). Written here because no MessagePack library is in the build's repository; it is small.
 */
public final class MsgPack {

    /** Nesting deeper than this is refused (a hostile payload must not overflow the stack). */
    public static final int MAX_DEPTH = 64;

    private MsgPack() {
    }

    /** Encodes a value tree. Integers may be Integer, Long, Short or Byte; floats Float or Double. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value, 0);
        return out.toByteArray();
    }

    /**
     * Decodes exactly one value filling all of {@code bytes}.
     *
     * @throws PayloadException naming the offset when the bytes are not one well-formed value
     */
    public static Object decode(byte[] bytes) {
        Reader reader = new Reader(bytes);
        Object value = reader.read(0);
        if (reader.pos != bytes.length) {
            throw new PayloadException("msgpack: %d trailing bytes after the value at offset %d",
                    bytes.length - reader.pos, reader.pos);
        }
        return value;
    }

    private static void write(ByteArrayOutputStream out, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("msgpack: nesting deeper than " + MAX_DEPTH);
        }
        switch (value) {
            case null -> out.write(0xc0);
            case Boolean b -> out.write(b ? 0xc3 : 0xc2);
            case Long l -> writeLong(out, l);
            case Integer i -> writeLong(out, i);
            case Short s -> writeLong(out, s);
            case Byte b -> writeLong(out, b);
            case Double d -> {
                out.write(0xcb);
                writeBE(out, Double.doubleToRawLongBits(d), 8);
            }
            case Float f -> {
                out.write(0xcb);
                writeBE(out, Double.doubleToRawLongBits(f.doubleValue()), 8);
            }
            case String s -> {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                int n = utf8.length;
                if (n < 32) {
                    out.write(0xa0 | n);
                } else if (n < 0x100) {
                    out.write(0xd9);
                    out.write(n);
                } else if (n < 0x10000) {
                    out.write(0xda);
                    writeBE(out, n, 2);
                } else {
                    out.write(0xdb);
                    writeBE(out, n, 4);
                }
                out.writeBytes(utf8);
            }
            case byte[] bin -> {
                int n = bin.length;
                if (n < 0x100) {
                    out.write(0xc4);
                    out.write(n);
                } else if (n < 0x10000) {
                    out.write(0xc5);
                    writeBE(out, n, 2);
                } else {
                    out.write(0xc6);
                    writeBE(out, n, 4);
                }
                out.writeBytes(bin);
            }
            case List<?> list -> {
                writeHeader(out, list.size(), 0x90, 0xdc, 0xdd);
                for (Object item : list) {
                    write(out, item, depth + 1);
                }
            }
            case Map<?, ?> map -> {
                writeHeader(out, map.size(), 0x80, 0xde, 0xdf);
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    write(out, e.getKey(), depth + 1);
                    write(out, e.getValue(), depth + 1);
                }
            }
            default -> throw new IllegalArgumentException("msgpack: cannot encode " + value.getClass().getName());
        }
    }

    private static void writeHeader(ByteArrayOutputStream out, int n, int fix, int b16, int b32) {
        if (n < 16) {
            out.write(fix | n);
        } else if (n < 0x10000) {
            out.write(b16);
            writeBE(out, n, 2);
        } else {
            out.write(b32);
            writeBE(out, n, 4);
        }
    }

    // The smallest form, as msgpack-python's packer chooses it.
    private static void writeLong(ByteArrayOutputStream out, long v) {
        if (v >= 0) {
            if (v < 128) {
                out.write((int) v);
            } else if (v < 0x100) {
                out.write(0xcc);
                out.write((int) v);
            } else if (v < 0x10000) {
                out.write(0xcd);
                writeBE(out, v, 2);
            } else if (v < 0x1_0000_0000L) {
                out.write(0xce);
                writeBE(out, v, 4);
            } else {
                out.write(0xcf);
                writeBE(out, v, 8);
            }
        } else if (v >= -32) {
            out.write((int) v & 0xff);
        } else if (v >= Byte.MIN_VALUE) {
            out.write(0xd0);
            out.write((int) v & 0xff);
        } else if (v >= Short.MIN_VALUE) {
            out.write(0xd1);
            writeBE(out, v, 2);
        } else if (v >= Integer.MIN_VALUE) {
            out.write(0xd2);
            writeBE(out, v, 4);
        } else {
            out.write(0xd3);
            writeBE(out, v, 8);
        }
    }

    private static void writeBE(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }

    private static final class Reader {
        private final byte[] b;
        private int pos;

        Reader(byte[] bytes) {
            this.b = bytes;
        }

        Object read(int depth) {
            if (depth > MAX_DEPTH) {
                throw new PayloadException("msgpack: nesting deeper than %d at offset %d", MAX_DEPTH, pos);
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
                case 0xc5 -> bin((int) be(2));
                case 0xc6 -> bin(length(be(4)));
                case 0xca -> (double) Float.intBitsToFloat((int) be(4));
                case 0xcb -> Double.longBitsToDouble(be(8));
                case 0xcc -> (long) u8();
                case 0xcd -> be(2);
                case 0xce -> be(4);
                case 0xcf -> {
                    long v = be(8);
                    if (v < 0) {
                        throw new PayloadException("msgpack: uint64 at offset %d exceeds a signed long", at);
                    }
                    yield v;
                }
                case 0xd0 -> (long) (byte) u8();
                case 0xd1 -> (long) (short) be(2);
                case 0xd2 -> (long) (int) be(4);
                case 0xd3 -> be(8);
                case 0xd9 -> str(u8());
                case 0xda -> str((int) be(2));
                case 0xdb -> str(length(be(4)));
                case 0xdc -> array((int) be(2), depth);
                case 0xdd -> array(length(be(4)), depth);
                case 0xde -> map((int) be(2), depth);
                case 0xdf -> map(length(be(4)), depth);
                default -> throw new PayloadException("msgpack: unsupported type byte 0x%02x at offset %d", t, at);
            };
        }

        private List<Object> array(int n, int depth) {
            need(n);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(read(depth + 1));
            }
            return list;
        }

        private Map<Object, Object> map(int n, int depth) {
            need(n);
            Map<Object, Object> map = LinkedHashMap.newLinkedHashMap(n);
            for (int i = 0; i < n; i++) {
                Object key = read(depth + 1);
                if (key instanceof List<?> || key instanceof Map<?, ?>) {
                    throw new PayloadException("msgpack: container used as a map key before offset %d", pos);
                }
                map.put(key, read(depth + 1));
            }
            return map;
        }

        private String str(int n) {
            need(n);
            String s = new String(b, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        private byte[] bin(int n) {
            need(n);
            byte[] out = new byte[n];
            System.arraycopy(b, pos, out, 0, n);
            pos += n;
            return out;
        }

        private int length(long n) {
            if (n > Integer.MAX_VALUE) {
                throw new PayloadException("msgpack: length %d at offset %d is too large", n, pos);
            }
            return (int) n;
        }

        // Every element takes at least one byte: a count beyond the remaining bytes is a lie, refuse it before
        // allocating.
        private void need(int n) {
            if (n > b.length - pos) {
                throw new PayloadException("msgpack: %d bytes or elements announced at offset %d, %d bytes left",
                        n, pos, b.length - pos);
            }
        }

        private int u8() {
            if (pos >= b.length) {
                throw new PayloadException("msgpack: truncated at offset %d", pos);
            }
            return b[pos++] & 0xff;
        }

        private long be(int n) {
            need(n);
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | (b[pos++] & 0xff);
            }
            return v;
        }
    }
}
