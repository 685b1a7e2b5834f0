package io.mvtrx.runtime.exchange.replay;

/** A JSON line is malformed; the message says where (character position or field) and what. */
public final class JsonException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the field at fault, or null for a syntax error
     */
    public JsonException(String field, String format, Object... args) {
        super(String.format(format, args));
        this.field = field;
    }

    /** The field at fault, or null for a syntax error. */
    public String field() {
        return field;
    }
}
