package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.mvtrx.runtime.config.ConfigProblem;
import io.mvtrx.runtime.config.ConfigSummary;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.config.ValidationReport;
import io.mvtrx.runtime.plugins.PluginRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mvtrx config}: work with simulation configuration files. */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        description = "Work with simulation configuration files (the upstream XML format).",
        subcommands = ConfigCommand.Validate.class)
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
}
