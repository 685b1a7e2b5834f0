package io.mvtrx.runtime.gentrx.delta.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonArray;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonNumber;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonObject;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonString;

/**
 * Typed reads from a parsed header. Every failure names the member by its path ({@code tensors[3].shape}) and
 * says what was expected, so a rejected file can be diagnosed from the message alone.
 */
public final class JsonFields {

    private JsonFields() {
    }

    public static JsonObject object(JsonValue value, String path) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new JsonException(path + " must be a JSON object");
    }

    public static JsonArray array(JsonValue value, String path) {
        if (value instanceof JsonArray array) {
            return array;
        }
        throw new JsonException(path + " must be a JSON array");
    }

    public static String string(JsonValue value, String path) {
        if (value instanceof JsonString string) {
            return string.value();
        }
        throw new JsonException(path + " must be a string");
    }

    public static long integer(JsonValue value, String path, long min, long max) {
        if (!(value instanceof JsonNumber number)) {
            throw new JsonException(path + " must be an integer");
        }
        BigDecimal decimal = number.value();
        long result;
        try {
            result = decimal.longValueExact();
        } catch (ArithmeticException e) {
            throw new JsonException(path + " must be an integer, got " + decimal.toPlainString());
        }
        if (result < min || result > max) {
            throw new JsonException(path + " must be in [" + min + ", " + max + "], got " + result);
        }
        return result;
    }

    /** A finite number; JSON has no NaN or infinity, and a literal too large for a double is refused too. */
    public static double number(JsonValue value, String path) {
        if (!(value instanceof JsonNumber number)) {
            throw new JsonException(path + " must be a number");
        }
        double result = number.value().doubleValue();
        if (!Double.isFinite(result)) {
            throw new JsonException(path + " is out of the range of a double");
        }
        return result;
    }

    public static JsonValue member(JsonObject object, String name, String path) {
        JsonValue value = object.members().get(name);
        if (value == null) {
            throw new JsonException(path + " lacks the member \"" + name + "\"");
        }
        return value;
    }

    public static Optional<JsonValue> optionalMember(JsonObject object, String name) {
        return Optional.ofNullable(object.members().get(name));
    }

    /** Refuses any member outside the allowed names, so a misspelt or smuggled field is not silently ignored. */
    public static void onlyMembers(JsonObject object, Set<String> allowed, String path) {
        for (String name : object.members().keySet()) {
            if (!allowed.contains(name)) {
                throw new JsonException(path + " has the unknown member \"" + name + "\" (allowed: "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    /** An object of string values, in document order. */
    public static Map<String, String> stringMap(JsonValue value, String path) {
        var result = new LinkedHashMap<String, String>();
        for (var member : object(value, path).members().entrySet()) {
            result.put(member.getKey(), string(member.getValue(), path + "." + member.getKey()));
        }
        return result;
    }

    public static JsonObject fromStringMap(Map<String, String> map) {
        var members = new LinkedHashMap<String, JsonValue>();
        map.forEach((name, value) -> members.put(name, new JsonString(value)));
        return new JsonObject(members);
    }

    public static int[] shape(JsonValue value, String path) {
        List<JsonValue> dims = array(value, path).elements();
        if (dims.size() > 8) {
            throw new JsonException(path + " has " + dims.size() + " dimensions; at most 8 are allowed");
        }
        var shape = new int[dims.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (int) integer(dims.get(i), path + "[" + i + "]", 1, Integer.MAX_VALUE);
        }
        return shape;
    }

    public static JsonArray fromShape(int[] shape) {
        var dims = new ArrayList<JsonValue>(shape.length);
        for (int dim : shape) {
            dims.add(JsonNumber.of(dim));
        }
        return new JsonArray(dims);
    }
}
