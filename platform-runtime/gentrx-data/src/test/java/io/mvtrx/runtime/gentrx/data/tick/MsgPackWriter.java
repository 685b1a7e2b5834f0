package io.mvtrx.runtime.gentrx.data.tick;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Test-only msgpack encoder (the smallest forms, float64 for doubles) to build tick packets. */
public final class MsgPackWriter {

    private MsgPackWriter() {
    }

    public static byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        switch (value) {
            case null -> out.write(0xc0);
            case Boolean b -> out.write(b ? 0xc3 : 0xc2);
            case Integer i -> writeLong(out, i);
            case Long l -> writeLong(out, l);
            case Double d -> {
                out.write(0xcb);
                be(out, Double.doubleToRawLongBits(d), 8);
            }
            case String s -> {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                if (b.length < 32) {
                    out.write(0xa0 | b.length);
                } else {
                    out.write(0xd9);
                    out.write(b.length);
                }
                out.writeBytes(b);
            }
            case List<?> list -> {
                out.write(0xdc);
                be(out, list.size(), 2);
                list.forEach(v -> write(out, v));
            }
            case Map<?, ?> map -> {
                out.write(0xde);
                be(out, map.size(), 2);
                map.forEach((k, v) -> {
                    write(out, k);
                    write(out, v);
                });
            }
            default -> throw new IllegalArgumentException("cannot encode " + value.getClass());
        }
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        if (v >= 0 && v < 128) {
            out.write((int) v);
        } else if (v >= -32 && v < 0) {
            out.write((int) v & 0xff);
        } else {
            out.write(0xd3);
            be(out, v, 8);
        }
    }

    private static void be(ByteArrayOutputStream out, long v, int n) {
        for (int i = n - 1; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }
}
