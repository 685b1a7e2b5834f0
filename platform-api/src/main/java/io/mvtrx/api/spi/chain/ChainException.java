package io.mvtrx.api.spi.chain;

/** The chain refused a write (not registered, no permit, rate-limited, subnet full); the message says which. */
public final class ChainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChainException(String format, Object... args) {
        super(String.format(format, args));
    }
}
