package io.mvtrx.runtime.gentrx.delta.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonArray;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonBoolean;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonNull;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonNumber;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonObject;
import io.mvtrx.runtime.gentrx.delta.json.JsonValue.JsonString;

/**
 * A strict RFC 8259 parser for untrusted headers. It refuses what lenient parsers let through, because a header
 * that two readers could read differently is a header an attacker can use: duplicate member names, leading zeros,
 * {@code NaN}, comments, trailing commas, unpaired surrogates, control characters in strings, anything after the
 * document, and nesting deeper than {@value #MAX_DEPTH}. Errors name the offset of the offending character.
 *
 * <p>Cost: one pass, linear in the text. Not thread-safe (one instance per document; use {@link #parse}).
 */
public final class JsonParser {

    /** Deeper documents are refused, so a hostile header cannot exhaust the stack. */
    public static final int MAX_DEPTH = 64;

    private final String text;
    private int position;

    private JsonParser(String text) {
        this.text = text;
    }

    /** Parses one complete document; whitespace may surround it, nothing else. */
    public static JsonValue parse(String text) {
        var parser = new JsonParser(text);
        parser.skipWhitespace();
        JsonValue value = parser.value(0);
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw parser.error("unexpected content after the JSON document");
        }
        return value;
    }

    private JsonValue value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        if (position >= text.length()) {
            throw error("unexpected end of the JSON document");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> new JsonString(string());
            case 't' -> literal("true", new JsonBoolean(true));
            case 'f' -> literal("false", new JsonBoolean(false));
            case 'n' -> literal("null", new JsonNull());
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + printable(c) + "'");
            }
        };
    }

    private JsonObject object(int depth) {
        position++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return new JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            int nameAt = position;
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            JsonValue member = value(depth + 1);
            if (members.putIfAbsent(name, member) != null) {
                throw new JsonException("JSON member \"" + name + "\" appears twice (second at offset " + nameAt + ")");
            }
            skipWhitespace();
            char next = peek();
            position++;
            if (next == '}') {
                return new JsonObject(members);
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private JsonArray array(int depth) {
        position++;
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return new JsonArray(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth + 1));
            skipWhitespace();
            char next = peek();
            position++;
            if (next == ']') {
                return new JsonArray(elements);
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private String string() {
        position++;
        var out = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                position--;
                throw error("control character in a string");
            }
            if (Character.isSurrogate(c)) {
                position--;
                char low = surrogatePair(c, position + 1 < text.length() ? text.charAt(position + 1) : 0);
                out.append(c).append(low);
                position += 2;
                continue;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position >= text.length()) {
                throw error("unterminated escape");
            }
            char escape = text.charAt(position++);
            switch (escape) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    char unit = hex4();
                    if (Character.isHighSurrogate(unit)) {
                        if (!text.startsWith("\\u", position)) {
                            throw error("unpaired surrogate escape");
                        }
                        position += 2;
                        char low = hex4();
                        if (!Character.isLowSurrogate(low)) {
                            throw error("unpaired surrogate escape");
                        }
                        out.append(unit).append(low);
                    } else if (Character.isLowSurrogate(unit)) {
                        throw error("unpaired surrogate escape");
                    } else {
                        out.append(unit);
                    }
                }
                default -> {
                    position--;
                    throw error("invalid escape '\\" + printable(escape) + "'");
                }
            }
        }
    }

    private char surrogatePair(char high, char low) {
        if (!Character.isHighSurrogate(high) || !Character.isLowSurrogate(low)) {
            throw error("unpaired surrogate in a string");
        }
        return low;
    }

    private char hex4() {
        if (position + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int unit = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position), 16);
            if (digit < 0) {
                throw error("invalid hex digit in a \\u escape");
            }
            unit = unit * 16 + digit;
            position++;
        }
        return (char) unit;
    }

    private JsonNumber number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            position++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        String literal = text.substring(start, position);
        if (literal.length() > 64) {
            throw new JsonException("JSON number at offset " + start + " is longer than 64 characters");
        }
        try {
            return new JsonNumber(new BigDecimal(literal));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new JsonException("JSON number at offset " + start + " is out of range: " + literal);
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!text.startsWith(word, position)) {
            throw error("unexpected character '" + printable(text.charAt(position)) + "'");
        }
        position += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    /** The current character, or NUL at the end (NUL never starts a valid token). */
    private char peek() {
        return position < text.length() ? text.charAt(position) : 0;
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

    private JsonException error(String what) {
        return new JsonException("malformed JSON at offset " + position + ": " + what);
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
