package io.mvtrx.runtime.wallet;

/** A wallet operation failed; the message names the wallet file and the reason. */
public final class WalletException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WalletException(String format, Object... args) {
        super(String.format(format, args));
    }

    public WalletException(Throwable cause, String format, Object... args) {
        super(String.format(format, args), cause);
    }
}
