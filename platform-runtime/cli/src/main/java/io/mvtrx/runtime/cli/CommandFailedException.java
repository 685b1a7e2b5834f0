package io.mvtrx.runtime.cli;

/**
 * Thrown by a command whose validation or operation failed for a reason the user can act on: the message is printed
 * as {@code mvtrx: <message>} and the process exits with {@link ExitCodes#FAILED}.
 */
public final class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by a format and its arguments. */
    public CommandFailedException(String format, Object... args) {
        super(String.format(format, args));
    }
}
