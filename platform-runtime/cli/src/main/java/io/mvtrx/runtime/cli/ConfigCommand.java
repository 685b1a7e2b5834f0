package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.config.ConfigProblem;
import io.mvtrx.runtime.config.ConfigSummary;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.config.ValidationReport;
import io.mvtrx.runtime.plugins.PluginRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mvtrx config}: work with simulation configuration files. */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        description = "Work with simulation configuration files (the upstream XML format).",
        subcommands = {ConfigCommand.Validate.class, ConfigCommand.Publish.class})
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * {@code mvtrx config validate FILE}: checks the file against the loaded plugins. A valid file prints a one-screen
     * summary and exits 0; otherwise every problem is printed on stderr, one line each with its line number and
     * element path, and the exit code is 1.
     */
    @Command(name = "validate",
            mixinStandardHelpOptions = true,
            description = {
                "Checks a simulation configuration against the loaded plugins: every agent element, FeePolicy type, "
                        + "Books algorithm, Processes child and Balances type must name a loaded plugin, and every "
                        + "attribute must have the right type.",
                "A valid file prints a summary; otherwise every problem is printed with its line and element path.",
            },
            exitCodeListHeading = ExitCodes.HELP_HEADING,
            exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
    static final class Validate implements Callable<Integer> {

        @ParentCommand
        private ConfigCommand config;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The simulation XML file.")
        private Path file;

        @Override
        public Integer call() {
            MvtrxCommand mvtrx = config.mvtrx;
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (PluginRegistry registry = mvtrx.loadPlugins()) {
                mvtrx.printProblems(registry);
                ValidationReport report = SimulationConfigs.validate(file, registry);
                if (report.valid()) {
                    out.println(ConfigSummary.render(report.config().orElseThrow()));
                    out.println(file + ": valid");
                    out.flush();
                    return ExitCodes.OK;
                }
                for (ConfigProblem problem : report.problems()) {
                    err.println(file + ": " + problem.format());
                }
                err.flush();
                int count = report.problems().size();
                throw new CommandFailedException("%s: %d problem%s", file, count, count == 1 ? "" : "s");
            }
        }
    }

    /**
     * {@code mvtrx config publish FILE --key KEY [--storage NAME --storage-param K=V...]}: validates the file as
     * {@code validate} does and, only if it is valid, stores it under {@code KEY} (an atomic put: a validator reading
     * at the same moment sees the old document or the new one). Validators started with {@code --config-object KEY}
     * on the same store run it from their next simulation.
     */
    @Command(name = "publish",
            mixinStandardHelpOptions = true,
            description = {
                "Validates a simulation configuration against the loaded plugins and, if valid, stores it as an object "
                        + "in a storage backend, where validators started with --config-object KEY pick it up at "
                        + "their next simulation end.",
                "An invalid file prints every problem and stores nothing.",
            },
            exitCodeListHeading = ExitCodes.HELP_HEADING,
            exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
    static final class Publish implements Callable<Integer> {

        @ParentCommand
        private ConfigCommand config;

        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The simulation XML file.")
        private Path file;

        @Option(names = "--key", required = true, paramLabel = "KEY",
                description = "Object key to store it under, e.g. mvtrx/sn79/simulation.xml.")
        private String key;

        @Mixin
        private StorageOptions storage;

        @Override
        public Integer call() {
            MvtrxCommand mvtrx = config.mvtrx;
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (PluginRegistry registry = mvtrx.loadPlugins()) {
                mvtrx.printProblems(registry);
                ValidationReport report = SimulationConfigs.validate(file, registry);
                if (!report.valid()) {
                    for (ConfigProblem problem : report.problems()) {
                        err.println(file + ": " + problem.format());
                    }
                    err.flush();
                    int count = report.problems().size();
                    throw new CommandFailedException("%s: %d problem%s; nothing published", file, count,
                            count == 1 ? "" : "s");
                }
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new CommandFailedException("cannot read %s: %s", file, e.getMessage());
                }
                try (StorageBackend store = storage.open(registry)) {
                    store.put(key, bytes);
                } catch (IOException | IllegalArgumentException e) {
                    throw new CommandFailedException("cannot publish %s as %s to storage %s: %s", file, key,
                            storage.describe(), e.getMessage());
                }
                out.printf("%s: valid; published as %s to storage %s (%d bytes)%n", file, key, storage.describe(),
                        bytes.length);
                out.flush();
                return ExitCodes.OK;
            }
        }
    }
}
