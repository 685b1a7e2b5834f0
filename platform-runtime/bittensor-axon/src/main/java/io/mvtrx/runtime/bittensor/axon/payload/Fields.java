package io.mvtrx.runtime.bittensor.axon.payload;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.number.Scale;

/**
 * Typed reads from a decoded msgpack/JSON tree, each failure naming the path of the field. Numbers arrive as
 * {@link Long} or {@link Double} (msgpack) and also as {@link BigDecimal} (JSON); map keys as numbers or numeric
 * strings (JSON has only string keys).
 */
final class Fields {

    private Fields() {
    }

    static Map<?, ?> map(Object value, String path) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw wrongType(path, "a map", value);
    }

    static List<?> list(Object value, String path) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw wrongType(path, "an array", value);
    }

    static Object required(Map<?, ?> map, String key, String path) {
        if (!map.containsKey(key) || map.get(key) == null) {
            throw new PayloadException("%s.%s is required", path, key);
        }
        return map.get(key);
    }

    static long integer(Map<?, ?> map, String key, String path) {
        return integer(required(map, key, path), path + "." + key);
    }

    static long integer(Map<?, ?> map, String key, long absent, String path) {
        Object v = map.get(key);
        return v == null ? absent : integer(v, path + "." + key);
    }

    static long integer(Object value, String path) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> i;
            case BigDecimal d -> {
                try {
                    yield d.longValueExact();
                } catch (ArithmeticException e) {
                    throw wrongType(path, "an integer", value);
                }
            }
            // Python may hand over an integral float (e.g. 1e9 for a duration): accept it when exact.
            case Double d when d == Math.rint(d) && Math.abs(d) < 9.0e18 -> d.longValue();
            default -> throw wrongType(path, "an integer", value);
        };
    }

    static int int32(Map<?, ?> map, String key, String path) {
        return toInt(integer(map, key, path), path + "." + key);
    }

    static int toInt(long v, String path) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new PayloadException("%s = %d does not fit a 32-bit integer", path, v);
        }
        return (int) v;
    }

    static BigDecimal decimal(Object value, String path) {
        return switch (value) {
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case BigDecimal d -> d;
            // The shortest decimal that round-trips, i.e. what Python's repr prints: 300.15, not 300.149999…
            case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
            default -> throw wrongType(path, "a finite number", value);
        };
    }

    /** A decimal field at {@code scale}, rounded half-even (values arrive on the grid; this only absorbs noise). */
    static long scaled(Map<?, ?> map, String key, Scale scale, String path) {
        return scaled(required(map, key, path), scale, path + "." + key);
    }

    static long scaled(Map<?, ?> map, String key, Scale scale, long absent, String path) {
        Object v = map.get(key);
        return v == null ? absent : scaled(v, scale, path + "." + key);
    }

    static long scaled(Object value, Scale scale, String path) {
        try {
            return scale.toScaled(decimal(value, path), RoundingMode.HALF_EVEN);
        } catch (ArithmeticException e) {
            throw new PayloadException("%s = %s does not fit at %d decimals", path, value, scale.decimals());
        }
    }

    static String string(Map<?, ?> map, String key, String absent, String path) {
        Object v = map.get(key);
        if (v == null) {
            return absent;
        }
        if (v instanceof String s) {
            return s;
        }
        throw wrongType(path + "." + key, "a string", v);
    }

    static boolean bool(Map<?, ?> map, String key, boolean absent, String path) {
        Object v = map.get(key);
        if (v == null) {
            return absent;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(path + "." + key, "a boolean", v);
    }

    /** A map key that stands for an integer id. */
    static int key(Object key, String path) {
        if (key instanceof String s) {
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                throw new PayloadException("%s: key '%s' is not an integer", path, s);
            }
        }
        return toInt(integer(key, path), path + "[" + key + "]");
    }

    /** A scaled value as a double for the reference's float fields (display-exact for up to 15 digits). */
    static double toDouble(long scaled, Scale scale) {
        return scale.toDecimal(scaled).doubleValue();
    }

    private static PayloadException wrongType(String path, String expected, Object value) {
        String actual = value == null ? "null" : value.getClass().getSimpleName() + " " + value;
        return new PayloadException("%s must be %s, got %s", path, expected, actual);
    }
}
