package io.mvtrx.runtime.validator.internal.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259: one value, no comments, no trailing commas, no duplicate keys) keeping numbers
 * as their text, so integers read as exact longs and decimals as the nearest double. Every value knows its path
 * ({@code $.uids.3.trades[2].price}) for error messages.
 */
public final class Json {

    /** A parsed value and where it sits in the document. */
    public sealed interface Value permits ObjectValue, ArrayValue, StringValue, NumberValue, BooleanValue, NullValue {
        /** Path from the root, e.g. {@code $.config.scoring}. */
        String path();

        /** A word for the kind of value, for messages. */
        String kind();
    }

    /** An object; members in document order. */
    public record ObjectValue(String path, Map<String, Value> members) implements Value {
        @Override
        public String kind() {
            return "an object";
        }
    }

    /** An array. */
    public record ArrayValue(String path, List<Value> elements) implements Value {
        @Override
        public String kind() {
            return "an array";
        }
    }

    /** A string. */
    public record StringValue(String path, String value) implements Value {
        @Override
        public String kind() {
            return "a string";
        }
    }

    /** A number, kept as written. */
    public record NumberValue(String path, String text) implements Value {
        @Override
        public String kind() {
            return "a number";
        }
    }

    /** true or false. */
    public record BooleanValue(String path, boolean value) implements Value {
        @Override
        public String kind() {
            return "a boolean";
        }
    }

    /** null. */
    public record NullValue(String path) implements Value {
        @Override
        public String kind() {
            return "null";
        }
    }

    /** Malformed JSON or a value of the wrong shape; the message starts with the path or the line and column. */
    public static final class JsonException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public JsonException(String message) {
            super(message);
        }

        /** "{path}: {message}". */
        public static JsonException at(Value value, String format, Object... args) {
            return new JsonException(value.path() + ": " + String.format(format, args));
        }
    }

    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /** Parses a whole document. */
    public static Value parse(String text) {
        Json parser = new Json(text);
        parser.skipWhitespace();
        Value value = parser.value("$");
        parser.skipWhitespace();
        if (parser.position < text.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Value value(String path) {
        if (position >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(path);
            case '[' -> array(path);
            case '"' -> new StringValue(path, string());
            case 't' -> literal("true", new BooleanValue(path, true));
            case 'f' -> literal("false", new BooleanValue(path, false));
            case 'n' -> literal("null", new NullValue(path));
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number(path);
                }
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private Value object(String path) {
        position++;
        Map<String, Value> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return new ObjectValue(path, Collections.unmodifiableMap(members));
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            String child = path + "." + name;
            if (members.containsKey(name)) {
                throw error("duplicate key " + child);
            }
            members.put(name, value(child));
            skipWhitespace();
            char c = next();
            if (c == '}') {
                return new ObjectValue(path, Collections.unmodifiableMap(members));
            }
            if (c != ',') {
                position--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private Value array(String path) {
        position++;
        List<Value> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return new ArrayValue(path, List.copyOf(elements));
        }
        while (true) {
            skipWhitespace();
            elements.add(value(path + "[" + elements.size() + "]"));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                return new ArrayValue(path, List.copyOf(elements));
            }
            if (c != ',') {
                position--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        position++;
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                position--;
                throw error("control character in a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    position += 4;
                }
                default -> {
                    position--;
                    throw error("bad escape '\\" + e + "'");
                }
            }
        }
    }

    private Value number(String path) {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                position++;
            }
        } else {
            throw error("bad number");
        }
        if (peek() == '.') {
            position++;
            if (!isDigit(peek())) {
                throw error("bad number: digits must follow '.'");
            }
            while (isDigit(peek())) {
                position++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw error("bad number: digits must follow the exponent");
            }
            while (isDigit(peek())) {
                position++;
            }
        }
        return new NumberValue(path, text.substring(start, position));
    }

    private Value literal(String word, Value value) {
        if (!text.startsWith(word, position)) {
            throw error("unexpected word");
        }
        position += word.length();
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private char next() {
        if (position >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(position++);
    }

    private void expect(char c) {
        if (next() != c) {
            position--;
            throw error("expected '" + c + "'");
        }
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private JsonException error(String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonException(String.format("line %d, column %d: %s", line, column, message));
    }
}
