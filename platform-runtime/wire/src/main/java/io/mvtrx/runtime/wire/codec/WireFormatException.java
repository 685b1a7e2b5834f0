package io.mvtrx.runtime.wire.codec;

/**
 * A protobuf message could not be turned into api records: a required field is unset, an enum value is unknown,
 * or the record refused the values. The message names the field.
 */
public final class WireFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WireFormatException(String format, Object... args) {
        super(String.format(format, args));
    }

    public WireFormatException(Throwable cause, String format, Object... args) {
        super(String.format(format, args), cause);
    }
}
