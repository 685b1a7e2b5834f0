package io.mvtrx.runtime.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.mvtrx.runtime.config.ConfigException;
import io.mvtrx.runtime.config.ConfigProblem;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.exchange.replay.ReplayRunner;
import io.mvtrx.runtime.plugins.PluginRegistry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mvtrx replay}: the exchange engine as a command. Reads JSON Lines of instructions, writes JSON Lines of
 * every outcome to stdout, then the final books and accounts (format: doc/replay.md).
 */
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Feeds a JSON Lines order stream through one exchange built from the configuration's exchange section "
                    + "(books, decimals, limits, fee policy, matching rule) and writes every outcome as JSON Lines "
                    + "to stdout, then one book line per book and one account line per agent and book.",
            "A malformed input line is reported on stderr (line number and field), skipped, and the exit code "
                    + "becomes 1. Format: doc/replay.md.",
        },
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
final class ReplayCommand implements Callable<Integer> {

    @ParentCommand
    private MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "SIM.xml",
            description = "Simulation configuration; its exchange section builds the exchange. Default: the embedded "
                    + "default configuration (conf/simulation.xml of the distribution).")
    private Path config;

    @Option(names = "--orders", paramLabel = "FILE.jsonl", required = true,
            description = "JSON Lines of instructions; '-' reads stdin.")
    private String orders;

    @Override
    public Integer call() {
        try (PluginRegistry registry = mvtrx.loadPlugins()) {
            mvtrx.printProblems(registry);
            SimulationConfig simulation = load(registry);
            ExchangeAssembly exchange = ExchangeAssembly.of(simulation.exchange(), registry);
            try (Reader input = open()) {
                int code = ReplayRunner.run(exchange.spec(), exchange.rule(), exchange.fees(), input,
                        spec.commandLine().getOut(), spec.commandLine().getErr());
                return code == 0 ? ExitCodes.OK : ExitCodes.FAILED;
            } catch (IOException e) {
                throw new CommandFailedException("%s: %s", orders, e.getMessage());
            } catch (UncheckedIOException e) {
                throw new CommandFailedException("%s: %s", orders, e.getCause().getMessage());
            }
        }
    }

    private SimulationConfig load(PluginRegistry registry) {
        try {
            return config == null
                    ? SimulationConfigs.load(SimulationConfigs.EMBEDDED_DEFAULT_NAME, SimulationConfigs.embeddedDefault(),
                            registry)
                    : SimulationConfigs.load(config, registry);
        } catch (ConfigException e) {
            StringBuilder message = new StringBuilder(e.getMessage());
            for (ConfigProblem problem : e.problems()) {
                message.append(System.lineSeparator()).append("  ").append(problem.format());
            }
            throw new CommandFailedException("%s", message);
        }
    }

    private Reader open() throws IOException {
        if (orders.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(orders), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailedException("--orders %s: no such file", orders);
        }
    }
}
