package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.scoring.ScoringMetricProvider;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.plugins.PluginRegistry;
import io.mvtrx.runtime.simulator.Progress;
import io.mvtrx.runtime.simulator.Simulation;
import io.mvtrx.runtime.simulator.SimulationOptions;
import io.mvtrx.runtime.validator.node.InProcessTransport;
import io.mvtrx.runtime.validator.node.LoopStats;
import io.mvtrx.runtime.validator.node.MinerReport;
import io.mvtrx.runtime.validator.node.Roster;
import io.mvtrx.runtime.validator.node.ScoringSettings;
import io.mvtrx.runtime.validator.node.ValidatorLoop;
import io.mvtrx.runtime.validator.node.ValidatorNode;
import io.mvtrx.runtime.validator.node.ValidatorSettings;
import io.mvtrx.runtime.validator.scoring.LatencyDelay;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mvtrx proxy}: one trading agent, found by name among the plugins, trades as uid 0 against the background
 * model at full speed, through the validator's own loop (the same screening, caps, latency model and scoring) with
 * the agent in this JVM. At the end its Kappa and P&L per book and its scores go to stdout, and with {@code --out} to
 * a JSON summary.
 */
@Command(name = "proxy",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one trading agent against the simulation through the validator loop, in-process, at full speed,",
            "and prints its Kappa and P&L per book and its scores. Progress goes to stderr; the result to stdout.",
        },
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
final class ProxyCommand implements Callable<Integer> {

    @ParentCommand
    MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Option(names = "--agent", required = true, paramLabel = "NAME",
            description = "Trading agent plugin to run (see mvtrx plugins).")
    private String agentName;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Simulation XML. Default: the embedded live configuration (simulation_0.xml).")
    private Path config;

