package io.mvtrx.runtime.config;

import java.util.List;

/**
 * A configuration could not be loaded. The message is formatted from arguments and followed by one line per
 * problem; {@link #problems()} gives them as data.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;

    /** A failure that is not tied to positions in a file. */
    public ConfigException(String format, Object... args) {
        this(List.of(), format, args);
    }

    /** A failure listing every problem found. */
    public ConfigException(List<ConfigProblem> problems, String format, Object... args) {
        super(message(problems, String.format(format, args)));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in file order; empty for a failure that is not tied to positions in a file. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(List<ConfigProblem> problems, String headline) {
        StringBuilder text = new StringBuilder(headline);
        for (ConfigProblem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem.format());
        }
        return text.toString();
    }
}
