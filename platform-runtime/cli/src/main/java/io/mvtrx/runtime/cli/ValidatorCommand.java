package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.bittensor.axon.Axon;
import io.mvtrx.runtime.bittensor.axon.Dendrite;
import io.mvtrx.runtime.bittensor.axon.payload.Compression;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.plugins.PluginRegistry;
import io.mvtrx.runtime.simulator.SimulationOptions;
import io.mvtrx.runtime.subtensor.Hyperparameters;
import io.mvtrx.runtime.subtensor.SubtensorChain;
import io.mvtrx.runtime.validator.node.AlertHook;
import io.mvtrx.runtime.validator.node.AlertMonitor;
import io.mvtrx.runtime.validator.node.BittensorTransport;
import io.mvtrx.runtime.validator.node.ChainLink;
import io.mvtrx.runtime.validator.node.GrpcTransport;
import io.mvtrx.runtime.validator.node.LoopStats;
import io.mvtrx.runtime.validator.node.MinerTransport;
import io.mvtrx.runtime.validator.node.StorageConfigSource;
import io.mvtrx.runtime.validator.node.ValidatorLoop;
import io.mvtrx.runtime.validator.node.ValidatorNode;
import io.mvtrx.runtime.validator.node.ValidatorServer;
import io.mvtrx.runtime.validator.node.ValidatorSettings;
import io.mvtrx.runtime.validator.node.gentrx.GentrxService;
import io.mvtrx.runtime.validator.scoring.LatencyDelay;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletEntry;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mvtrx validator}: the simulator and the validator loop with the signed gRPC transport, querying the miners
 * registered on the chain (their axons from the metagraph), setting weights at the chain's rate limit, checkpointing
 * its state, and serving health and metrics. Simulations run back to back; at each end the configuration file is
 * read and validated again, and an invalid one keeps the previous configuration with an {@code ALERT} line.
 */
@Command(name = "validator",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a validator: simulations back to back, miners from the chain queried over signed gRPC, weights",
            "set on the chain. Health and metrics on --port. SIGTERM/SIGINT: finishes the step, checkpoints, exits 0.",
        },
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
final class ValidatorCommand implements Callable<Integer> {

    private static final long STATUS_INTERVAL_NANOS = 10_000_000_000L;
    /** τaos connects to an axon for at most 1 s. */
    private static final Duration DENDRITE_CONNECT = Duration.ofSeconds(1);
    private static final int MAX_RESPONSE_BYTES = 64 << 20;
    /** How often the alert watchdog looks for a stall: well under any sensible --alert-min-stall. */
    private static final Duration ALERT_CHECK_EVERY = Duration.ofSeconds(1);

    @ParentCommand
    MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceConfigFile configFile;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Simulation XML; read again and validated at the end of every simulation.")
    private Path config;

    @Option(names = "--config-object", paramLabel = "KEY",
            description = "Instead of --config: the simulation XML as an object in the storage backend given by "
                    + "--storage/--storage-param, as the owner publishes it (mvtrx config publish); read again and "
                    + "validated at the end of every simulation.")
    private String configObject;

    @Mixin
    private StorageOptions storage;

    @Option(names = "--wallet", required = true, paramLabel = "COLDKEY", description = "Wallet (coldkey) name.")
    private String wallet;

    @Option(names = "--hotkey", required = true, paramLabel = "HOTKEY",
            description = "Validator hotkey name under the wallet; it signs queries and weights.")
    private String hotkey;

    @Option(names = "--wallet-dir", paramLabel = "DIR", description = "Wallet root. Default: ~/.mvtrx/wallets.")
    private Path walletDir;

    @Option(names = "--chain", required = true, paramLabel = "URL|DIR|subtensor",
            description = "A chain served by mvtrx chain (http://host:port), the folder of a local chain, or "
                    + "`subtensor`: Bittensor's chain (--network) with a btwallet sr25519 hotkey (--wallet-dir default "
                    + "~/.bittensor/wallets), miners queried on their Bittensor axons.")
    private String chainSpec;

