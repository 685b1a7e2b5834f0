package io.mvtrx.runtime.gentrx.data.tick;

/** A tick packet that is not well formed; the message names the field (as a path) and what was wrong. */
public final class TickFormatException extends RuntimeException {

    /** {@code String.format(format, args)} is the message. */
    public TickFormatException(String format, Object... args) {
        super(String.format(format, args));
    }
}
