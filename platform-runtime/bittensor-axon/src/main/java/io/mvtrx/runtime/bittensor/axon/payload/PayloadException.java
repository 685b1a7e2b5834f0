package io.mvtrx.runtime.bittensor.axon.payload;

/** A synapse payload that cannot be read: bad base64, compression, msgpack, or a field of the wrong shape. */
public final class PayloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayloadException(String format, Object... args) {
        super(String.format(format, args));
    }

    public PayloadException(Throwable cause, String format, Object... args) {
        super(String.format(format, args), cause);
    }
}