    @Option(names = "--network", paramLabel = "NAME|URL", defaultValue = "finney",
            description = "With --chain subtensor: finney, test, local (ws://127.0.0.1:9944), or the ws:// or wss:// "
                    + "URL of a subtensor node. Default: ${DEFAULT-VALUE}.")
    private String network;

    @Option(names = "--external-ip", paramLabel = "IP", defaultValue = "0.0.0.0",
            description = "With --chain subtensor: this validator's IP as the dendrite announces it to axons "
                    + "(informational). Default: ${DEFAULT-VALUE}.")
    private String externalIp;

    @Option(names = "--netuid", defaultValue = "79", paramLabel = "N", description = "Subnet. Default: 79.")
    private int netuid;

    @Option(names = "--host", defaultValue = "0.0.0.0", paramLabel = "HOST",
            description = "Interface for health and metrics. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--port", defaultValue = "8000", paramLabel = "PORT",
            description = "Port for health (/observe/health) and metrics (/metrics); 0 picks one. Default: 8000.")
    private int port;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the state is checkpointed. Default: ~/.mvtrx/validator/WALLET/HOTKEY/netuidN.")
    private Path stateDir;

    @Option(names = "--resume", paramLabel = "latest|auto|FILE",
            description = "Continue from a checkpoint: 'latest' (the state file of --state-dir, which must exist), "
                    + "'auto' (that file when there is one, else start fresh: for services) or a file.")
    private String resume;

    @Option(names = "--timeout", paramLabel = "TIME", converter = SimulateCommand.DurationConverter.class,
            defaultValue = "3s", description = "Per-miner query deadline. Default: ${DEFAULT-VALUE}.")
    private long timeout;

    @Option(names = "--global-timeout", paramLabel = "TIME", converter = SimulateCommand.DurationConverter.class,
            defaultValue = "4s", description = "Deadline of a whole fan-out. Default: ${DEFAULT-VALUE}.")
    private long globalTimeout;

    @Option(names = "--weights-rate-limit", paramLabel = "BLOCKS", defaultValue = "100",
            description = "Blocks between two weight settings (the subnet's rate limit). Default: ${DEFAULT-VALUE}.")
    private long weightsRateLimit;

    @Option(names = "--duration", paramLabel = "TIME", converter = SimulateCommand.DurationConverter.class,
            description = "Simulated time of each simulation. Default: the configuration's duration.")
    private Long duration;

    @Option(names = "--scoring-window", paramLabel = "TIME", converter = SimulateCommand.DurationConverter.class,
            description = "Kappa and PnL lookback (Kappa needs half of it), for short test runs. Default: the "
                    + "reference's 3h.")
    private Long scoringWindow;

    @Option(names = "--simulations", paramLabel = "N", defaultValue = "0",
            description = "Stop after N simulations; 0 runs until stopped. Default: ${DEFAULT-VALUE}.")
    private int simulations;

    @Option(names = "--register",
            description = "Register the hotkey on the subnet if it is not registered yet (local chains).")
    private boolean register;

    @Option(names = "--stake", paramLabel = "AMOUNT",
            description = "Local chains: add stake until the hotkey holds at least AMOUNT (a validator permit needs "
                    + "the chain's minimum); nothing is added when it already does.")
    private Long stake;

    @Mixin
    private GentrxValidatorOptions gentrx;

    @Option(names = "--alert-webhook", paramLabel = "URL",
            description = "POST each alert (trigger and resolve) as JSON to this http(s) URL.")
    private URI alertWebhook;

    @Option(names = "--alert-pagerduty-key", paramLabel = "KEY",
            description = "Send each alert to PagerDuty (Events API v2) with this integration (routing) key; "
                    + "better given as MVTRX_VALIDATOR_ALERT_PAGERDUTY_KEY than on the command line.")
    private String alertPagerDutyKey;

