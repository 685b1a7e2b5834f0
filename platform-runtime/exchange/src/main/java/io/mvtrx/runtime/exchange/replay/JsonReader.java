package io.mvtrx.runtime.exchange.replay;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict reader of one JSON Lines record: a single flat object whose values are strings, numbers, booleans or
 * null (RFC 8259 syntax; no nested objects or arrays, no duplicate keys, nothing after the closing brace but
 * whitespace). Numbers keep their text, so decimals are read without a detour through {@code double}.
 *
 * <p>Stateless; allocates the map it returns.
 */
public final class JsonReader {

    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    /**
     * Parses one line.
     *
     * @return the fields in document order
     * @throws JsonException naming the character position and what was expected
     */
    public static Map<String, JsonValue> object(String line) throws JsonException {
        JsonReader reader = new JsonReader(line);
        Map<String, JsonValue> fields = reader.readObject();
        reader.skipSpace();
        if (reader.pos != line.length()) {
            throw reader.error("end of line after the object");
        }
        return fields;
    }

    private Map<String, JsonValue> readObject() throws JsonException {
        skipSpace();
        expect('{');
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return fields;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("a field name in double quotes");
            }
            String name = readString();
            skipSpace();
            expect(':');
            skipSpace();
            JsonValue value = readValue(name);
            if (fields.putIfAbsent(name, value) != null) {
                throw new JsonException(name, "field '%s' appears twice", name);
            }
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                return fields;
            }
            if (c != ',') {
                pos--;
                throw error("',' or '}'");
            }
        }
    }

    private JsonValue readValue(String field) throws JsonException {
        char c = peek();
        return switch (c) {
            case '"' -> new JsonValue.Text(readString());
            case 't' -> literal("true", new JsonValue.Bool(true));
            case 'f' -> literal("false", new JsonValue.Bool(false));
            case 'n' -> literal("null", JsonValue.Null.NULL);
            case '{', '[' -> throw new JsonException(field, "field '%s' holds a nested %s; only flat values are read",
                    field, c == '{' ? "object" : "array");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield new JsonValue.Number(readNumber());
                }
                throw error("a value");
            }
        };
    }

    private JsonValue literal(String word, JsonValue value) throws JsonException {
        if (!text.startsWith(word, pos)) {
            throw error("'" + word + "'");
        }
        pos += word.length();
        return value;
    }

    private String readNumber() throws JsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("a digit after '.'");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("a digit in the exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        return text.substring(start, pos);
    }

    private String readString() throws JsonException {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("a closing '\"'");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("no control character inside a string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("an escape character");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("four hex digits after \\u");
                    }
                    try {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("four hex digits after \\u");
                    }
                    pos += 4;
                }
                default -> {
                    pos--;
                    throw error("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
                }
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw error("'" + c + "'");
        }
        pos++;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonException error(String expected) {
        String found = pos >= text.length() ? "end of line" : "'" + text.charAt(pos) + "'";
        return new JsonException(null, "at character %d: expected %s, found %s", pos + 1, expected, found);
    }
}
