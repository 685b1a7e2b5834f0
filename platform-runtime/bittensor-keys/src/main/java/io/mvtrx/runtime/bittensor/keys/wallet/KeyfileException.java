package io.mvtrx.runtime.bittensor.keys.wallet;

/** A keyfile could not be read, decrypted, trusted or written; the message names the file and the reason. */
public final class KeyfileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a keyfile operation failed. */
    public enum Reason {
        /** No such file. */
        NOT_FOUND,
        /** The file exists and writing would overwrite it. */
        EXISTS,
        /** The file is encrypted and no password was available. */
        PASSWORD_REQUIRED,
        /** Decryption did not authenticate: a wrong password, or the encrypted file was changed. */
        WRONG_PASSWORD_OR_TAMPERED,
        /** The decrypted or plain content contradicts itself (e.g. the public key is not the secret's). */
        INCONSISTENT,
        /** The bytes are not a keyfile of a known format. */
        MALFORMED,
        /** The file system refused. */
        IO
    }

    private final Reason reason;

    /** A failure with a reason and a message format. */
    public KeyfileException(Reason reason, String format, Object... args) {
        super(String.format(format, args));
        this.reason = reason;
    }

    /** A failure caused by another exception. */
    public KeyfileException(Reason reason, Throwable cause, String format, Object... args) {
        super(String.format(format, args), cause);
        this.reason = reason;
    }

    /** Why it failed. */
    public Reason reason() {
        return reason;
    }
}
