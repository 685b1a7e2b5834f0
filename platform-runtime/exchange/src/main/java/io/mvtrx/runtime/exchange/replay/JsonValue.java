package io.mvtrx.runtime.exchange.replay;

/** A scalar JSON value as the replay reader keeps it: numbers keep their exact text. */
public sealed interface JsonValue permits JsonValue.Text, JsonValue.Number, JsonValue.Bool, JsonValue.Null {

    /** A JSON string, unescaped. */
    record Text(String value) implements JsonValue {
    }

    /** A JSON number, as written (so decimals lose nothing). */
    record Number(String text) implements JsonValue {
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements JsonValue {
    }

    /** {@code null}. */
    enum Null implements JsonValue {
        NULL
    }

    /** How messages name the value's type. */
    default String describe() {
        return switch (this) {
            case Text t -> "the string \"" + t.value() + "\"";
            case Number n -> "the number " + n.text();
            case Bool b -> Boolean.toString(b.value());
            case Null n -> "null";
        };
    }
}
