package io.mvtrx.runtime.subtensor.internal;

/** Bytes that do not decode as the expected SCALE type; the message gives the offset. */
public final class ScaleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ScaleException(String format, Object... args) {
        super(String.format(format, args));
    }
}
