package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainBackendProvider;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.plugins.PluginRegistry;
import io.mvtrx.runtime.simulator.Publication;
import io.mvtrx.runtime.simulator.SimulationOptions;
import io.mvtrx.runtime.validator.node.ChainLink;
import io.mvtrx.runtime.validator.node.GrpcTransport;
import io.mvtrx.runtime.validator.node.MinerReply;
import io.mvtrx.runtime.validator.node.MinerTransport;
import io.mvtrx.runtime.validator.node.SimulationShapes;
import io.mvtrx.runtime.validator.node.ValidatorLoop;
import io.mvtrx.runtime.validator.node.ValidatorNode;
import io.mvtrx.runtime.validator.node.ValidatorSettings;
import io.mvtrx.runtime.validator.scoring.LatencyDelay;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.miner.MinerConfig;
import io.mvtrx.runtime.wire.miner.MinerServer;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;
import io.mvtrx.runtime.wire.validator.MinerTarget;
import io.mvtrx.runtime.wire.validator.PreparedStep;
import io.mvtrx.runtime.wire.validator.Step;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mvtrx bench}: measurements behind the figures in doc/benchmarks.md, as commands anyone can rerun.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks behind doc/benchmarks.md.",
        subcommands = {BenchCommand.Fanout.class, BenchMiners.class})
final class BenchCommand implements Callable<Integer> {