    @Option(names = "--alert-pagerduty-url", paramLabel = "URL",
            defaultValue = "https://events.pagerduty.com/v2/enqueue",
            description = "Events API v2 endpoint (a proxy, or a test receiver). Default: ${DEFAULT-VALUE}.")
    private URI alertPagerDutyUrl;

    @Option(names = "--alert-stall-factor", paramLabel = "X", defaultValue = "10",
            description = "Stalled: no step for X times the recent wall time per step (and --alert-min-stall). "
                    + "Default: ${DEFAULT-VALUE}.")
    private double alertStallFactor;

    @Option(names = "--alert-min-stall", paramLabel = "TIME", converter = SimulateCommand.DurationConverter.class,
            defaultValue = "60s", description = "Shortest silence that counts as a stall. Default: ${DEFAULT-VALUE}.")
    private long alertMinStall;

    @Option(names = "--alert-timeout-share", paramLabel = "SHARE", defaultValue = "0.5",
            description = "Alert when more than this share of the queried miners time out in one publish, in "
                    + "[0, 1). Default: ${DEFAULT-VALUE}.")
    private double alertTimeoutShare;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if ((config == null) == (configObject == null)) {
            throw new ParameterException(spec.commandLine(), "give the configuration as --config FILE or as "
                    + "--config-object KEY (with --storage NAME --storage-param KEY=VALUE...), not both");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (timeout > globalTimeout) {
            throw new CommandFailedException("--timeout %d ms exceeds --global-timeout %d ms", timeout / 1_000_000,
                    globalTimeout / 1_000_000);
        }
        AlertMonitor.Rules alertRules = alertRules();
        List<AlertHook> alertHooks = alertHooks();
        boolean bittensor = NodeParts.SUBTENSOR.equals(chainSpec);
        Keypair key = null;
        Sr25519Keypair btKey = null;
        String address;
        if (bittensor) {
            btKey = NodeParts.btHotkey(mvtrx.environment(), walletDir, wallet, hotkey);
            address = btKey.ss58Address();
        } else {
            key = walletKey();
            address = key.address();
        }
        Path dir = stateDir != null ? stateDir : Path.of(System.getProperty("user.home"), ".mvtrx", "validator",
                wallet, hotkey, "netuid" + netuid);
        Path stateFile = dir.resolve("validator-state.bin");
        try (PluginRegistry registry = mvtrx.loadPlugins();
             StorageBackend store = configObject == null ? null : storage.open(registry)) {
            mvtrx.printProblems(registry);
            ValidatorNode.ConfigSource source = store == null ? NodeParts.source(config, registry)
                    : new StorageConfigSource(store, storage.describe(), configObject, registry);
            NodeParts.first(source, store == null ? config.toString()
                    : configObject + " in storage " + storage.describe(), stderr);
            try (ChainBackend chain = bittensor ? NodeParts.subtensor(registry, network, walletDir, wallet, hotkey)
                    : NodeParts.chain(registry, chainSpec, walletDir, wallet, hotkey)) {
                ChainLink link = new ChainLink(chain, netuid, address);
                Neuron self = registration(chain, link, stdout, stderr);
                long rateLimit = rateLimit(chain, stdout);
                ValidatorSettings settings = ValidatorSettings.REFERENCE
                        .withLatency(ProxyCommand.withTimeout(LatencyDelay.REFERENCE, timeout))
                        .withChainCadence(ValidatorSettings.REFERENCE.metagraphRefresh(), rateLimit);
                if (scoringWindow != null) {
                    settings = settings.withScoring(settings.scoring().withWindow(scoringWindow));
                }
                MinerTransport transport = bittensor
                        ? new BittensorTransport(new Dendrite(btKey, externalIp, DENDRITE_CONNECT, Axon::nowNanos),
                        Duration.ofNanos(timeout), Duration.ofNanos(globalTimeout), Compression.LZ4,
                        MAX_RESPONSE_BYTES)
                        : new GrpcTransport(new Fanout(key, FanoutConfig.DEFAULTS.withTimeouts(
                        Duration.ofNanos(timeout), Duration.ofNanos(globalTimeout)), InstantSource.system()));
                try (ValidatorLoop loop = new ValidatorLoop(settings, transport, link,
                        Optional.of(link), Optional.of(stateFile), ProxyCommand.metric(registry,
                        settings.scoring()));
                     AlertMonitor alerts = new AlertMonitor(alertHooks, alertRules, String.format(Locale.ROOT,
                             "validator %s uid %d netuid %d", address, self.uid(), netuid), loop.metrics(),
                             System::nanoTime, Clock.systemUTC(), line -> {
                                 stdout.println(line);
                                 stdout.flush();
                             })) {
                    resume(loop, stateFile, stdout);
                    // after the resume: the restored counters are the baseline, not news
                    alerts.watch(loop, ALERT_CHECK_EVERY);
                    Optional<GentrxService> training = gentrx.start(loop, transport, self.uid(),
                            mvtrx.environment(), registry, dir);
                    training.ifPresent(service -> stdout.printf("GenTRX: ticks to %s, rounds every %d blocks%n",
                            gentrx.server, gentrx.blocksPerRound));
                    SimulationOptions options = SimulationOptions.defaults();
                    if (duration != null) {
                        options = options.withDuration(duration);
                    }
                    ValidatorNode node = new ValidatorNode(loop, registry, source, new ValidatorNode.Plan(options, 0,
                            simulations), line -> {
                                stdout.println(line);
                                stdout.flush();
                            });
                    long[] lastStatus = {System.nanoTime()};
                    loop.addListener(stats -> {
                        if (System.nanoTime() - lastStatus[0] >= STATUS_INTERVAL_NANOS) {
                            lastStatus[0] = System.nanoTime();
                            stdout.println(status(stats));
                            stdout.flush();
                        }
                    });
                    try (GentrxValidatorOptions.OwnServer ownGradientServer = gentrx::close;
                         GentrxService gentrxService = training.orElse(null);
                         ValidatorServer server = ValidatorServer.start(loop, host, port, Duration.ofMinutes(5),
                                 training)) {
                        stdout.printf("validator %s (uid %d) on subnet %d of %s; miners queried over %s; "
                                        + "dashboard, health and metrics on http://%s:%d; state %s%n", address,
                                self.uid(), netuid,
                                bittensor ? "subtensor " + network : chainSpec,
                                bittensor ? "Bittensor axons" : "gRPC", host, server.port(), stateFile);
                        stdout.flush();
                        CountDownLatch finished = new CountDownLatch(1);
                        Thread hook = new Thread(() -> {
                            node.stop();
                            try {
                                finished.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }, "mvtrx-validator-shutdown");
                        Runtime.getRuntime().addShutdownHook(hook);
                        try (Termination signals = Termination.onSignal(() -> {
                            stdout.println("stopping: finishing the step, then checkpointing");
                            stdout.flush();
                            node.stop();
                        })) {
                            ProxyCommand.runNode(node);
                        } finally {
                            finished.countDown();
                            try {
                                Runtime.getRuntime().removeShutdownHook(hook);
                            } catch (IllegalStateException e) {
                                // shutting down: the hook is running
                            }
                        }
                        stdout.println(status(loop.stats()));
                        if (loop.lastCheckpointFailed()) {
                            throw new CommandFailedException("stopped, but the state could not be saved to %s (the "
                                    + "warning above says why); the file holds the previous checkpoint, if any",
                                    stateFile);
                        }
                        stdout.printf("stopped; state saved to %s%n", stateFile);
                        stdout.flush();
                    }
                }
            }
        }
        return ExitCodes.OK;
    }

    /** The alert thresholds; a bad one is a usage error naming the option. */
    private AlertMonitor.Rules alertRules() {
        if (!(alertStallFactor >= 1)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--alert-stall-factor must be >= 1, got %s", alertStallFactor));
        }
        if (alertMinStall <= 0) {
            throw new ParameterException(spec.commandLine(), "--alert-min-stall must be > 0");
        }
        if (!(alertTimeoutShare >= 0 && alertTimeoutShare < 1)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--alert-timeout-share must be in [0, 1), got %s", alertTimeoutShare));
        }
        return new AlertMonitor.Rules(alertStallFactor, Duration.ofNanos(alertMinStall), alertTimeoutShare);
    }

    /** The webhook and PagerDuty hooks asked for; a URL that is not http(s) is a usage error. */
    private List<AlertHook> alertHooks() {
        List<AlertHook> hooks = new ArrayList<>();
        if (alertWebhook != null) {
            hooks.add(new AlertHook.Webhook(httpUrl("--alert-webhook", alertWebhook)));
        }
        if (alertPagerDutyKey != null) {
            if (alertPagerDutyKey.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--alert-pagerduty-key is empty");
            }
            hooks.add(new AlertHook.PagerDuty(httpUrl("--alert-pagerduty-url", alertPagerDutyUrl),
                    alertPagerDutyKey.strip()));
        }
        return hooks;
    }

    private URI httpUrl(String option, URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new ParameterException(spec.commandLine(), String.format("%s must be an http:// or https:// URL, "
                    + "got '%s'", option, url));
        }
        return url;
    }

