package io.mvtrx.runtime.validator.node;

import java.util.Map;
import java.util.TreeMap;

/** A small JSON object writer for alert bodies: strings, numbers, nested raw JSON; keys in the order written. */
final class AlertJson {
    private final StringBuilder out = new StringBuilder("{");

    private AlertJson() {
    }

    static AlertJson object() {
        return new AlertJson();
    }

    /** An object of numbers and strings, keys sorted. */
    static String of(Map<String, Object> values) {
        AlertJson json = object();
        for (Map.Entry<String, Object> e : new TreeMap<>(values).entrySet()) {
            if (e.getValue() instanceof Number number) {
                json.raw(e.getKey(), number(number));
            } else {
                json.field(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return json.end();
    }

    AlertJson field(String key, String value) {
        return raw(key, quote(value));
    }

    AlertJson raw(String key, String json) {
        if (out.length() > 1) {
            out.append(',');
        }
        out.append(quote(key)).append(':').append(json);
        return this;
    }

    String end() {
        return out.append('}').toString();
    }

    private static String number(Number number) {
        double value = number.doubleValue();
        if (number instanceof Double || number instanceof Float) {
            return Double.isFinite(value) ? Double.toString(value) : "null";
        }
        return Long.toString(number.longValue());
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
