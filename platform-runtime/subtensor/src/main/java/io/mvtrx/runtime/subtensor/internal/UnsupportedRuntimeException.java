package io.mvtrx.runtime.subtensor.internal;

/** The node runs a runtime this client cannot safely talk to (unknown signed extension, extrinsic format, layout). */
public final class UnsupportedRuntimeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedRuntimeException(String format, Object... args) {
        super(String.format(format, args));
    }
}
