package io.mvtrx.runtime.gentrx.miner.credentials;

import java.io.Console;
import java.util.Optional;

/** Asks a person for values: the terminal in production, a script in tests. */
public interface Prompter {

    /** Reads a line shown as typed; null at end of input. */
    String readLine(String prompt);

    /** Reads a line without echo; null at end of input. */
    char[] readSecret(String prompt);

    /** Tells the person something. */
    void say(String message);

    /** The terminal, when this process has one ({@link System#console()}). */
    static Optional<Prompter> console() {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        return Optional.of(new Prompter() {
            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }

            @Override
            public char[] readSecret(String prompt) {
                return console.readPassword("%s", prompt);
            }

            @Override
            public void say(String message) {
                console.printf("%s%n", message);
                console.flush();
            }
        });
    }
}
