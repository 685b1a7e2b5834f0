package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainBackendProvider;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.plugins.PluginRegistry;
import io.mvtrx.runtime.simulator.Progress;
import io.mvtrx.runtime.simulator.Simulation;
import io.mvtrx.runtime.simulator.SimulationOptions;
import io.mvtrx.runtime.validator.node.ChainLink;
import io.mvtrx.runtime.validator.node.GrpcTransport;
import io.mvtrx.runtime.validator.node.LoopStats;
import io.mvtrx.runtime.validator.node.MinerReport;
import io.mvtrx.runtime.validator.node.ScoringSettings;
import io.mvtrx.runtime.validator.node.SimulationShapes;
import io.mvtrx.runtime.validator.node.ValidatorLoop;
import io.mvtrx.runtime.validator.node.ValidatorNode;
import io.mvtrx.runtime.validator.node.ValidatorServer;
import io.mvtrx.runtime.validator.node.ValidatorSettings;
import io.mvtrx.runtime.validator.scoring.LatencyDelay;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.miner.MinerConfig;
import io.mvtrx.runtime.wire.miner.MinerServer;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mvtrx localnet}: a whole subnet in one JVM — a local chain, a validator running the live configuration
 * scaled to this machine (one block, a few books, one remote account per miner), and N miners serving trading agents
 * on loopback gRPC, registered on the chain like real ones. A live line shows the run; at the end a leaderboard goes
 * to stdout, the weights are on the chain, and {@code summary.json} in the output folder has every miner's Kappa per
 * book, scores and weight.
 */
@Command(name = "localnet",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a local subnet in one process: local chain, validator, N miners on loopback gRPC. Live line on",
            "stderr; leaderboard on stdout; summary.json, the chain and the validator state in --out.",
        },
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
final class LocalnetCommand implements Callable<Integer> {

    /** The example agents (agents/ of the distribution). */
    static final String DEFAULT_AGENTS =
            "RandomMakerAgent,RandomTakerAgent,SimpleRegressorAgent,InventoryMakerAgent";
    private static final int NETUID = 79;
    private static final long SECOND = 1_000_000_000L;
    private static final long BLOCK_MILLIS = 1_000;
    private static final long WEIGHTS_RATE_LIMIT = 5;
    /** The grace period is at most this fraction of --duration. */
    private static final long GRACE_FRACTION = 5;
    /** Scored time below which a run is refused. */
    private static final long MIN_SCORED = 60 * SECOND;

    @ParentCommand
    MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Option(names = "--miners", defaultValue = "8", paramLabel = "N", description = "Miners. Default: 8.")
    private int miners;

    @Option(names = "--duration", paramLabel = "TIME", converter = SimulateCommand.DurationConverter.class,
            defaultValue = "30m", description = "Simulated time. Default: ${DEFAULT-VALUE}.")
    private long duration;

    @Option(names = "--agents", paramLabel = "A,B,...", split = ",", defaultValue = DEFAULT_AGENTS,
            description = "Trading agents, given to the miners in turn. Default: ${DEFAULT-VALUE}.")
    private List<String> agents;

    @Option(names = "--agent-params", paramLabel = "KEY=VALUE", arity = "1..*",
            description = "Parameters given to every agent (each reads the ones it declares).")
    private List<String> agentParams = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Simulation XML. Default: the embedded live configuration.")
    private Path config;

    @Option(names = "--books", defaultValue = "4", paramLabel = "N",
            description = "Books, in one block. Default: ${DEFAULT-VALUE}.")
    private int books;

    @Option(names = "--seed", paramLabel = "N", description = "Root seed. Default: the configuration's.")
    private Long seed;

