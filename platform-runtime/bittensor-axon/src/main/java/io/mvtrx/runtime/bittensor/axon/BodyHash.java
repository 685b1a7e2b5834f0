package io.mvtrx.runtime.bittensor.axon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A synapse's body hash (bittensor.md §1.4): SHA3-256 of the concatenated lower-case hex SHA3-256 digests of
 * Python's {@code str()} of each field in {@code required_hash_fields}; with no fields, SHA3-256 of "".
 */
public final class BodyHash {

    /** SHA3-256 of the empty string: the body hash of every synapse without hash fields. */
    public static final String EMPTY = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";

    private BodyHash() {
    }

    /** The body hash over the Python {@code str()} renderings of the hash fields, in tuple order. */
    public static String of(List<String> pythonStrs) {
        StringBuilder digests = new StringBuilder(64 * pythonStrs.size());
        for (String s : pythonStrs) {
            digests.append(sha3Hex(s));
        }
        return sha3Hex(digests.toString());
    }

    /** Lower-case hex SHA3-256 (FIPS 202) of the UTF-8 bytes of {@code text}. */
    public static String sha3Hex(String text) {
        try {
            MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
            return HexFormat.of().formatHex(sha3.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA3-256", e);
        }
    }

    /**
     * Python's {@code str()} of a value as pydantic's {@code model_dump()} leaves it: ints in decimal, strings raw,
     * booleans {@code True}/{@code False}, {@code None}, lists and dicts as their {@code repr} (strings inside quoted
     * as Python quotes them, {@code ", "} and {@code ": "} separators).
     */
    public static String pyStr(Object value) {
        return value instanceof String s ? s : pyRepr(value);
    }

    /** Python's {@code repr()} of a value tree. */
    public static String pyRepr(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case Long l -> l.toString();
            case Integer i -> i.toString();
            case String s -> quote(s);
            case List<?> list -> {
                StringBuilder out = new StringBuilder("[");
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    out.append(pyRepr(list.get(i)));
                }
                yield out.append(']').toString();
            }
            case Map<?, ?> map -> {
                StringBuilder out = new StringBuilder("{");
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(", ");
                    }
                    first = false;
                    out.append(pyRepr(e.getKey())).append(": ").append(pyRepr(e.getValue()));
                }
                yield out.append('}').toString();
            }
            default -> throw new IllegalArgumentException(
                    "no Python rendering for " + value.getClass().getSimpleName() + " in a hashed field");
        };
    }

    // Python picks ' unless the text holds ' and no ", then ".
    private static String quote(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(q);
        s.codePoints().forEach(c -> {
            if (c == q || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(q).toString();
    }
}