    @Option(names = "--agent-params", paramLabel = "KEY=VALUE", arity = "1..*",
            description = "Agent parameters, e.g. --agent-params min_quantity=0.1 max_quantity=1.0.")
    private List<String> agentParams = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "TIME", converter = SimulateCommand.DurationConverter.class,
            description = "Simulated time, e.g. 6h, 90m, 3600s. Default: the configuration's duration.")
    private Long duration;

    @Option(names = "--seed", paramLabel = "N",
            description = "Root seed. Also makes the run reproducible: every answer is charged --response-time "
                    + "instead of the measured time.")
    private Long seed;

    @Option(names = "--response-time", paramLabel = "TIME", converter = SimulateCommand.DurationConverter.class,
            description = "With --seed: the response time charged for every answer, e.g. 50ms. Default: none (the "
                    + "minimum delay of 10 ms).")
    private Long responseTime;

    @Option(names = "--books", paramLabel = "N",
            description = "Run N books in one block instead of the configuration's blocks x books.")
    private Integer books;

    @Option(names = "--scoring-window", paramLabel = "TIME", converter = SimulateCommand.DurationConverter.class,
            description = "Kappa and PnL lookback (Kappa needs half of it). Default: 3h, or the trading time after "
                    + "the grace period when the run is shorter.")
    private Long scoringWindow;

    @Option(names = "--timeout", paramLabel = "TIME", converter = SimulateCommand.DurationConverter.class,
            defaultValue = "3s", description = "Time the agent may take per state. Default: ${DEFAULT-VALUE}.")
    private long timeout;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the result as JSON to FILE.")
    private Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (books != null && books < 1) {
            throw new CommandFailedException("--books must be >= 1, got %d", books);
        }
        if (responseTime != null && seed == null) {
            throw new CommandFailedException("--response-time needs --seed (without it the measured time is charged)");
        }
        try (PluginRegistry registry = mvtrx.loadPlugins()) {
            mvtrx.printProblems(registry);
            ValidatorNode.ConfigSource source = NodeParts.source(config, registry);
            SimulationConfig configuration = NodeParts.first(source, config, stderr);
            long runLength = duration != null ? duration : configuration.duration();
            long grace = configuration.exchange().gracePeriod();
            if (runLength <= grace) {
                throw new CommandFailedException("--duration %s does not pass the grace period of %s: the agent "
                        + "would never be asked", NodeParts.clock(runLength), NodeParts.clock(grace));
            }
            TradingAgent agent = NodeParts.agent(registry, agentName, agentParams, true);
            ScoringSettings scoring = ScoringSettings.REFERENCE;
            long window = scoringWindow != null ? scoringWindow
                    : Math.min(scoring.kappaLookback(), runLength - grace);
            if (window != scoring.kappaLookback() || scoringWindow != null) {
                scoring = scoring.withWindow(window);
            }
            Duration perCall = Duration.ofNanos(timeout);
            ValidatorSettings settings = ValidatorSettings.REFERENCE.withScoring(scoring)
                    .withLatency(withTimeout(LatencyDelay.REFERENCE, timeout));
            if (seed != null) {
                settings = settings.withNominalResponse(responseTime == null ? 0 : responseTime);
            }
            InProcessTransport transport = new InProcessTransport(Map.of(0, agent), perCall,
                    perCall.plusSeconds(1));
            Roster roster = Roster.fixed(List.of(new Neuron(0, "proxy", "proxy", 0, false, "in-process", 0, 0)));
            SimulationOptions options = SimulationOptions.defaults().withDuration(runLength);
            if (seed != null) {
                options = options.withSeed(seed);
            }
            if (books != null) {
                options = options.withBlockCount(1).withBooksPerBlock(books);
            }
            try (ValidatorLoop loop = new ValidatorLoop(settings, transport, roster, Optional.empty(),
                    Optional.empty(), metric(registry, scoring))) {
                ValidatorNode node = new ValidatorNode(loop, registry, () -> configuration,
                        new ValidatorNode.Plan(options, 1, 1), line -> { });
                NodeParts.StatusLine status = new NodeParts.StatusLine(stderr);
                loop.addListener(stats -> {
                    if (status.due()) {
                        status.print(progress(node.simulation(), stats));
                    }
                });
                long start = System.nanoTime();
                runNode(node);
                LoopStats stats = loop.stats();
                status.finish(String.format(Locale.ROOT, "sim %s  100.0 %%  answered %d/%d  accepted %d  "
                                + "refused %d", NodeParts.clock(runLength), stats.answered(), stats.queried(),
                        stats.accepted(), stats.refusedTotal()));
                double wall = (System.nanoTime() - start) / 1e9;
                MinerReport report = loop.scoring().report(0);
                print(stdout, configuration, runLength, wall, scoring, stats, report);
                if (out != null) {
                    NodeParts.write(out, json(runLength, wall, scoring, stats, report));
                    stdout.printf("summary: %s%n", out);
                }
                stdout.flush();
            }
        }
        return ExitCodes.OK;
    }

    static Function<String, Optional<ScoringMetricProvider>> metric(PluginRegistry registry,
                                                                    ScoringSettings scoring) {
        try {
            return ValidatorLoop.metric(registry, scoring);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("%s", e.getMessage());
        }
    }

    static LatencyDelay withTimeout(LatencyDelay model, long timeout) {
        return new LatencyDelay(model.minDelay(), model.maxDelay(), timeout, model.minJitter(), model.maxJitter());
    }

    static void runNode(ValidatorNode node) throws IOException {
        try {
            node.run();
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("%s", e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CommandFailedException("%s", e.getMessage());
        }
    }

    private static String progress(Simulation simulation, LoopStats stats) {
        if (simulation == null) {
            return "starting";
        }
        Progress p = simulation.progress();
        return String.format(Locale.ROOT, "sim %s  %5.1f %%  %.1fx  answered %d/%d  accepted %d  refused %d  ETA %s",
                NodeParts.clock(p.elapsed()), 100 * p.fraction(), p.speed(), stats.answered(), stats.queried(),
                stats.accepted(), stats.refusedTotal(), NodeParts.clock(p.etaNanos()));
    }

    private void print(PrintWriter stdout, SimulationConfig configuration, long runLength, double wall,
                       ScoringSettings scoring, LoopStats stats, MinerReport report) {
        int bookCount = report == null ? (books != null ? books : configuration.bookCount()) : report.kappa().length;
        stdout.printf(Locale.ROOT, "agent %s (uid 0) on %d books: %s simulated in %.1f s (%.1fx)%s%n", agentName,
                bookCount, NodeParts.clock(runLength), wall, runLength / 1e9 / Math.max(wall, 1e-9),
                seed == null ? "" : ", seed " + seed);
        if (report == null) {
            stdout.println("no score: the run ended before the first scoring");
        } else {
            stdout.println("book  kappa        pnl");
            double[] kappa = report.kappa();
            double[] pnl = report.pnl();
            for (int b = 0; b < kappa.length; b++) {
                stdout.printf(Locale.ROOT, "%4d  %-11s  %.4f%n", b,
                        Double.isNaN(kappa[b]) ? "-" : String.format(Locale.ROOT, "%.6f", kappa[b]), pnl[b]);
            }
            stdout.printf(Locale.ROOT, "kappa score %.6f  pnl score %.6f  trading score %.6f  (kappa over %s, "
                            + "at least %s; pnl over %s)%n", report.kappaScore(), report.pnlScore(),
                    report.tradingScore(), NodeParts.clock(scoring.kappaLookback()),
                    NodeParts.clock(scoring.kappaMinLookback()), NodeParts.clock(scoring.pnlLookback()));
        }
        stdout.printf("answers %d/%d (timeouts %d, failed %d); instructions accepted %d, refused %s%n",
                stats.answered(), stats.queried(), stats.timeouts(), stats.failedQueries(), stats.accepted(),
                NodeParts.refusals(stats));
    }

    private String json(long runLength, double wall, ScoringSettings scoring, LoopStats stats, MinerReport report) {
        Map<String, String> head = new LinkedHashMap<>();
        head.put("agent", NodeParts.quoted(agentName));
        head.put("seed", seed == null ? "null" : seed.toString());
        head.put("simulatedNs", Long.toString(runLength));
        head.put("wallSeconds", NodeParts.number(wall));
        head.put("kappaLookbackNs", Long.toString(scoring.kappaLookback()));
        head.put("pnlLookbackNs", Long.toString(scoring.pnlLookback()));
        head.put("stats", NodeParts.statsJson(stats));
        if (report == null) {
            StringBuilder sb = new StringBuilder("{");
            head.forEach((k, v) -> sb.append(NodeParts.quoted(k)).append(": ").append(v).append(", "));
            return sb.append("\"uid\": 0, \"books\": null}\n").toString();
        }
        return NodeParts.reportJson(report, head) + "\n";
    }
}
