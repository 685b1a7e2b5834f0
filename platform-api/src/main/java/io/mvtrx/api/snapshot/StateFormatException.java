package io.mvtrx.api.snapshot;

/** Saved state that does not fit what reads it: another version, another shape, or a truncated section. */
public final class StateFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A message formatted from {@code format} and {@code arguments} ({@link String#format}). */
    public StateFormatException(String format, Object... arguments) {
        super(String.format(format, arguments));
    }

    /** A message with the cause that made the state unreadable. */
    public StateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
