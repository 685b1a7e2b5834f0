package io.mvtrx.runtime.config;

/**
 * One thing wrong with a configuration file.
 *
 * @param line    1-based line of the element's start tag (or of the syntax error); 0 when the file could not be read
 * @param column  1-based column on that line; 0 when unknown
 * @param path    element path, e.g. {@code /Simulation/Agents/StylizedTraderAgent}; a sibling that shares its name
 *                with others carries its 1-based position, {@code .../NoiseTraderAgent[2]}; empty when the file
 *                could not be read
 * @param message what is wrong, naming the attribute, the constraint and the value received
 */
public record ConfigProblem(int line, int column, String path, String message) {

    public ConfigProblem {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException(String.format(
                    "line and column must be >= 0, got %d:%d", line, column));
        }
        if (path == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("a configuration problem needs a path and a message");
        }
    }

    /**
     * The problem as one line: {@code line 47: /Simulation/Agents/StylisedTraderAgent: unknown ...}. The line prefix
     * is left out when the line is unknown, the path when there is none.
     */
    public String format() {
        StringBuilder text = new StringBuilder();
        if (line > 0) {
            text.append("line ").append(line).append(": ");
        }
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
