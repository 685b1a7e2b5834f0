package io.mvtrx.runtime.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mvtrx.runtime.config.ConfigException;
import io.mvtrx.runtime.config.ConfigProblem;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.dashboard.DashboardServer;
import io.mvtrx.runtime.plugins.PluginRegistry;
import io.mvtrx.runtime.simulator.ProcessPaths;
import io.mvtrx.runtime.simulator.Progress;
import io.mvtrx.runtime.simulator.Simulation;
import io.mvtrx.runtime.simulator.SimulationOptions;
import io.mvtrx.runtime.simulator.SimulationReport;
import io.mvtrx.runtime.simulator.checkpoint.Checkpoint;
import io.mvtrx.runtime.simulator.checkpoint.CheckpointStore;
import io.mvtrx.runtime.simulator.checkpoint.Checkpointer;
import io.mvtrx.runtime.simulator.checkpoint.RunDescription;
import io.mvtrx.runtime.simulator.log.EventLogHash;
import io.mvtrx.runtime.simulator.report.MarketFacts;
import io.mvtrx.runtime.simulator.report.Plots;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code mvtrx simulate}: runs a simulation headless, without remote agents (their accounts exist and are funded,
 * nothing is published), as fast as it goes. A progress line on stderr is rewritten at most every half second;
 * at the end one summary line goes to stdout and the output folder holds {@code events.l3} (the L3 event log, format
 * in doc/simulator.md), the Parquet logs under {@code logs/} (as the configuration's {@code <Logging>} asks),
 * {@code report.json} and, computed from the event log, the stylized facts with their targets
 * and the plots of {@link Plots#FILES}.
 * Every {@code ckptIntervalInSteps} steps (or {@code --checkpoint-every}) a checkpoint goes to
 * {@code <out>/checkpoints/step-N/}; {@code --resume} continues a run from one, in its own folder, with the
 * configuration and shape saved in it.
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a simulation headless (no remote agents) and writes the L3 event log and a report.",
            "Progress goes to stderr; the summary line to stdout.",
        },
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
final class SimulateCommand implements Callable<Integer> {

    private static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;

    @ParentCommand
    MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Simulation XML. Default: the embedded live configuration (simulation_0.xml).")
    private Path config;

    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Simulated time, e.g. 6h, 90m, 3600s, 500ms (a bare number is seconds). Default: the "
                    + "configuration's duration.")
    private Long duration;

    @Option(names = "--seed", paramLabel = "N", description = "Root seed. Default: the configuration's seed.")
    private Long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "simulation-out",
            description = "Output folder for events.l3, logs/, report.json and the PNG plots. Default: "
                    + "${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--books-per-block", paramLabel = "N",
            description = "Books per block. Default: the configuration's Books instanceCount.")
    private Integer booksPerBlock;

    @Option(names = "--blocks", paramLabel = "N", description = "Blocks. Default: the configuration's blockCount.")
    private Integer blocks;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads. Default: the smaller of the block count and the available processors.")
    private Integer threads;

    @Option(names = "--no-event-log",
            description = "Do not write events.l3 (its hash is still computed); no market facts or plots then.")
    private boolean noEventLog;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = "Steps between checkpoints into <out>/checkpoints (0: none). Default: the configuration's "
                    + "ckptIntervalInSteps.")
    private Integer checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR|latest",
            description = "Continue a run from a checkpoint: a checkpoint directory, a run's output folder (its "
                    + "newest checkpoint) or 'latest' (the newest in --out). Configuration, duration, seed and "
                    + "shape come from the checkpoint; the run goes on in its own folder.")
    private String resume;

    @Option(names = "--parquet-logs", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write the Parquet logs the configuration's <Logging> asks for (L3, trades, fees, L2 "
                    + "snapshots) under DIR/logs, one file per book, kind and logWindow. On by default; "
                    + "--no-parquet-logs turns them off.")
    private boolean parquetLogs;

    @Option(names = "--serve",
            description = "Serve the live dashboard (doc/dashboard.md) while the run goes, and after it, with the "
                    + "stylized-facts report and plots, until SIGINT/SIGTERM (or --linger).")
    private boolean serve;

    @Option(names = "--host", paramLabel = "HOST",
            description = "With --serve: the interface to serve on. Default: 127.0.0.1.")
    private String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "With --serve: the port; 0 picks a free one. Default: 8000.")
    private Integer port;

    @Option(names = "--linger", paramLabel = "TIME", converter = DurationConverter.class,
            description = "With --serve: keep serving this long (wall time) after the run, then exit. Default: "
                    + "until SIGINT/SIGTERM.")
    private Long linger;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (checkpointEvery != null && checkpointEvery < 0) {
            throw new CommandFailedException("--checkpoint-every must be >= 0, got %d", checkpointEvery);
        }
        if (!serve && (host != null || port != null || linger != null)) {
            throw new ParameterException(spec.commandLine(), "--host, --port and --linger go with --serve");
        }
        if (port != null && (port < 0 || port > 65_535)) {
            throw new CommandFailedException("--port must be within 0..65535, got %d", port);
        }
        if (resume != null) {
            return resume(stdout, stderr);
        }
        SimulationOptions options = SimulationOptions.defaults();
        if (duration != null) {
            options = options.withDuration(duration);
        }
        if (seed != null) {
            options = options.withSeed(seed);
        }
        options = withCount(options, "--books-per-block", booksPerBlock, SimulationOptions::withBooksPerBlock);
        options = withCount(options, "--blocks", blocks, SimulationOptions::withBlockCount);
        options = withCount(options, "--threads", threads, SimulationOptions::withThreads);
        if (!noEventLog) {
            options = options.withEventLog(out.resolve("events.l3"));
        }
        if (parquetLogs) {
            options = options.withParquetLogs(out.resolve("logs"));
        }
        try (PluginRegistry registry = mvtrx.loadPlugins()) {
            mvtrx.printProblems(registry);
            SimulationConfig configuration = load(registry, stderr);
            String configName = config == null ? SimulationConfigs.EMBEDDED_DEFAULT_NAME : config.toString();
            byte[] configXml = SimulateCheckpoints.configBytes(config);
            long began = System.nanoTime();
            try (Simulation simulation = create(configuration, registry, options)) {
                RunDescription description = SimulateCheckpoints.describe(simulation, configName, configXml,
                        !noEventLog);
                return execute(simulation, configuration, registry, description, began, stdout, stderr);
            }
        }
    }

    /** {@code --resume}: the checkpoint's configuration and shape, this command's threads, the run's own folder. */
    private Integer resume(PrintWriter stdout, PrintWriter stderr) {
        List<String> fixed = new ArrayList<>();
        for (String option : List.of("--config", "--duration", "--seed", "--books-per-block", "--blocks",
                "--no-event-log")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                fixed.add(option);
            }
        }
        if (!fixed.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.format("--resume takes the configuration, "
                    + "duration, seed, shape and event log from the checkpoint; %s cannot be given with it",
                    String.join(", ", fixed)));
        }
        Checkpoint checkpoint = SimulateCheckpoints.locate(resume, out);
        Path runDirectory = checkpoint.runDirectory();
        if (spec.commandLine().getParseResult().hasMatchedOption("--out")
                && !out.toAbsolutePath().normalize().equals(runDirectory.normalize())) {
            throw new ParameterException(spec.commandLine(), String.format("--out %s is not the folder of "
                    + "checkpoint %s (%s): a resumed run goes on in its own folder", out, checkpoint.directory(),
                    runDirectory));
        }
        out = runDirectory;
        RunDescription run = checkpoint.run();
        SimulationOptions options = SimulationOptions.defaults().withDuration(run.duration()).withSeed(run.seed())
                .withBlockCount(run.blockCount()).withBooksPerBlock(run.booksPerBlock());
        options = withCount(options, "--threads", threads, SimulationOptions::withThreads);
        noEventLog = !run.eventLog();
        if (run.eventLog()) {
            options = options.withEventLog(out.resolve("events.l3"));
        }
        try (PluginRegistry registry = mvtrx.loadPlugins()) {
            mvtrx.printProblems(registry);
            SimulationConfig configuration;
            try {
                configuration = SimulationConfigs.load(run.configName(), new ByteArrayInputStream(run.configXml()),
                        registry);
            } catch (ConfigException e) {
                throw new CommandFailedException("cannot resume: the configuration saved in %s no longer loads: %s",
                        checkpoint.directory(), e.getMessage().lines().findFirst().orElse("invalid"));
            }
            long began = System.nanoTime();
            Simulation resumed;
            if (parquetLogs) {
                // the checkpoint records where each open Parquet file stood: the resumed run cuts them back there
                options = options.withParquetLogs(out.resolve("logs"));
            }
            try {
                resumed = Simulation.resume(configuration, registry, options, CheckpointStore.read(checkpoint));
            } catch (RuntimeException e) {
                throw new CommandFailedException("cannot resume from %s: %s%s", checkpoint.directory(),
                        e.getMessage(), parquetLogs && String.valueOf(e.getMessage()).contains("no Parquet logs")
                                ? " (--no-parquet-logs)" : "");
            }
            try (Simulation simulation = resumed) {
                stderr.printf(Locale.ROOT, "resuming %s from %s: step %d, sim %s%n", run.simulationId(),
                        checkpoint.directory(), checkpoint.step(), clock(checkpoint.time() - configuration.start()));
                return execute(simulation, configuration, registry, run, began, stdout, stderr);
            }
        }
    }

    /** Runs a built (or resumed) simulation to its end with checkpoints, then writes the report and summary. */
    private Integer execute(Simulation simulation, SimulationConfig configuration, PluginRegistry registry,
                            RunDescription description, long began, PrintWriter stdout, PrintWriter stderr) {
        long built = System.nanoTime() - began;
        stderr.printf(Locale.ROOT, "%s: %d block(s) x %d books, %d background agents and %d remote "
                        + "accounts per block, %d thread(s); started in %.0f ms (slowest block %.0f ms)%n",
                simulation.info().simulationId(), simulation.info().blockCount(),
                simulation.info().booksPerBlock(), simulation.agentsPerBlock(),
                simulation.info().remoteAgentCount(), simulation.threads(), built / 1e6,
                Arrays.stream(simulation.startupNanos()).max().orElse(0) / 1e6);
        stderr.flush();
        int interval = checkpointEvery != null ? checkpointEvery
                : configuration.checkpoint().intervalInSteps();
        SimulateDashboard dashboard = serve ? SimulateDashboard.attach(simulation) : null;
        try (DashboardServer server = serve ? startDashboard(dashboard, stderr) : null) {
            int code = run(simulation, configuration, registry, description, interval, stdout, stderr);
            if (dashboard != null) {
                dashboard.finished();
                linger(server, stderr);
            }
            return code;
        }
    }

    private DashboardServer startDashboard(SimulateDashboard dashboard, PrintWriter stderr) {
        String bind = host == null ? "127.0.0.1" : host;
        int wanted = port == null ? 8000 : port;
        DashboardServer server;
        try {
            server = DashboardServer.start(dashboard.feed(), Optional.of(out), bind, wanted);
        } catch (RuntimeException e) {
            throw new CommandFailedException("cannot serve the dashboard on %s:%d: %s", bind, wanted,
                    e.getMessage());
        }
        stderr.printf(Locale.ROOT, "dashboard on http://%s:%d/%n", bind, server.port());
        stderr.flush();
        return server;
    }

    /** After the run: serves on for --linger, or until SIGINT/SIGTERM. */
    private void linger(DashboardServer server, PrintWriter stderr) {
        CountDownLatch stop = new CountDownLatch(1);
        stderr.printf(Locale.ROOT, "dashboard: the run is over, its report is on http://%s:%d/report; serving %s%n",
                host == null ? "127.0.0.1" : host, server.port(), linger == null ? "until SIGINT/SIGTERM"
                        : "for " + clock(linger));
        stderr.flush();
        try (Termination signals = Termination.onSignal(stop::countDown)) {
            if (linger == null) {
                stop.await();
            } else {
                stop.await(linger, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int run(Simulation simulation, SimulationConfig configuration, PluginRegistry registry,
                    RunDescription description, int interval, PrintWriter stdout, PrintWriter stderr) {
        ProgressLine line = new ProgressLine(stderr);
        try (Checkpointer checkpointer = SimulateCheckpoints.start(simulation, description, out, interval,
                configuration.checkpoint().keepLast(), stderr)) {
            simulation.run(progress -> {
                line.update(progress);
                checkpointer.onStep(progress);
            });
            line.finish(simulation.progress());
            SimulateCheckpoints.summary(checkpointer, stderr);
            simulation.close();
        } catch (UncheckedIOException e) {
            // a log could not be written (disk full, a file where a folder should be)
            stderr.println();
            throw new CommandFailedException("%s", e.getMessage());
        }
        simulation.parquetLogs().ifPresent(logs -> stderr.printf(Locale.ROOT, "parquet logs: %d files, "
                        + "%d rows, %.1f MB in %s; step loop %.2f s copying, %.2f s waiting; writer thread "
                        + "%.2f s%n", logs.files(), logs.rows(), logs.bytes() / 1e6, out.resolve("logs"),
                logs.appendNanos() / 1e9, logs.waitNanos() / 1e9, logs.writeNanos() / 1e9));
        writeReport(simulation, facts(stderr, ProcessPaths.reference(configuration, registry, "fundamental",
                simulation.seed(), simulation.info().duration())));
        Progress p = simulation.progress();
        stdout.printf(Locale.ROOT, "simulated %s in %.1f s: %.1fx real time, %d events (%.0f/s), %d L3 "
                        + "events, event-log hash %s, out %s%n",
                clock(p.elapsed()), p.wallNanos() / 1e9, p.speed(), p.messages(), p.messagesPerSecond(),
                p.l3Events(), EventLogHash.hex(simulation.eventLogHash()), out);
        stdout.flush();
        return ExitCodes.OK;
    }

    private static SimulationOptions withCount(SimulationOptions options, String name, Integer value,
                                               BiFunction<SimulationOptions, Integer, SimulationOptions> with) {
        if (value == null) {
            return options;
        }
        if (value < 1) {
            throw new CommandFailedException("%s must be >= 1, got %d", name, value);
        }
        return with.apply(options, value);
    }

    private SimulationConfig load(PluginRegistry registry, PrintWriter stderr) {
        try {
            if (config == null) {
                try (InputStream embedded = SimulationConfigs.embeddedDefault()) {
                    return SimulationConfigs.load(SimulationConfigs.EMBEDDED_DEFAULT_NAME, embedded, registry);
                }
            }
            return SimulationConfigs.load(config, registry);
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                stderr.println((config == null ? SimulationConfigs.EMBEDDED_DEFAULT_NAME : config) + ": "
                        + problem.format());
            }
            stderr.flush();
            throw new CommandFailedException("%s", e.getMessage().lines().findFirst().orElse("invalid configuration"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Simulation create(SimulationConfig configuration, PluginRegistry registry,
                                     SimulationOptions options) {
        try {
            return Simulation.create(configuration, registry, options);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("%s", e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CommandFailedException("%s", e.getMessage());
        }
    }

    /**
     * The market's stylized facts from the event log just written (with each book's fundamental price rebuilt from
     * the configuration), and its plots; none without an event log. One line per target goes to stderr. A failure
     * here (an unreadable log, a JDK without fonts) is one line on stderr: the run itself succeeded.
     */
    private Optional<MarketFacts> facts(PrintWriter stderr, Optional<MarketFacts.Reference> fundamental) {
        if (noEventLog) {
            return Optional.empty();
        }
        try {
            MarketFacts facts = MarketFacts.fromLog(out.resolve("events.l3"), MarketFacts.MINUTE, fundamental);
            Plots.write(facts, out);
            for (MarketFacts.Target target : facts.targets()) {
                stderr.printf(Locale.ROOT, "target %-12s %-7s %s (%s)%n", target.name(),
                        target.met() ? "met" : "NOT met", target.measured(), target.requirement());
            }
            stderr.flush();
            return Optional.of(facts);
        } catch (IOException | RuntimeException e) {
            stderr.println("mvtrx: no market facts or plots: " + e);
            stderr.flush();
            return Optional.empty();
        }
    }

    private void writeReport(Simulation simulation, Optional<MarketFacts> facts) {
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("report.json"), SimulationReport.json(simulation, facts),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write %s: %s", out.resolve("report.json"), e.getMessage());
        }
    }

    /** {@code hh:mm:ss} of a span of ns (hours may exceed 24). */
    static String clock(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** The progress line on stderr, rewritten in place with a carriage return at most every half second. */
    private static final class ProgressLine {
        private final PrintWriter err;
        private long lastPrinted = System.nanoTime();
        private int width;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        void update(Progress p) {
            long now = System.nanoTime();
            if (now - lastPrinted >= PROGRESS_INTERVAL_NANOS) {
                lastPrinted = now;
                print(p);
            }
        }

        void finish(Progress p) {
            print(p);
            err.println();
            err.flush();
        }

        private void print(Progress p) {
            String text = String.format(Locale.ROOT, "sim %s  %5.1f %%  %.1fx  %.0f events/s  ETA %s",
                    clock(p.elapsed()), 100 * p.fraction(), p.speed(), p.messagesPerSecond(), clock(p.etaNanos()));
            int pad = Math.max(0, width - text.length());
            width = text.length();
            err.print("\r" + text + " ".repeat(pad));
            err.flush();
        }
    }

    /** Parses {@code 6h}, {@code 90m}, {@code 3600s}, {@code 500ms}, {@code 20us}, {@code 7ns}, {@code 1d}; bare = s. */
    static final class DurationConverter implements ITypeConverter<Long> {

        private static final Pattern FORMAT = Pattern.compile("(\\d+)(ns|us|ms|s|m|h|d)?");

        @Override
        public Long convert(String value) {
            Matcher m = FORMAT.matcher(value.trim());
            if (!m.matches()) {
                throw new TypeConversionException(String.format(
                        "'%s' is not a duration: use a whole number with ns, us, ms, s, m, h or d (e.g. 6h, 90m)",
                        value));
            }
            long amount = Long.parseLong(m.group(1));
            long unit = switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ns" -> 1L;
                case "us" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> 86_400_000_000_000L;
            };
            try {
                long nanos = Math.multiplyExact(amount, unit);
                if (nanos <= 0) {
                    throw new TypeConversionException(String.format("duration '%s' must be > 0", value));
                }
                return nanos;
            } catch (ArithmeticException e) {
                throw new TypeConversionException(String.format("duration '%s' is too long", value));
            }
        }
    }
}
