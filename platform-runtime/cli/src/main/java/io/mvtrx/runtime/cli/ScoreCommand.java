package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.mvtrx.api.spi.scoring.ScoringMetricProvider;
import io.mvtrx.runtime.plugins.PluginRegistry;
import io.mvtrx.runtime.validator.scoring.ScoreFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mvtrx score}: the validator's scoring pipeline on a JSON file (histories or trades, configuration, time),
 * every stage written as JSON to stdout. Format and a worked example: doc/scoring.md.
 */
@Command(name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Scores miners exactly as the reference validator v0.5.4: FIFO realized P&L from trades (or given "
                    + "histories), Kappa-3 and PnL scores, trading score, soft floor, Pareto re-shaping, moving "
                    + "average and weights. Writes every stage as JSON to stdout.",
            "Format and a worked example: doc/scoring.md.",
        },
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
final class ScoreCommand implements Callable<Integer> {

    @ParentCommand
    private MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE.json", required = true,
            description = "The scoring input: config, simulation, nowNs, uidCount, uids (doc/scoring.md).")
    private Path input;

    @Override
    public Integer call() {
        String json;
        try {
            json = Files.readString(input, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CommandFailedException("%s: no such file", input);
        } catch (IOException e) {
            throw new CommandFailedException("%s: %s", input, e.getMessage());
        }
        try (PluginRegistry registry = mvtrx.loadPlugins()) {
            mvtrx.printProblems(registry);
            String output = ScoreFile.run(json, name -> registry.find(ScoringMetricProvider.class, name));
            PrintWriter out = spec.commandLine().getOut();
            out.print(output);
            out.flush();
            return ExitCodes.OK;
        } catch (ScoreFile.InvalidScoreFile e) {
            throw new CommandFailedException("%s: %s", input, e.getMessage());
        }
    }
}