    @Option(names = "--timeout", paramLabel = "TIME", converter = SimulateCommand.DurationConverter.class,
            defaultValue = "3s", description = "Per-miner query deadline. Default: ${DEFAULT-VALUE}.")
    private long timeout;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "localnet-out",
            description = "Output folder: summary.json, chain/, wallets/, validator-state.bin. Default: "
                    + "${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Interface for the validator's dashboard, health and metrics. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--port", defaultValue = "0", paramLabel = "PORT",
            description = "Port for the validator's dashboard (/), health (/observe/health) and metrics (/metrics); "
                    + "0 picks a free one (printed). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--linger", paramLabel = "TIME", converter = SimulateCommand.DurationConverter.class,
            description = "Keep the dashboard up this long (wall time) after the run, or until SIGINT/SIGTERM. "
                    + "Default: exit when the run ends.")
    private Long linger;

    @Mixin
    private LocalnetGentrx gentrx;

    private record Miner(int uid, String agent, String hotkey, MinerServer server) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (miners < 1 || books < 1) {
            throw new CommandFailedException("--miners and --books must be >= 1, got %d and %d", miners, books);
        }
        List<String> names = agents.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new CommandFailedException("--agents names no agent");
        }
        gentrx.check(miners);
        clean(out.resolve("chain"), "chain-state.txt");
        clean(out.resolve("wallets"), "localnet");
        LocalnetGentrx.clean(out);
        try (PluginRegistry registry = mvtrx.loadPlugins()) {
            mvtrx.printProblems(registry);
            ValidatorNode.ConfigSource source = NodeParts.source(config, registry);
            SimulationConfig configuration = NodeParts.first(source, config, stderr);
            long configured = configuration.exchange().gracePeriod();
            // scaled to fit: at most a fifth of the run is warm-up, so a short run is mostly scored
            long grace = Math.min(configured, duration / GRACE_FRACTION);
            if (duration - grace < MIN_SCORED) {
                throw new CommandFailedException("--duration %s leaves %s after the grace period of %s: at least %s "
                        + "must be scored", NodeParts.clock(duration), NodeParts.clock(duration - grace),
                        NodeParts.clock(grace), NodeParts.clock(MIN_SCORED));
            }
            if (grace < configured) {
                configuration = SimulationShapes.withGracePeriod(configuration, grace);
                stderr.printf("localnet: grace period %s (the configuration's %s scaled to a fifth of --duration)%n",
                        NodeParts.clock(grace), NodeParts.clock(configured));
            }
            List<TradingAgent> created = new ArrayList<>();
            for (int i = 0; i < miners; i++) {
                created.add(NodeParts.agent(registry, names.get(i % names.size()), agentParams, false));
            }
            ChainBackend chain = registry.require(ChainBackendProvider.class, "local").create(
                    Settings.builder("chain").attribute("dir", out.resolve("chain").toString())
                            .attribute("blockTimeMillis", Long.toString(BLOCK_MILLIS))
                            .attribute("weightsRateLimit", Long.toString(WEIGHTS_RATE_LIMIT))
                            .attribute("maxUids", Integer.toString(Math.max(256, miners + 1))).build());
            List<Miner> started = new ArrayList<>();
            LocalnetGentrx.Run training = null;
            try (chain) {
                WalletStore wallets = new WalletStore(out.resolve("wallets"));
                wallets.createColdkey("localnet");
                Keypair validator = wallets.createHotkey("localnet", "validator");
                int validatorUid = chain.register(NETUID, validator.address(), "localnet").uid();
                chain.addStake(NETUID, validator.address(), 1_000_000);
                if (gentrx.enabled) {
                    training = gentrx.start(registry, out, seed == null ? 0 : seed, validatorUid);
                    stderr.printf("localnet: GenTRX gradient server on %s, tiny model seeded in %s, %d of %d "
                                    + "miners training, rounds every %d blocks%n", training.server().api(),
                            out.resolve(LocalnetGentrx.FOLDER).resolve(LocalnetGentrx.SEED_FILE), gentrx.trainers,
                            miners, gentrx.blocksPerRound);
                }
                for (int i = 0; i < miners; i++) {
                    Keypair key = wallets.createHotkey("localnet", "miner-" + (i + 1));
                    int uid = chain.register(NETUID, key.address(), "localnet").uid();
                    TradingAgent agent = training == null ? created.get(i)
                            : training.agent(registry, i, uid, created.get(i));
                    MinerServer server = MinerServer.start(MinerConfig.defaults(key.address(), NETUID)
                            .withAddress("127.0.0.1", 0).withAgentTimeout(Duration.ofNanos(timeout)),
                            agent, chain, InstantSource.system());
                    started.add(new Miner(uid, names.get(i % names.size()), key.address(), server));
                    chain.serveAxon(NETUID, key.address(), "127.0.0.1", server.port());
                }
                run(stdout, stderr, registry, chain, validator, validatorUid, configuration, started,
                        Optional.ofNullable(training));
            } finally {
                for (Miner miner : started) {
                    miner.server().close();
                }
                if (training != null) {
                    try {
                        training.close();
                    } catch (Exception e) {
                        stderr.printf("localnet: closing GenTRX: %s%n", e.getMessage());
                    }
                }
            }
        }
        return ExitCodes.OK;
    }

    private void run(PrintWriter stdout, PrintWriter stderr, PluginRegistry registry, ChainBackend chain,
                     Keypair validator, int validatorUid, SimulationConfig configuration, List<Miner> started,
                     Optional<LocalnetGentrx.Run> training) throws IOException, InterruptedException {
        long grace = configuration.exchange().gracePeriod();
        ScoringSettings scoring = ScoringSettings.REFERENCE;
        if (duration - grace < scoring.kappaLookback()) {
            scoring = scoring.withWindow(duration - grace);
        }
        ValidatorSettings settings = ValidatorSettings.REFERENCE.withScoring(scoring)
                .withLatency(ProxyCommand.withTimeout(LatencyDelay.REFERENCE, timeout))
                .withChainCadence(5 * SECOND, WEIGHTS_RATE_LIMIT)
                .withCheckpointEvery(12);
        ChainLink link = new ChainLink(chain, NETUID, validator.address());
        // the miners answer in this JVM, on the validator's cores: every request signed before the first call starts
        Fanout fanout = new Fanout(validator, FanoutConfig.DEFAULTS.withTimeouts(Duration.ofNanos(timeout),
                Duration.ofNanos(timeout + SECOND)).withSendWhenSigned(false), InstantSource.system());
        SimulationOptions options = SimulationOptions.defaults().withDuration(duration).withBlockCount(1)
                .withBooksPerBlock(books);
        if (seed != null) {
            options = options.withSeed(seed);
        }
        Map<Integer, String> agentOf = new LinkedHashMap<>();
        started.forEach(m -> agentOf.put(m.uid(), m.agent()));
        GrpcTransport transport = new GrpcTransport(fanout);
        try (ValidatorLoop loop = new ValidatorLoop(settings, transport, link, Optional.of(link),
                Optional.of(out.resolve("validator-state.bin")), ProxyCommand.metric(registry, scoring))) {
            training.ifPresent(t -> t.attach(loop, transport));
            int remote = started.stream().mapToInt(Miner::uid).max().orElse(0) + 1;
            ValidatorNode node = new ValidatorNode(loop, registry, () -> configuration,
                    new ValidatorNode.Plan(options, Math.max(remote, validatorUid + 1), 1), line -> { });
            stderr.printf("localnet: chain %s, validator uid %d, %d miners (%s), %d books, %s simulated%n",
                    out.resolve("chain"), validatorUid, started.size(), String.join(", ", agentOf.values()), books,
                    NodeParts.clock(duration));
            stderr.flush();
            ValidatorServer server;
            try {
                server = ValidatorServer.start(loop, host, port, Duration.ofMinutes(5),
                        training.flatMap(LocalnetGentrx.Run::service));
            } catch (RuntimeException e) {
                throw new CommandFailedException("cannot serve the dashboard on %s:%d: %s", host, port,
                        e.getMessage());
            }
            try (server) {
                stderr.printf("localnet: dashboard on http://%s:%d/ (health /observe/health, metrics /metrics)%n",
                        host, server.port());
                stderr.flush();
                serve(stdout, stderr, loop, link, node, started, training);
                if (linger != null) {
                    linger(stderr, server.port());
                }
            }
        }
    }

    /** After the run: the dashboard stays up for --linger, or until SIGINT/SIGTERM. */
    private void linger(PrintWriter stderr, int boundPort) throws InterruptedException {
        stderr.printf("localnet: the run is over; the dashboard stays on http://%s:%d/ for %s (SIGINT/SIGTERM "
                + "stops it)%n", host, boundPort, NodeParts.clock(linger));
        stderr.flush();
        CountDownLatch stop = new CountDownLatch(1);
        try (Termination signals = Termination.onSignal(stop::countDown)) {
            stop.await(linger, TimeUnit.NANOSECONDS);
        }
    }

    /** Runs the node under the live line, then sets the final weights and writes the leaderboard and summary. */
    private void serve(PrintWriter stdout, PrintWriter stderr, ValidatorLoop loop, ChainLink link,
                       ValidatorNode node, List<Miner> started, Optional<LocalnetGentrx.Run> training)
            throws IOException, InterruptedException {
        NodeParts.StatusLine status = new NodeParts.StatusLine(stderr);
        long[] mark = {System.nanoTime(), 0};
        loop.addListener(stats -> {
            if (status.due()) {
                status.print(line(node.simulation(), loop, stats, mark)
                        + training.map(LocalnetGentrx.Run::status).orElse(""));
            }
        });
        long start = System.nanoTime();
        ProxyCommand.runNode(node);
        double wall = (System.nanoTime() - start) / 1e9;
        status.finish(String.format(Locale.ROOT, "sim %s  100.0 %%  %.1f s wall", NodeParts.clock(duration),
                wall));
        // the last GenTRX round is closed and its scores read before the final weights, so they count
        Optional<LocalnetGentrx.Report> gentrxReport = Optional.empty();
        if (training.isPresent()) {
            gentrxReport = Optional.of(training.get().finish(stderr));
        }
        Map<Integer, Double> weights = finalWeights(loop, link);
        leaderboard(stdout, loop, started, weights, wall);
        gentrxReport.ifPresent(r -> r.print(stdout));
        NodeParts.write(out.resolve("summary.json"), summary(loop, started, weights, wall,
                gentrxReport.map(LocalnetGentrx.Report::json)));
        stdout.printf("summary: %s%n", out.resolve("summary.json"));
        stdout.flush();
    }

    /** Sets the final scores as weights, waiting out the chain's rate limit if the loop set some just before. */
    private static Map<Integer, Double> finalWeights(ValidatorLoop loop, ChainLink link)
            throws IOException, InterruptedException {
        long wait = loop.blocksUntilWeights();
        if (wait > 0) {
            Thread.sleep(wait * BLOCK_MILLIS + BLOCK_MILLIS / 2);
        }
        loop.setWeightsNow();
        return link.weights();
    }

    private static String line(Simulation simulation, ValidatorLoop loop, LoopStats stats, long[] mark) {
        if (simulation == null) {
            return "starting";
        }
        Progress p = simulation.progress();
        long now = System.nanoTime();
        double rate = (stats.publishes() - mark[1]) / Math.max((now - mark[0]) / 1e9, 1e-9);
        mark[0] = now;
        mark[1] = stats.publishes();
        double[] scores = loop.publishedScores();
        List<Integer> uids = new ArrayList<>();
        for (int uid = 0; uid < scores.length; uid++) {
            uids.add(uid);
        }
        uids.sort(Comparator.comparingDouble((Integer u) -> -scores[u]).thenComparing(u -> u));
        StringBuilder top = new StringBuilder();
        for (int i = 0; i < Math.min(3, uids.size()); i++) {
            if (scores[uids.get(i)] > 0) {
                top.append(String.format(Locale.ROOT, " uid%d %.4f", uids.get(i), scores[uids.get(i)]));
            }
        }
        return String.format(Locale.ROOT, "sim %s  %5.1f %%  %.1f steps/s  miners %d/%d  accepted %d  refused %d"
                        + "  top%s", NodeParts.clock(p.elapsed()), 100 * p.fraction(), rate, stats.lastAnswered(),
                stats.lastServing(), stats.accepted(), stats.refusedTotal(), top.length() == 0 ? " -" : top);
    }

    private static void leaderboard(PrintWriter stdout, ValidatorLoop loop, List<Miner> started,
                                     Map<Integer, Double> weights, double wall) {
        List<Miner> ranked = new ArrayList<>(started);
        ranked.sort(Comparator.comparingDouble((Miner m) -> -score(loop, m.uid())).thenComparingInt(Miner::uid));
        stdout.println("rank  uid  agent                      score       trading     kappa       pnl         weight");
        int rank = 1;
        for (Miner m : ranked) {
            MinerReport r = loop.scoring().report(m.uid());
            stdout.printf(Locale.ROOT, "%4d  %3d  %-25s  %-10.6f  %-10.6f  %-10.6f  %-10.6f  %.6f%n", rank++,
                    m.uid(), m.agent(), score(loop, m.uid()), r == null ? 0 : r.tradingScore(),
                    r == null ? 0 : r.kappaScore(), r == null ? 0 : r.pnlScore(), weights.getOrDefault(m.uid(), 0.0));
        }
        LoopStats s = loop.stats();
        stdout.printf(Locale.ROOT, "%d publishes in %.1f s; answers %d/%d (timeouts %d, failed %d); instructions "
                        + "accepted %d, refused %s; weights set %d times%n", s.publishes(), wall, s.answered(),
                s.queried(), s.timeouts(), s.failedQueries(), s.accepted(), NodeParts.refusals(s), s.weightsSet());
    }

    private static double score(ValidatorLoop loop, int uid) {
        double[] scores = loop.scoring().scores();
        return uid < scores.length ? scores[uid] : 0;
    }

    private String summary(ValidatorLoop loop, List<Miner> started, Map<Integer, Double> weights, double wall,
                           Optional<String> gentrxJson) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"simulatedNs\": ").append(duration).append(",\n");
        json.append("  \"wallSeconds\": ").append(NodeParts.number(wall)).append(",\n");
        json.append("  \"books\": ").append(books).append(",\n");
        json.append("  \"seed\": ").append(seed == null ? "null" : seed.toString()).append(",\n");
        json.append("  \"stats\": ").append(NodeParts.statsJson(loop.stats())).append(",\n");
        json.append("  \"miners\": [\n");
        for (int i = 0; i < started.size(); i++) {
            Miner m = started.get(i);
            Map<String, String> head = new LinkedHashMap<>();
            head.put("agent", NodeParts.quoted(m.agent()));
            head.put("hotkey", NodeParts.quoted(m.hotkey()));
            head.put("weight", NodeParts.number(weights.getOrDefault(m.uid(), 0.0)));
            MinerReport report = loop.scoring().report(m.uid());
            json.append("    ").append(report == null
                    ? "{\"agent\": " + head.get("agent") + ", \"uid\": " + m.uid() + ", \"books\": null}"
                    : NodeParts.reportJson(report, head));
            json.append(i + 1 < started.size() ? ",\n" : "\n");
        }
        json.append("  ],\n  \"weights\": {");
        int i = 0;
        for (Map.Entry<Integer, Double> e : new java.util.TreeMap<>(weights).entrySet()) {
            json.append(i++ == 0 ? "" : ", ").append('"').append(e.getKey()).append("\": ")
                    .append(NodeParts.number(e.getValue()));
        }
        json.append("}");
        gentrxJson.ifPresent(g -> json.append(",\n  \"gentrx\": ").append(g));
        json.append("\n}\n");
        return json.toString();
    }

    /** Removes a folder a previous localnet left, only if it holds {@code marker} (so nothing else is deleted). */
    static void clean(Path folder, String marker) {
        if (!Files.exists(folder)) {
            return;
        }
        if (!Files.exists(folder.resolve(marker))) {
            throw new CommandFailedException("%s exists and is not a localnet folder (no %s): choose another --out",
                    folder, marker);
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CommandFailedException("cannot clear %s: %s", folder, e.getMessage());
        }
    }
}
