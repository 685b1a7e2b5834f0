package io.mvtrx.runtime.dashboard.internal;

import java.util.Locale;

/**
 * A small streaming JSON writer: objects, arrays, strings, numbers. Non-finite numbers are written as {@code null}
 * (JSON has no NaN). Commas are placed by the writer. Not thread-safe.
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder(256);
    /** Whether the next value in the current container needs a comma before it. */
    private boolean comma;

    public JsonWriter beginObject() {
        separate();
        out.append('{');
        comma = false;
        return this;
    }

    public JsonWriter endObject() {
        out.append('}');
        comma = true;
        return this;
    }

    public JsonWriter beginArray() {
        separate();
        out.append('[');
        comma = false;
        return this;
    }

    public JsonWriter endArray() {
        out.append(']');
        comma = true;
        return this;
    }

    /** Writes a member name; the next call writes its value. */
    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        comma = false;
        return this;
    }

    public JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        comma = true;
        return this;
    }

    public JsonWriter value(long value) {
        separate();
        out.append(value);
        comma = true;
        return this;
    }

    public JsonWriter value(double value) {
        separate();
        if (Double.isFinite(value)) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                out.append((long) value);
            } else {
                out.append(Double.toString(value));
            }
        } else {
            out.append("null");
        }
        comma = true;
        return this;
    }

    public JsonWriter value(boolean value) {
        separate();
        out.append(value);
        comma = true;
        return this;
    }

    public JsonWriter nullValue() {
        separate();
        out.append("null");
        comma = true;
        return this;
    }

    public JsonWriter member(String name, String value) {
        return name(name).value(value);
    }

    public JsonWriter member(String name, long value) {
        return name(name).value(value);
    }

    public JsonWriter member(String name, double value) {
        return name(name).value(value);
    }

    public JsonWriter member(String name, boolean value) {
        return name(name).value(value);
    }

    private void separate() {
        if (comma) {
            out.append(',');
            comma = false;
        }
    }

    private void string(String s) {
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
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