    private Keypair walletKey() {
        WalletStore wallets = walletDir == null ? WalletStore.defaultStore() : new WalletStore(walletDir);
        Keypair key;
        try {
            key = wallets.hotkey(wallet, hotkey);
        } catch (RuntimeException e) {
            throw new CommandFailedException("cannot read hotkey %s/%s under %s: %s", wallet, hotkey, wallets.root(),
                    e.getMessage());
        }
        if (!key.canSign()) {
            throw new CommandFailedException("hotkey %s/%s has no private key under %s", wallet, hotkey,
                    wallets.root());
        }
        return key;
    }

    /**
     * Blocks between two weight settings: {@code --weights-rate-limit} when given; on Subtensor otherwise the subnet's
     * {@code WeightsSetRateLimit} (so the chain never refuses for the rate).
     */
    private long rateLimit(ChainBackend chain, PrintWriter stdout) {
        if (!(chain instanceof SubtensorChain subtensor)
                || spec.commandLine().getParseResult().hasMatchedOption("--weights-rate-limit")) {
            return weightsRateLimit;
        }
        try {
            Hyperparameters h = subtensor.hyperparameters(netuid);
            stdout.printf("subnet %d: weights rate limit %d blocks, min %d weights, max weight %d/65535, "
                    + "commit-reveal %s, version key %d%n", netuid, h.weightsRateLimit(), h.minAllowedWeights(),
                    h.maxWeightsLimit(), h.commitRevealEnabled() ? "on (hash commits)" : "off", h.weightsVersionKey());
            return h.weightsRateLimit();
        } catch (IOException | RuntimeException e) {
            throw new CommandFailedException("cannot read the hyperparameters of subnet %d: %s", netuid,
                    e.getMessage());
        }
    }