    /** The coldkey of the bench's wallets; miner {@code i}'s hotkey is {@code miner-i}. */
    static final String COLDKEY = "bench";

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
     * {@code mvtrx bench fanout}: a validator (the real {@link ValidatorLoop} over signed gRPC) and N miners on
     * loopback, each serving a trading agent, on the live configuration's books. Per publish it takes the slowest
     * answer's time and the loop's whole time for the publish (query, screening, injection, scoring), and reports the
     * overhead beyond the slowest answer as percentiles, with the bytes each miner receives.
     */
    @Command(name = "fanout",
            mixinStandardHelpOptions = true,
            description = {
                "A validator and N miners on loopback gRPC over the live configuration's books: per publish, the "
                        + "validator's time beyond the slowest answer (p50, p99, max) and the bytes sent per miner.",
            },
            exitCodeListHeading = ExitCodes.HELP_HEADING,
            exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
    static final class Fanout implements Callable<Integer> {

        private static final int NETUID = 79;
        private static final long SECOND = 1_000_000_000L;

        @ParentCommand
        private BenchCommand bench;

        @Spec
        private CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE",
                description = "Simulation XML. Default: the embedded live configuration.")
        private Path config;

        @Option(names = "--miners", defaultValue = "256", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
        private int miners;

        @Option(names = "--blocks", defaultValue = "8", paramLabel = "N",
                description = "Blocks of 16 books (the live configuration's shape). Default: ${DEFAULT-VALUE}.")
        private int blocks;

        @Option(names = "--publishes", defaultValue = "60", paramLabel = "N",
                description = "Publishes measured, after --warmup. Default: ${DEFAULT-VALUE}.")
        private int publishes;

        @Option(names = "--warmup", defaultValue = "10", paramLabel = "N",
                description = "Publishes run first and not measured (JIT, connections). Default: ${DEFAULT-VALUE}.")
        private int warmup;

        @Option(names = "--agent", defaultValue = "RandomMakerAgent", paramLabel = "NAME",
                description = "Trading agent every miner serves. Default: ${DEFAULT-VALUE}.")
        private String agent;

        @Option(names = "--timeout", defaultValue = "3s", paramLabel = "TIME",
                converter = SimulateCommand.DurationConverter.class,
                description = "Per-miner deadline, as a validator's. Default: ${DEFAULT-VALUE}.")
        private long timeout;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-fanout",
                description = "Working folder: each run works in a fresh run-* folder inside it (chain, wallets, "
                        + "the miners' log). Default: ${DEFAULT-VALUE}.")
        private Path out;

        @Option(names = "--miners-process",
                description = "Run the miners in a child JVM, so that their CPU is not the validator's JVM's. "
                        + "Default: the miners run in this JVM.")
        private boolean minersProcess;

        @Option(names = "--miner-cpus", paramLabel = "LIST",
                description = "With --miners-process: pin the miners' JVM to these CPUs (taskset -c LIST, e.g. 1 or "
                        + "1-3). Default: not pinned.")
        private String minerCpus;

        @Option(names = "--miner-nice", paramLabel = "N",
                description = "With --miners-process: start the miners' JVM at this niceness (nice -n N, 1-19), so "
                        + "that the validator gets the CPU whenever it has work and the miners the rest. "
                        + "Default: 0, the validator's priority.")
        private int minerNice;

        @Option(names = "--miners-jvm-options", paramLabel = "OPTIONS",
                description = "With --miners-process: JVM options for the miners' JVM, given after those it inherits "
                        + "from this one (MVTRX_JAVA_OPTS included), so that these win, e.g. \"-Xms1g -Xmx4g "
                        + "-XX:-AlwaysPreTouch\". Default: none, the inherited ones only.")
        private String minersJvmOptions;

        @Option(names = "--plain-books",
                description = "Send the books as they are (StateRequest.books) instead of as one zstd frame "
                        + "(books_zstd, the default), to compare the two.")
        private boolean plainBooks;

        @Option(names = "--inline-books",
                description = "Send the books in every miner's request, as to miners each in a process of its own, "
                        + "instead of once per miner process and host (the others named by books_sha256, the "
                        + "default).")
        private boolean inlineBooks;

        @Option(names = "--whole-accounts",
                description = "Send every miner's accounts whole in every request instead of their open orders as "
                        + "changes to the accounts the miner kept from its last answered request (the default).")
        private boolean wholeAccounts;

        @Option(names = "--validator-cpus", paramLabel = "LIST",
                description = "Pin this JVM, the validator, to these CPUs (taskset, e.g. 0). Default: not pinned.")
        private String validatorCpus;

        @Override
        public Integer call() throws IOException {
            if (miners < 1 || blocks < 1 || publishes < 1 || warmup < 0) {
                throw new CommandFailedException("--miners, --blocks and --publishes must be >= 1 and --warmup >= 0");
            }
            Placement placement = placement();
            minersJvmOptions(); // refused before anything starts
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter stderr = spec.commandLine().getErr();
            if (placement.pinned() && !CpuList.tasksetAvailable()) {
                stderr.println("mvtrx: WARNING: taskset not found: --miner-cpus and --validator-cpus are ignored, "
                        + "nothing is pinned");
                placement = placement.unpinned();
            }
            if (placement.validatorCpus() != null) {
                placement.validatorCpus().pinThisProcess();
            }
            MvtrxCommand mvtrx = bench.mvtrx;
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new CommandFailedException("--out %s: exists and is not a folder", out);
            }
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new CommandFailedException("--out %s: cannot create the folder (%s)", out, e);
            }
            // a fresh chain and wallets per run: a chain left by an earlier run is full and would refuse the miners
            Path run = Files.createTempDirectory(out, "run-");
            try (PluginRegistry registry = mvtrx.loadPlugins()) {
                mvtrx.printProblems(registry);
                SimulationConfig configuration = NodeParts.first(NodeParts.source(config, registry), config, stderr);
                // publishes from the first step: the measured ones need no ten minutes of warm-up first
                configuration = SimulationShapes.withGracePeriod(configuration, configuration.step());
                // one publish more than measured: the prepare sample is taken there, where it disturbs no measured one
                long duration = (warmup + publishes + 2L) * configuration.step();
                ChainBackend chain = registry.require(ChainBackendProvider.class, "local").create(
                        Settings.builder("chain").attribute("dir", run.resolve("chain").toString())
                                .attribute("maxUids", Integer.toString(miners + 1)).build());
                List<AutoCloseable> minersOpen = new ArrayList<>();
                try (chain) {
                    WalletStore wallets = new WalletStore(run.resolve("wallets"));
                    wallets.createColdkey(COLDKEY);
                    Keypair validator = wallets.createHotkey(COLDKEY, "validator");
                    chain.register(NETUID, validator.address(), COLDKEY);
                    chain.addStake(NETUID, validator.address(), 1_000_000);
                    List<String> hotkeys = new ArrayList<>();
                    for (int i = 0; i < miners; i++) {
                        Keypair key = wallets.createHotkey(COLDKEY, "miner-" + i);
                        chain.register(NETUID, key.address(), COLDKEY);
                        hotkeys.add(key.address());
                    }
                    if (placement.minersProcess()) {
                        MinersProcess child = MinersProcess.start(
                                childCommand(placement, wallets.root(), run.resolve("chain")),
                                childEnvironment(mvtrx), run.resolve("miners.log"), miners);
                        minersOpen.add(child);
                        for (int i = 0; i < miners; i++) {
                            chain.serveAxon(NETUID, hotkeys.get(i), "127.0.0.1", child.port(i));
                        }
                    } else {
                        for (int i = 0; i < miners; i++) {
                            MinerServer server = MinerServer.start(MinerConfig.defaults(hotkeys.get(i), NETUID)
                                            .withAddress("127.0.0.1", 0).withAgentTimeout(Duration.ofNanos(timeout)),
                                    NodeParts.agent(registry, agent, List.of(), false), chain,
                                    InstantSource.system());
                            minersOpen.add(server);
                            chain.serveAxon(NETUID, hotkeys.get(i), "127.0.0.1", server.port());
                        }
                    }
                    stderr.printf(Locale.ROOT, "bench fanout: %d miners serving %s (%s), %d block(s) x 16 books, "
                            + "%d + %d publishes, working in %s%n", miners, agent, placement.describe(), blocks, warmup,
                            publishes, run);
                    stderr.flush();
                    Measured measured = run(registry, chain, validator, configuration, duration);
                    report(stdout, measured);
                    Path table = measured.writeCsv(run.resolve("publishes.csv"));
                    stdout.printf(Locale.ROOT, "every measured publish: %s%n", table);
                } finally {
                    closeAll(minersOpen, stderr);
                }
            }
            return ExitCodes.OK;
        }

        /**
         * Stops the miners all at once: each Helidon server waits up to its shutdown grace period for its
         * connections, which one after another made a 256-miner run take two more minutes to exit.
         */
        static void closeAll(List<? extends AutoCloseable> open, PrintWriter stderr) {
            try (ExecutorService closing = Executors.newVirtualThreadPerTaskExecutor()) {
                for (AutoCloseable closeable : open) {
                    closing.submit(() -> {
                        try {
                            closeable.close();
                        } catch (Exception e) {
                            stderr.println("mvtrx: WARNING: stopping the miners: " + e.getMessage());
                        }
                    });
                }
            }
        }

        /** Where the miners and the validator run, from the options. */
        Placement placement() {
            return placement(CpuList.online(CpuList.ONLINE));
        }

        /** The placement, the CPU lists checked against {@code online} when known. */
        Placement placement(Optional<CpuList> online) {
            if (!minersProcess && minerCpus != null) {
                throw new CommandFailedException("--miner-cpus needs --miners-process: in-process miners share the "
                        + "validator's JVM (use --validator-cpus to pin both)");
            }
            if (minerNice != 0 && !minersProcess) {
                throw new CommandFailedException("--miner-nice needs --miners-process: in-process miners share the "
                        + "validator's threads' priority");
            }
            if (minerNice < 0 || minerNice > 19) {
                throw new CommandFailedException("--miner-nice must be within 1-19 (0 for none), got " + minerNice);
            }
            return new Placement(minersProcess,
                    minerCpus == null ? null : CpuList.parse("--miner-cpus", minerCpus, online),
                    validatorCpus == null ? null : CpuList.parse("--validator-cpus", validatorCpus, online),
                    minerNice);
        }

        /** The options of {@code --miners-jvm-options}, one per word; each must look like a JVM option. */
        List<String> minersJvmOptions() {
            if (minersJvmOptions == null || minersJvmOptions.isBlank()) {
                return List.of();
            }
            if (!minersProcess) {
                throw new CommandFailedException("--miners-jvm-options needs --miners-process: in-process miners "
                        + "share the validator's JVM");
            }
            List<String> options = List.of(minersJvmOptions.trim().split("\\s+"));
            for (String option : options) {
                if (!option.startsWith("-") || option.equals("-m") || option.equals("--module")) {
                    throw new CommandFailedException("--miners-jvm-options: '%s' is not a JVM option (each starts "
                            + "with '-'; the module is this one's)", option);
                }
            }
            return options;
        }

        /** {@code mvtrx bench fanout-miners ...} in a new JVM, pinned when asked. */
        private List<String> childCommand(Placement placement, Path walletsRoot, Path chainDir) {
            List<String> args = new ArrayList<>();
            Path plugins = bench.mvtrx.pluginsDirectory();
            if (Files.isDirectory(plugins)) {
                args.addAll(List.of("--plugins-dir", plugins.toAbsolutePath().toString()));
            }
            args.addAll(List.of("bench", "fanout-miners",
                    "--chain-dir", chainDir.toAbsolutePath().toString(),
                    "--wallets", walletsRoot.toAbsolutePath().toString(),
                    "--miners", Integer.toString(miners),
                    "--netuid", Integer.toString(NETUID),
                    "--agent", agent,
                    "--agent-timeout-ns", Long.toString(timeout)));
            return placement.minersCommand(ChildJvm.command(minersJvmOptions(), args));
        }

        private static Map<String, String> childEnvironment(MvtrxCommand mvtrx) {
            String home = mvtrx.environment().get("MVTRX_HOME");
            return home == null ? Map.of() : Map.of("MVTRX_HOME", home);
        }

        private Measured run(PluginRegistry registry, ChainBackend chain, Keypair validator,
                             SimulationConfig configuration, long duration) throws IOException {
            ValidatorSettings settings = ValidatorSettings.REFERENCE
                    .withLatency(ProxyCommand.withTimeout(LatencyDelay.REFERENCE, timeout))
                    .withChainCadence(3600 * SECOND, 1_000_000);
            ChainLink link = new ChainLink(chain, NETUID, validator.address());
            // miners in this JVM answer on the validator's cores: every request signed before the first call
            FanoutConfig fanoutConfig = FanoutConfig.DEFAULTS.withBooksCompression(!plainBooks)
                    .withBooksByReference(!inlineBooks).withAccountChanges(!wholeAccounts)
                    .withSendWhenSigned(minersProcess);
            io.mvtrx.runtime.wire.validator.Fanout fanout = new io.mvtrx.runtime.wire.validator.Fanout(validator,
                    fanoutConfig.withTimeouts(Duration.ofNanos(timeout), Duration.ofNanos(timeout + SECOND)),
                    InstantSource.system());
            io.mvtrx.runtime.wire.validator.Fanout sizer = new io.mvtrx.runtime.wire.validator.Fanout(validator,
                    fanoutConfig, InstantSource.system());
            io.mvtrx.runtime.wire.validator.Fanout sequential = new io.mvtrx.runtime.wire.validator.Fanout(validator,
                    fanoutConfig.withPrepareThreads(1), InstantSource.system());
            Recording transport = new Recording(new GrpcTransport(fanout), sizer, sequential, warmup + publishes);
            SimulationOptions options = SimulationOptions.defaults().withDuration(duration).withBlockCount(blocks)
                    .withBooksPerBlock(16).withSeed(1);
            Measured measured = new Measured(warmup, publishes);
            try (sizer;
                 sequential;
                 ValidatorLoop loop = new ValidatorLoop(settings, transport, link, Optional.empty(), Optional.empty(),
                         ProxyCommand.metric(registry, settings.scoring()))) {
                loop.addListener(stats -> measured.publish(stats.lastWallNanos(), transport.lastQueryNanos,
                        transport.lastSlowestNanos, stats.lastBuildNanos(), fanout.lastTiming(),
                        stats.lastAnswered(), stats.lastServing(), transport.sinceQuery()));
                ValidatorNode node = new ValidatorNode(loop, registry, () -> configuration,
                        new ValidatorNode.Plan(options, miners + 1, 1), line -> { });
                ProxyCommand.runNode(node);
            }
            measured.requestBytes = transport.requestBytes;
            measured.booksBytes = transport.booksBytes;
            measured.booksSentBytes = transport.booksSentBytes;
            measured.prepareNanos = transport.prepareNanos;
            measured.prepareSequentialNanos = transport.prepareSequentialNanos;
            return measured;
        }

        private void report(PrintWriter stdout, Measured m) {
            int n = m.count;
            if (n == 0) {
                throw new CommandFailedException("no publish was measured");
            }
            long[] beyond = sorted(m.beyondSlowest, n);
            long[] fanoutBeyond = sorted(m.fanoutBeyondSlowest, n);
            long[] slowest = sorted(m.slowest, n);
            long[] books = sorted(m.books, n);
            long[] signed = sorted(m.signed, n);
            long[] lastCall = sorted(m.lastCall, n);
            stdout.printf(Locale.ROOT, "%d publishes measured, %d miners, %d books; answered %d of %d queries%n", n,
                    miners, blocks * 16, m.answered, m.queried);
            stdout.printf(Locale.ROOT, "validator beyond the slowest answer (query + screening + injection + "
                            + "scoring): p50 %.1f ms  p99 %.1f ms  max %.1f ms%n", ms(beyond, 0.50), ms(beyond, 0.99),
                    beyond[n - 1] / 1e6);
            stdout.printf(Locale.ROOT, "fan-out alone beyond the slowest answer (encode, sign, send, receive): "
                    + "p50 %.1f ms  p99 %.1f ms%n", ms(fanoutBeyond, 0.50), ms(fanoutBeyond, 0.99));
            stdout.printf(Locale.ROOT, "slowest answer per publish: p50 %.1f ms  p99 %.1f ms%n", ms(slowest, 0.50),
                    ms(slowest, 0.99));
            long[] built = sorted(m.built, n);
            stdout.printf(Locale.ROOT, "publication built by the simulation before the query (books, every miner's "
                    + "accounts and notices; not in the figures above): p50 %.1f ms  p99 %.1f ms%n", ms(built, 0.50),
                    ms(built, 0.99));
            stdout.printf(Locale.ROOT, "fan-out's own time from the query: books encoded p50 %.1f / p99 %.1f ms, "
                            + "all requests signed p50 %.1f / p99 %.1f ms, last call started p50 %.1f / p99 %.1f ms%n",
                    ms(books, 0.50), ms(books, 0.99), ms(signed, 0.50), ms(signed, 0.99), ms(lastCall, 0.50),
                    ms(lastCall, 0.99));
            reportJvm(stdout, m, beyond);
            long[] bytes = sorted(m.bytesPerMiner, n);
            long[] booksSent = sorted(m.booksSent, n);
            stdout.printf(Locale.ROOT, "bytes per miner per measured publish: p50 %,d  max %,d (the books as sent: "
                    + "p50 %,d  max %,d)%n", percentile(bytes, 0.50), bytes[n - 1], percentile(booksSent, 0.50),
                    booksSent[n - 1]);
            long[] inline = sorted(m.booksInline, n);
            stdout.printf(Locale.ROOT, "requests carrying the books per measured publish: p50 %d  max %d of %d "
                            + "(the others named them by hash); sent again with the books after an unresolved hash: "
                            + "%d%n", percentile(inline, 0.50), inline[n - 1], miners, m.booksResent);
            long[] changes = sorted(m.accountChanges, n);
            stdout.printf(Locale.ROOT, "requests carrying open orders as changes per measured publish: p50 %d  min %d "
                            + "of %d (the others whole); sent whole again after an unknown accounts base: %d%n",
                    percentile(changes, 0.50), changes[0], miners, m.accountsResentWhole);
            stdout.printf(Locale.ROOT, "bytes of a request carrying the books at the publish after the measured ones: "
                            + "%,d "
                            + "(shared books payload %,d, encoded once%s)%n",
                    m.requestBytes, m.booksBytes, m.booksSentBytes == m.booksBytes ? ""
                            : String.format(Locale.ROOT, ", sent as zstd frames of %,d", m.booksSentBytes));
            stdout.printf(Locale.ROOT, "preparing one publish (books encoded once, %d payloads encoded and signed), "
                    + "nothing sent: %.1f ms on the prepare pool (%d thread(s)), %.1f ms on one thread%n", miners,
                    m.prepareNanos / 1e6, FanoutConfig.DEFAULTS.prepareThreads(), m.prepareSequentialNanos / 1e6);
            stdout.flush();
        }

        /**
         * The collector pauses and JIT compilation that fell in the measured publishes, and the figure without the
         * publishes a pause fell in: the tail over a few dozen publishes is often one of them.
         */
        private static void reportJvm(PrintWriter stdout, Measured m, long[] beyond) {
            int n = m.count;
            long[] pauses = sorted(m.pauseMillis, n);
            long[] jit = sorted(m.jitMillis, n);
            long paused = Arrays.stream(pauses).filter(v -> v > 0).count();
            long compiled = Arrays.stream(jit).filter(v -> v > 0).count();
            stdout.printf(Locale.ROOT, "this JVM from each measured query to its scoring: collector pauses in %d of %d "
                            + "publishes (%d collections, longest %d ms, total %d ms); JIT compilation in %d of %d "
                            + "(p50 %d ms, max %d ms, summed over compiler threads)%n", paused, n, m.collections,
                    pauses[n - 1], Arrays.stream(pauses).sum(), compiled, n, percentile(jit, 0.50), jit[n - 1]);
            if (paused > 0 && paused < n) {
                long[] unpaused = new long[n];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if (m.pauseMillis[i] == 0) {
                        unpaused[k++] = m.beyondSlowest[i];
                    }
                }
                long[] quiet = sorted(unpaused, k);
                stdout.printf(Locale.ROOT, "validator beyond the slowest answer in the %d publishes no collector "
                        + "paused: p50 %.1f ms  p99 %.1f ms (all %d: p50 %.1f  p99 %.1f)%n", k, ms(quiet, 0.50),
                        ms(quiet, 0.99), n, ms(beyond, 0.50), ms(beyond, 0.99));
            }
        }

        /** The first {@code n} values, sorted. */
        private static long[] sorted(long[] values, int n) {
            long[] copy = Arrays.copyOf(values, n);
            Arrays.sort(copy);
            return copy;
        }

        /** Nearest-rank percentile of sorted ns, in ms. */
        private static double ms(long[] sorted, double p) {
            return percentile(sorted, p) / 1e6;
        }

        /** Nearest-rank percentile of sorted values. */
        private static long percentile(long[] sorted, double p) {
            int rank = (int) Math.ceil(p * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }
    }

    /**
     * Where {@code bench fanout} runs its parts.
     *
     * @param minersProcess whether the miners run in a child JVM
     * @param minerCpus     CPUs the child JVM is pinned to, or null
     * @param validatorCpus CPUs this JVM is pinned to, or null
     * @param minerNice     niceness of the child JVM, 0 for the validator's
     */
    record Placement(boolean minersProcess, CpuList minerCpus, CpuList validatorCpus, int minerNice) {

        boolean pinned() {
            return minerCpus != null || validatorCpus != null;
        }

        Placement unpinned() {
            return new Placement(minersProcess, null, null, minerNice);
        }

        /** The child JVM's command line, pinned and niced as asked. */
        List<String> minersCommand(List<String> java) {
            List<String> command = minerCpus == null ? java : minerCpus.prefix(java);
            if (minerNice == 0) {
                return command;
            }
            List<String> niced = new ArrayList<>(List.of("nice", "-n", Integer.toString(minerNice)));
            niced.addAll(command);
            return niced;
        }

        /** How the run is placed, for the banner line. */
        String describe() {
            return (minersProcess ? "miners in a child JVM" : "miners in this JVM")
                    + (minerCpus == null ? "" : " on CPUs " + minerCpus.text())
                    + (minerNice == 0 ? "" : " at nice " + minerNice)
                    + (validatorCpus == null ? "" : ", validator on CPUs " + validatorCpus.text());
        }
    }

    /** Per publish figures, warm-up skipped. */
    private static final class Measured {
        final int warmup;
        final long[] beyondSlowest;
        final long[] fanoutBeyondSlowest;
        final long[] slowest;
        final long[] books;
        final long[] signed;
        final long[] lastCall;
        final long[] bytesPerMiner;
        final long[] booksSent;
        final long[] booksInline;
        final long[] accountChanges;
        final long[] startedMillis;
        final long[] built;
        final long[] pauseMillis;
        final long[] jitMillis;
        long collections;
        long booksResent;
        long accountsResentWhole;
        int seen;
        int count;
        long answered;
        long queried;
        long requestBytes;
        long booksBytes;
        long booksSentBytes;
        long prepareNanos;
        long prepareSequentialNanos;

        Measured(int warmup, int publishes) {
            this.warmup = warmup;
            this.beyondSlowest = new long[publishes];
            this.fanoutBeyondSlowest = new long[publishes];
            this.slowest = new long[publishes];
            this.books = new long[publishes];
            this.signed = new long[publishes];
            this.lastCall = new long[publishes];
            this.bytesPerMiner = new long[publishes];
            this.booksSent = new long[publishes];
            this.booksInline = new long[publishes];
            this.accountChanges = new long[publishes];
            this.startedMillis = new long[publishes];
            this.built = new long[publishes];
            this.pauseMillis = new long[publishes];
            this.jitMillis = new long[publishes];
        }

        /** One line per measured publish, in order, times in ms: what the report's percentiles are taken over. */
        Path writeCsv(Path file) throws IOException {
            StringBuilder csv = new StringBuilder("publish,started_s,beyond_slowest_ms,fanout_beyond_slowest_ms,"
                    + "slowest_answer_ms,books_encoded_ms,all_signed_ms,last_call_started_ms,bytes_per_miner,"
                    + "books_inline,account_changes,publication_built_ms,gc_pause_ms,jit_ms\n");
            for (int i = 0; i < count; i++) {
                csv.append(String.format(Locale.ROOT, "%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%d,%d,%d,%.3f,%d,%d%n",
                        i + 1, startedMillis[i] / 1e3,
                        beyondSlowest[i] / 1e6, fanoutBeyondSlowest[i] / 1e6, slowest[i] / 1e6, books[i] / 1e6,
                        signed[i] / 1e6, lastCall[i] / 1e6, bytesPerMiner[i], booksInline[i], accountChanges[i],
                        built[i] / 1e6, pauseMillis[i], jitMillis[i]));
            }
            Files.writeString(file, csv);
            return file;
        }

        void publish(long loopNanos, long queryNanos, long slowestNanos, long builtNanos,
                     io.mvtrx.runtime.wire.validator.Fanout.StepTiming timing, int answeredNow, int servingNow,
                     JvmActivity.Reading jvm) {
            if (seen++ < warmup || count == slowest.length) {
                return;
            }
            // the JVM's uptime when the publish began, to line it up with -Xlog:gc:...:uptime
            startedMillis[count] = ManagementFactory.getRuntimeMXBean().getUptime() - loopNanos / 1_000_000;
            beyondSlowest[count] = Math.max(0, loopNanos - slowestNanos);
            fanoutBeyondSlowest[count] = Math.max(0, queryNanos - slowestNanos);
            slowest[count] = slowestNanos;
            built[count] = builtNanos;
            books[count] = timing.booksNanos();
            signed[count] = timing.preparedNanos();
            lastCall[count] = timing.lastCallStartedNanos();
            bytesPerMiner[count] = servingNow == 0 ? 0 : timing.requestBytes() / servingNow;
            booksSent[count] = timing.booksSentBytes();
            booksInline[count] = timing.booksInline();
            booksResent += timing.booksResent();
            accountChanges[count] = timing.accountChanges();
            accountsResentWhole += timing.accountsResentWhole();
            pauseMillis[count] = jvm.pauseMillis();
            jitMillis[count] = jvm.jitMillis();
            collections += jvm.collections();
            answered += answeredNow;
            queried += servingNow;
            count++;
        }
    }

    /**
     * The real transport, timed: the query's wall time and its slowest answer. The request sizes and the prepare
     * times are taken at the publish after the measured ones from a second fan-out's
     * {@link io.mvtrx.runtime.wire.validator.Fanout#prepare} (the same encoding, nothing sent), outside the timed call:
     * taken before them (at the last warm-up publish, as until 2026-11-30), its four prepares' work and garbage fell
     * on the first measured publish.
     */
    private static final class Recording implements MinerTransport {
        private final MinerTransport inner;
        private final io.mvtrx.runtime.wire.validator.Fanout sizer;
        private final io.mvtrx.runtime.wire.validator.Fanout sequential;
        private final int sizedAt;
        private final JvmActivity jvm = new JvmActivity();
        private JvmActivity.Reading atQuery;
        private int queries;
        long lastQueryNanos;
        long lastSlowestNanos;
        long requestBytes;
        long booksBytes;
        long booksSentBytes;
        long prepareNanos;
        long prepareSequentialNanos;

        Recording(MinerTransport inner, io.mvtrx.runtime.wire.validator.Fanout sizer,
                  io.mvtrx.runtime.wire.validator.Fanout sequential, int sizedAt) {
            this.inner = inner;
            this.sizer = sizer;
            this.sequential = sequential;
            this.sizedAt = sizedAt;
        }

        @Override
        public List<MinerReply> query(Publication publication, List<Neuron> neurons) {
            return query(publication, neurons, () -> { });
        }

        @Override
        public List<MinerReply> query(Publication publication, List<Neuron> neurons, Runnable whileWaiting) {
            if (queries++ == sizedAt) {
                measureBytes(publication, neurons);
            }
            atQuery = jvm.read();
            long began = System.nanoTime();
            List<MinerReply> replies = inner.query(publication, neurons, whileWaiting);
            lastQueryNanos = System.nanoTime() - began;
            long slowest = 0;
            for (MinerReply reply : replies) {
                slowest = Math.max(slowest, reply.responseNanos());
            }
            lastSlowestNanos = slowest;
            return replies;
        }

        /** The collector pauses and JIT compilation since the last query began. */
        JvmActivity.Reading sinceQuery() {
            return atQuery == null ? new JvmActivity.Reading(0, 0, 0) : jvm.read().since(atQuery);
        }

        private void measureBytes(Publication publication, List<Neuron> neurons) {
            List<MinerTarget> targets = new ArrayList<>();
            Map<Integer, Map<Integer, Account>> accounts = new HashMap<>();
            Map<Integer, List<Notice>> notices = new HashMap<>();
            for (Neuron neuron : neurons) {
                StateUpdate update = publication.updates().get(neuron.uid());
                if (update == null) {
                    continue;
                }
                targets.add(MinerTarget.of(neuron.uid(), neuron.hotkey(), neuron.axon()));
                accounts.put(neuron.uid(), update.accounts());
                notices.put(neuron.uid(), update.notices());
            }
            if (targets.isEmpty()) {
                return;
            }
            Step step = new Step(publication.timestamp(), publication.simulation(), publication.books(), accounts,
                    notices);
            // each timed on its second run (the first warms up the code paths)
            sequential.prepare(step, targets);
            long began = System.nanoTime();
            sequential.prepare(step, targets);
            prepareSequentialNanos = System.nanoTime() - began;
            sizer.prepare(step, targets);
            began = System.nanoTime();
            PreparedStep prepared = sizer.prepare(step, targets);
            prepareNanos = System.nanoTime() - began;
            long total = 0;
            for (PreparedStep.Addressed addressed : prepared.requests()) {
                total += addressed.request().getSerializedSize();
            }
            requestBytes = total / prepared.requests().size();
            booksBytes = prepared.books().size();
            booksSentBytes = prepared.booksSent().size();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
