package io.mvtrx.runtime.bittensor.axon.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.runtime.bittensor.axon.payload.PayloadException;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

/**
 * JSON text to and from the same plain value trees msgpack uses: maps (insertion order), lists, strings, booleans,
 * null, {@link Long} for integers and {@link BigDecimal} for other numbers; {@link Double} is written as Python does
 * (always with a fraction or exponent).
 */
public final class Json {

    private Json() {
    }

    /**
     * Parses one JSON value.
     *
     * @throws PayloadException when the text is not JSON
     */
    public static Object parse(byte[] text) {
        // Wrapped in an array: JSON-P readers do not all accept a bare scalar at the top level ("0").
        byte[] wrapped = new byte[text.length + 2];
        wrapped[0] = '[';
        System.arraycopy(text, 0, wrapped, 1, text.length);
        wrapped[wrapped.length - 1] = ']';
        try (JsonReader reader = jakarta.json.Json.createReader(new ByteArrayInputStream(wrapped))) {
            JsonArray array = reader.readArray();
            if (array.size() != 1) {
                throw new PayloadException("not one JSON value but %d", array.size());
            }
            return tree(array.get(0));
        } catch (RuntimeException e) {
            throw new PayloadException(e, "not JSON: %s", e.getMessage());
        }
    }

    /** Parses one JSON object. */
    public static Map<String, Object> parseObject(byte[] text) {
        Object value = parse(text);
        if (value instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) m;
            return object;
        }
        throw new PayloadException("JSON body is not an object");
    }

    private static Object tree(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                JsonNumber n = (JsonNumber) value;
                yield n.isIntegral() ? (Object) n.bigDecimalValue().longValueExact() : n.bigDecimalValue();
            }
            case ARRAY -> {
                JsonArray array = (JsonArray) value;
                List<Object> list = new ArrayList<>(array.size());
                for (JsonValue item : array) {
                    list.add(tree(item));
                }
                yield list;
            }
            case OBJECT -> {
                JsonObject object = (JsonObject) value;
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                    map.put(e.getKey(), tree(e.getValue()));
                }
                yield map;
            }
        };
    }

    /** Writes a value tree compactly. Map keys are written with {@code String.valueOf}. */
    public static byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = jakarta.json.Json.createGenerator(out)) {
            write(g, null, value);
        }
        return out.toByteArray();
    }

    /** {@link #write} as a string. */
    public static String text(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator g, String name, Object value) {
        switch (value) {
            case null -> {
                if (name == null) {
                    g.writeNull();
                } else {
                    g.writeNull(name);
                }
            }
            case Boolean b -> {
                if (name == null) {
                    g.write(b);
                } else {
                    g.write(name, b);
                }
            }
            case Long l -> {
                if (name == null) {
                    g.write(l);
                } else {
                    g.write(name, l);
                }
            }
            case Integer i -> {
                if (name == null) {
                    g.write(i);
                } else {
                    g.write(name, i);
                }
            }
            case Double d -> {
                BigDecimal exact = new BigDecimal(Double.toString(d));
                if (name == null) {
                    g.write(exact);
                } else {
                    g.write(name, exact);
                }
            }
            case BigDecimal d -> {
                if (name == null) {
                    g.write(d);
                } else {
                    g.write(name, d);
                }
            }
            case String s -> {
                if (name == null) {
                    g.write(s);
                } else {
                    g.write(name, s);
                }
            }
            case List<?> list -> {
                if (name == null) {
                    g.writeStartArray();
                } else {
                    g.writeStartArray(name);
                }
                for (Object item : list) {
                    write(g, null, item);
                }
                g.writeEnd();
            }
            case Map<?, ?> map -> {
                if (name == null) {
                    g.writeStartObject();
                } else {
                    g.writeStartObject(name);
                }
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    write(g, String.valueOf(e.getKey()), e.getValue());
                }
                g.writeEnd();
            }
            default -> throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }
}
