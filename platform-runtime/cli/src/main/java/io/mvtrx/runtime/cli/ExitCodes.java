package io.mvtrx.runtime.cli;

/** The exit codes of every {@code mvtrx} command; {@code --help} lists them and doc/cli.md documents them. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** Validation or the operation failed; the reason is on stderr. */
    public static final int FAILED = 1;
    /** The command line is wrong: unknown command or option, missing or bad value. */
    public static final int USAGE = 2;
    /** An unexpected error (a bug); the stack trace is on stderr. */
    public static final int INTERNAL = 3;

    /** The {@code --help} lines, in picocli's {@code code:description} form (annotation constants). */
    static final String HELP_HEADING = "%nExit codes:%n";
    static final String HELP_OK = "0:success";
    static final String HELP_FAILED = "1:validation or operation failed (reason on stderr)";
    static final String HELP_USAGE = "2:usage error: unknown command or option, bad value";
    static final String HELP_INTERNAL = "3:internal error (a bug; stack trace on stderr)";

    private ExitCodes() {
    }
}