    /**
     * This validator's neuron, registered ({@code --register}) and staked ({@code --stake}) first if asked; fails if
     * the hotkey is not registered, warns if it has no permit.
     */
    private Neuron registration(ChainBackend chain, ChainLink link, PrintWriter stdout, PrintWriter stderr) {
        if (stake != null && stake <= 0) {
            throw new ParameterException(spec.commandLine(), "--stake must be > 0, got " + stake);
        }
        Optional<Neuron> found = self(link);
        try {
            if (found.isEmpty() && register) {
                Neuron registered = chain.register(netuid, link.hotkey(), coldkeyAddress());
                stdout.printf("registered hotkey %s/%s as uid %d on subnet %d%n", wallet, hotkey, registered.uid(),
                        netuid);
                found = self(link);
            }
            if (found.isPresent() && stake != null && found.get().stake() < stake) {
                long added = stake - found.get().stake();
                chain.addStake(netuid, link.hotkey(), added);
                stdout.printf("staked %d on uid %d (now %d)%n", added, found.get().uid(), stake);
                found = self(link);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CommandFailedException failed) {
                throw failed;
            }
            throw new CommandFailedException("chain: subnet %d: %s", netuid, e.getMessage());
        }
        Neuron self = found.orElseThrow(() -> new CommandFailedException("hotkey %s/%s (%s) is not registered on "
                + "subnet %d of %s%s", wallet, hotkey, link.hotkey(), netuid, chainSpec,
                NodeParts.SUBTENSOR.equals(chainSpec) ? "" : "; register it, or start with --register"));
        if (!self.validatorPermit()) {
            stderr.printf("warning: uid %d has no validator permit on subnet %d: miners will refuse its queries "
                    + "and the chain its weights until it has stake enough%n", self.uid(), netuid);
            stderr.flush();
        }
        return self;
    }

