package io.mvtrx.runtime.exchange.replay;

import java.util.List;

/**
 * Builds one JSON Lines record: a flat object of strings, integers, booleans, null and arrays of string pairs, in
 * the order fields are added. Decimal amounts are written as strings (exact, from the book's scales) so no reader
 * turns them into binary floating point.
 *
 * {@snippet :
 * String line = new JsonWriter().field("type", "trade").field("t", 5).field("price", "300.1").toString();
 * // {"type":"trade","t":5,"price":"300.1"}
 * }
 *
 * <p>Not thread-safe; reusable after {@link #reset}.
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder(256);
    private boolean first = true;

    public JsonWriter() {
        out.append('{');
    }

    /** Starts a new, empty object. */
    public JsonWriter reset() {
        out.setLength(0);
        out.append('{');
        first = true;
        return this;
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        quote(name);
        out.append(':');
    }

    /** A string field. */
    public JsonWriter field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    /** An integer field. */
    public JsonWriter field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    /** A boolean field. */
    public JsonWriter field(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    /** An array of [string, string] pairs. */
    public JsonWriter pairs(String name, List<String[]> pairs) {
        name(name);
        out.append('[');
        for (int i = 0; i < pairs.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('[');
            quote(pairs.get(i)[0]);
            out.append(',');
            quote(pairs.get(i)[1]);
            out.append(']');
        }
        out.append(']');
        return this;
    }

    private void quote(String s) {
        appendQuoted(out, s);
    }

    /** Appends {@code s} as a JSON string literal (quotes, escapes and control characters as {@code \\uXXXX}). */
    public static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The finished object. */
    @Override
    public String toString() {
        return out + "}";
    }
}
