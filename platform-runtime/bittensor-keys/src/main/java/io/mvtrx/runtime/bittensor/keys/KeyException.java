package io.mvtrx.runtime.bittensor.keys;

/** Key material was rejected: a bad mnemonic, seed, secret, address or derivation path; the message says which. */
public final class KeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by a format and its arguments. */
    public KeyException(String format, Object... args) {
        super(String.format(format, args));
    }
}