    private Optional<Neuron> self(ChainLink link) {
        List<Neuron> neurons;
        try {
            neurons = link.neurons();
        } catch (IOException | RuntimeException e) {
            throw new CommandFailedException("cannot read the metagraph of subnet %d from %s: %s", netuid, chainSpec,
                    e.getMessage());
        }
        return neurons.stream().filter(n -> n.hotkey().equals(link.hotkey())).findFirst();
    }

    /** The address of {@code --wallet}'s coldkey, which a registration names as the owner. */
    private String coldkeyAddress() {
        WalletStore wallets = walletDir == null ? WalletStore.defaultStore() : new WalletStore(walletDir);
        for (WalletEntry entry : wallets.list()) {
            if (entry.coldkey().equals(wallet)) {
                return entry.coldkeyAddress();
            }
        }
        throw new CommandFailedException("wallet: no coldkey '%s' in %s", wallet, wallets.root());
    }

    private void resume(ValidatorLoop loop, Path stateFile, PrintWriter stdout) {
        boolean auto = "auto".equals(resume);
        if (resume == null || (auto && !Files.exists(stateFile))) {
            if (auto) {
                stdout.printf("starting fresh: no state file %s yet (--resume auto)%n", stateFile);
                return;
            }
            if (Files.exists(stateFile)) {
                stdout.printf("starting fresh: %s will be overwritten at the first checkpoint (--resume latest "
                        + "continues from it)%n", stateFile);
            }
            return;
        }
        Path file = "latest".equals(resume) || auto ? stateFile : Path.of(resume);
        if (!Files.exists(file)) {
            throw new CommandFailedException("--resume %s: no state file %s", resume, file);
        }
        try {
            loop.resume(file);
        } catch (IOException e) {
            throw new CommandFailedException("--resume %s: %s", resume, e.getMessage());
        }
        LoopStats stats = loop.stats();
        stdout.printf("resumed from %s: %d publishes, %d scorings, %d simulations so far%n", file,
                stats.publishes(), stats.scorings(), stats.simulations());
    }

    static String status(LoopStats s) {
        return String.format(Locale.ROOT, "sim %s | publishes %d | miners %d/%d answering | accepted %d, refused "
                        + "%d | timeouts %d, failed %d | weights set %d | checkpoints %d",
                NodeParts.clock(Math.max(0, s.timestamp())), s.publishes(), s.lastAnswered(), s.lastServing(),
                s.accepted(), s.refusedTotal(), s.timeouts(), s.failedQueries(), s.weightsSet(), s.checkpoints());
    }
}
