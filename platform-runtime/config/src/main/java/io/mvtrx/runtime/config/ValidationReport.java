package io.mvtrx.runtime.config;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating one configuration: every problem found, in file order, and the bound configuration when
 * there were none.
 *
 * @param source   what was read: a file path or a stream's name
 * @param problems every problem, sorted by line; empty when valid
 * @param config   the typed configuration; present exactly when {@code problems} is empty
 */
public record ValidationReport(String source, List<ConfigProblem> problems, Optional<SimulationConfig> config) {

    public ValidationReport {
        problems = List.copyOf(problems);
        if (problems.isEmpty() != config.isPresent()) {
            throw new IllegalArgumentException(String.format(
                    "a report carries a configuration exactly when it has no problems; got %d problem(s) and %s",
                    problems.size(), config.isPresent() ? "a configuration" : "none"));
        }
    }

    /** Whether the configuration is free of problems. */
    public boolean valid() {
        return problems.isEmpty();
    }

    /**
     * One headline ({@code simulation_0.xml: valid} or {@code simulation_0.xml: 3 problems}) followed by one
     * indented line per problem.
     */
    public String format() {
        if (valid()) {
            return source + ": valid";
        }
        StringBuilder text = new StringBuilder(source).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems");
        for (ConfigProblem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem.format());
        }
        return text.toString();
    }
}
