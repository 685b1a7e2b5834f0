package io.mvtrx.runtime.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.mvtrx.runtime.plugins.PluginCatalog;

/**
 * Entry points for simulation configuration files: validate (every problem, never throws for bad content), load
 * (throws listing every problem), and the embedded default.
 *
 * {@snippet :
 * ValidationReport report = SimulationConfigs.validate(Path.of("simulation_0.xml"), catalog);
 * if (report.valid()) {
 *     System.out.println(ConfigSummary.render(report.config().orElseThrow()));
 * } else {
 *     System.err.println(report.format());   // "simulation_0.xml: 2 problems" then one line each
 * }
 * }
 *
 * <p>Thread-safe: every call is independent. Cost: one pass over the document plus one catalog lookup per plugin
 * name.
 */
public final class SimulationConfigs {

    /** Name of the bundled default configuration (a copy of the reference's production {@code simulation_0.xml}). */
    public static final String EMBEDDED_DEFAULT_NAME = "simulation_0.xml";

    private SimulationConfigs() {
    }

    /**
     * Validates a configuration file. An unreadable file gives a report with one problem; nothing in the file's
     * content makes this throw.
     */
    public static ValidationReport validate(Path file, PluginCatalog catalog) {
        String source = file.toString();
        try (InputStream input = Files.newInputStream(file)) {
            return validate(source, input, catalog);
        } catch (IOException e) {
            ConfigProblem problem = new ConfigProblem(0, 0, "",
                    String.format("cannot read %s: %s", source, describe(e)));
            return new ValidationReport(source, List.of(problem), Optional.empty());
        }
    }

    /**
     * Validates a configuration read from a stream, which is read to its end but not closed.
     *
     * @param name what the report calls the source, e.g. a file name
     */
    public static ValidationReport validate(String name, InputStream xml, PluginCatalog catalog) {
        return switch (XmlSource.read(xml)) {
            case XmlSource.Failed(ConfigProblem problem) ->
                    new ValidationReport(name, List.of(problem), Optional.empty());
            case XmlSource.Parsed(SourceElement root) -> {
                ConfigBinder binder = new ConfigBinder(catalog);
                Optional<SimulationConfig> config = binder.bind(root);
                List<ConfigProblem> problems = binder.problems();
                yield new ValidationReport(name, problems, problems.isEmpty() ? config : Optional.empty());
            }
        };
    }

    /**
     * Loads a configuration file.
     *
     * @throws ConfigException listing every problem, if the file is unreadable or invalid
     */
    public static SimulationConfig load(Path file, PluginCatalog catalog) {
        return orThrow(validate(file, catalog));
    }

    /**
     * Loads a configuration from a stream, which is read to its end but not closed.
     *
     * @throws ConfigException listing every problem, if the content is invalid
     */
    public static SimulationConfig load(String name, InputStream xml, PluginCatalog catalog) {
        return orThrow(validate(name, xml, catalog));
    }

    /** The bundled default configuration, {@value #EMBEDDED_DEFAULT_NAME}; the caller closes the stream. */
    public static InputStream embeddedDefault() {
        InputStream stream = SimulationConfigs.class.getResourceAsStream(EMBEDDED_DEFAULT_NAME);
        if (stream == null) {
            throw new IllegalStateException(String.format(
                    "the embedded default configuration %s is missing from module %s",
                    EMBEDDED_DEFAULT_NAME, SimulationConfigs.class.getModule().getName()));
        }
        return stream;
    }

    private static SimulationConfig orThrow(ValidationReport report) {
        if (!report.valid()) {
            throw new ConfigException(report.problems(), "%s: %d configuration %s", report.source(),
                    report.problems().size(), report.problems().size() == 1 ? "problem" : "problems");
        }
        return report.config().orElseThrow();
    }

    private static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file";
            case AccessDeniedException denied -> "permission denied";
            default -> e.toString();
        };
    }
}
