package io.mvtrx.runtime.cli;

/** Entry point of {@code bin/mvtrx}: runs the {@code mvtrx} command and exits with its exit code. */
public final class Main {

    private Main() {
    }

    /** Runs {@code mvtrx} with the command-line arguments; exit codes are listed in {@link ExitCodes}. */
    public static void main(String[] args) {
        System.exit(MvtrxCommand.commandLine(new MvtrxCommand()).execute(args));
    }
}
