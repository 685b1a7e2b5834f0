package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainBackendProvider;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.spi.trading.TradingAgentProvider;
import io.mvtrx.runtime.bittensor.axon.Axon;
import io.mvtrx.runtime.bittensor.axon.AxonConfig;
import io.mvtrx.runtime.bittensor.axon.MetagraphView;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.plugins.PluginRegistry;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletEntry;
import io.mvtrx.runtime.wallet.WalletException;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.miner.MetagraphCache;
import io.mvtrx.runtime.wire.miner.MinerConfig;
import io.mvtrx.runtime.wire.miner.MinerServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mvtrx miner}: loads a trading agent by name (built-in, or a JAR of the agents folder) and serves it to the
 * subnet's validators over the signed gRPC wire, registered on the chain under the wallet's hotkey. Runs until
 * stopped: SIGINT/SIGTERM close the server, the chain connection and the plugins, print {@code miner stopped} and
 * exit 0.
 *
 * <p>Order at start, each step failing with one line and exit 1: wallet hotkey, plugins and agents, agent
 * parameters against the agent's schema, chain backend, registration (or {@code --register}), server, axon. With
 * {@code --chain subtensor} the same on Bittensor: btwallet sr25519 hotkey, Subtensor node, Bittensor axon.
 */
@Command(name = "miner",
        mixinStandardHelpOptions = true,
        versionProvider = MvtrxCommand.Version.class,
        description = {
            "Serves a trading agent to the subnet's validators: the agent answers each signed state update with "
                    + "instructions. The hotkey must be registered on the subnet (or use --register); its axon "
                    + "address is published on the chain at start.",
        },
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_FAILED, ExitCodes.HELP_USAGE, ExitCodes.HELP_INTERNAL})
final class MinerCommand implements Callable<Integer> {

    /** The subnet the reference runs on (SN-79). */
    static final int DEFAULT_NETUID = 79;

    /** The reference miner re-reads its metagraph every 10 blocks (2 minutes). */
    private static final Duration METAGRAPH_REFRESH = Duration.ofMinutes(2);
    private static final int AXON_MAX_REQUEST = 64 << 20;
    private static final int AXON_MAX_DECOMPRESSED = 256 << 20;
    private static final int AXON_NONCE_KEYS = 65_536;

    @ParentCommand
    private MvtrxCommand mvtrx;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ServiceConfigFile configFile;

    @Mixin
    private MinerGentrxOptions gentrx;

    @Option(names = "--wallet", required = true, paramLabel = "COLDKEY", description = "Wallet (coldkey) name.")
    private String wallet;

    @Option(names = "--hotkey", required = true, paramLabel = "HOTKEY",
            description = "Hotkey under the wallet: the miner's identity on the chain and the wire.")
    private String hotkey;

    @Option(names = "--wallet-dir", paramLabel = "DIR", description = "Wallet root. Default: ~/.mvtrx/wallets.")
    private Path walletDir;

    @Option(names = "--agent", required = true, paramLabel = "NAME",
            description = "Trading agent to serve, by name (mvtrx plugins lists them), e.g. RandomMakerAgent.")
    private String agent;

    @Option(names = "--agent-params", arity = "1..*", paramLabel = "KEY=VALUE",
            description = "Agent parameters, e.g. --agent-params min_quantity=0.1 seed=7 (see doc/agents.md).")
    private Map<String, String> agentParams = new LinkedHashMap<>();

    @Option(names = "--agents-folder", paramLabel = "DIR",
            description = "Folder of drop-in agent JARs. Default: the agents folder of the distribution "
                    + "($MVTRX_HOME/agents), or of the working directory when MVTRX_HOME is not set.")
    private Path agentsFolder;

    @Option(names = "--host", defaultValue = "0.0.0.0",
            description = "Address to bind. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--port", defaultValue = "8091",
            description = "Port to bind (0: any free). Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--axon-host", paramLabel = "HOST",
            description = "Address published on the chain for validators to call. Default: --host, or 127.0.0.1 "
                    + "when --host is a wildcard address.")
    private String axonHost;

    @Option(names = "--netuid", defaultValue = "" + DEFAULT_NETUID, description = "Subnet. Default: ${DEFAULT-VALUE}.")
    private int netuid;

    // Two plain options rather than an exclusive group: picocli gives group options no value from the environment
    // or a --config-file; exclusivity is checked in chainChoice().
    @Option(names = "--chain", paramLabel = "URL|subtensor",
            description = "Chain served by `mvtrx chain`, e.g. http://10.0.0.5:9944 (writes signed by the hotkey); "
                    + "or `subtensor`: Bittensor's chain (--network), a btwallet sr25519 hotkey (--wallet-dir "
                    + "default ~/.bittensor/wallets) and the agent served on a Bittensor axon.")
    private URI chainUrl;

    @Option(names = "--chain-dir", paramLabel = "DIR",
            description = "State folder of the embedded local chain. Default (without --chain): ~/.mvtrx/chain.")
    private Path chainDir;

    @Option(names = "--network", paramLabel = "NAME|URL", defaultValue = "finney",
            description = "With --chain subtensor: finney, test, local (ws://127.0.0.1:9944), or the ws:// or wss:// "
                    + "URL of a subtensor node. Default: ${DEFAULT-VALUE}.")
    private String network;

    @Option(names = "--register",
            description = "Register the hotkey on the subnet if it is not registered yet (local chains).")
    private boolean register;

    @Option(names = "--agent-timeout-ms", paramLabel = "MS", defaultValue = "3000",
            description = "Time the agent may take per state update; a later answer is replaced by an empty one. "
                    + "Default: ${DEFAULT-VALUE}.")
    private long agentTimeoutMillis;

    @Override
    public Integer call() throws Exception {
        RunningMiner miner = start();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT only wake this thread, which closes everything and returns 0 (a service manager's success).
        try (Termination signals = Termination.onSignal(stopped::countDown)) {
            stopped.await();
        } finally {
            miner.close();
            out.println("miner stopped");
            out.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Starts the miner as {@link #call} does, without waiting: the caller closes what it returns.
     *
     * @throws CommandFailedException naming what failed
     */
    RunningMiner start() {
        if (chainUrl != null && NodeParts.SUBTENSOR.equals(chainUrl.toString())) {
            return startOnBittensor();
        }
        chainChoice();
        Path folder = agentsFolder();
        Keypair key = hotkeyPair();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            PluginRegistry plugins = mvtrx.loadPlugins();
            opened.add(plugins);
            PluginRegistry agents = mvtrx.loadPlugins(folder);
            opened.add(agents);
            printProblems(plugins, agents);

            TradingAgent trading = createAgent(agents, plugins);
            ChainBackend chain = openChain(plugins);
            opened.add(chain);
            Neuron neuron = registration(chain, key);
            if (gentrx.enabled) {
                trading = gentrx.wrap(trading, plugins, chain, netuid, key.address(), neuron.uid(),
                        mvtrx.environment(), opened, spec.commandLine().getOut());
            }

            MinerConfig config = MinerConfig.defaults(key.address(), netuid).withAddress(host, port)
                    .withAgentTimeout(Duration.ofMillis(agentTimeoutMillis));
            MinerServer server;
            try {
                server = MinerServer.start(config, trading, chain, InstantSource.system());
            } catch (RuntimeException e) {
                throw new CommandFailedException("cannot serve on %s:%d: %s", host, port, e.getMessage());
            }
            opened.add(server);
            String published = publishedHost();
            try {
                chain.serveAxon(netuid, key.address(), published, server.port());
            } catch (IOException | RuntimeException e) {
                throw new CommandFailedException("chain: cannot publish the axon %s:%d of %s: %s", published,
                        server.port(), key.address(), e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("miner %s/%s (uid %d, %s) serving %s on %s:%d for subnet %d; axon %s:%d; "
                            + "health at /observe/health%n", wallet, hotkey, neuron.uid(), key.address(), agent, host,
                    server.port(), netuid, published, server.port());
            out.flush();
            return new RunningMiner(server.port(), neuron.uid(), List.copyOf(opened));
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /**
     * Starts on Bittensor: the btwallet hotkey, the {@code subtensor} chain on {@code --network}, the agent behind a
     * Bittensor axon (the reference's HTTP wire; blacklist and priority from the metagraph), the axon published with
     * {@code serve_axon}. Registration is btcli's job: an unregistered hotkey fails the start.
     */
    private RunningMiner startOnBittensor() {
        Path folder = agentsFolder();
        Sr25519Keypair key = NodeParts.btHotkey(mvtrx.environment(), walletDir, wallet, hotkey);
        String address = key.ss58Address();
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            PluginRegistry plugins = mvtrx.loadPlugins();
            opened.add(plugins);
            PluginRegistry agents = mvtrx.loadPlugins(folder);
            opened.add(agents);
            printProblems(plugins, agents);

            TradingAgent trading = createAgent(agents, plugins);
            ChainBackend chain = NodeParts.subtensor(plugins, network, walletDir, wallet, hotkey);
            opened.add(chain);
            Neuron neuron;
            try {
                neuron = chain.metagraph(netuid).stream().filter(n -> n.hotkey().equals(address)).findFirst()
                        .orElseThrow(() -> new CommandFailedException("hotkey %s/%s (%s) is not registered on subnet "
                                + "%d of %s; register it with `btcli subnet register --netuid %d --wallet.name %s "
                                + "--wallet.hotkey %s`", wallet, hotkey, address, netuid, network, netuid, wallet,
                                hotkey));
            } catch (IOException e) {
                throw new CommandFailedException("chain: subnet %d of %s: %s", netuid, network, e.getMessage());
            }
            if (gentrx.enabled) {
                trading = gentrx.wrap(trading, plugins, chain, netuid, address, neuron.uid(), mvtrx.environment(),
                        opened, spec.commandLine().getOut());
            }
            MetagraphCache metagraph = new MetagraphCache(chain, netuid, METAGRAPH_REFRESH, InstantSource.system());
            AxonConfig config = new AxonConfig(host, port, address, neuron.uid(), Duration.ofMillis(agentTimeoutMillis),
                    AXON_MAX_REQUEST, AXON_MAX_DECOMPRESSED, false, false, AXON_NONCE_KEYS);
            Axon axon;
            try {
                axon = Axon.start(config, trading, MetagraphView.of(metagraph));
            } catch (RuntimeException e) {
                throw new CommandFailedException("cannot serve on %s:%d: %s", host, port, e.getMessage());
            }
            opened.add(axon);
            String published = publishedHost();
            try {
                chain.serveAxon(netuid, address, published, axon.port());
            } catch (IOException | RuntimeException e) {
                throw new CommandFailedException("chain: cannot publish the axon %s:%d of %s: %s", published,
                        axon.port(), address, e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("miner %s/%s (uid %d, %s) serving %s on a Bittensor axon %s:%d for subnet %d of %s; axon "
                    + "%s:%d%n", wallet, hotkey, neuron.uid(), address, agent, host, axon.port(), netuid, network,
                    published, axon.port());
            out.flush();
            return new RunningMiner(axon.port(), neuron.uid(), List.copyOf(opened));
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /**
     * A started miner and everything it holds open, closed in reverse order.
     *
     * @param port the bound port (gRPC server or Bittensor axon)
     */
    record RunningMiner(int port, int uid, List<AutoCloseable> resources) implements AutoCloseable {

        @Override
        public void close() {
            closeAll(resources);
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                System.getLogger(MinerCommand.class.getName()).log(System.Logger.Level.WARNING,
                        "closing " + resource + " failed: " + e, e);
            }
        }
    }

    private Path agentsFolder() {
        if (agentsFolder == null) {
            return mvtrx.installationFolder("agents");
        }
        if (!Files.isDirectory(agentsFolder)) {
            throw new ParameterException(spec.commandLine(),
                    String.format("--agents-folder %s: not a directory", agentsFolder));
        }
        return agentsFolder;
    }

    private WalletStore wallets() {
        return walletDir == null ? WalletStore.defaultStore() : new WalletStore(walletDir);
    }

    private Keypair hotkeyPair() {
        try {
            return wallets().hotkey(wallet, hotkey);
        } catch (WalletException e) {
            throw new CommandFailedException("wallet: %s", e.getMessage());
        }
    }

    private void printProblems(PluginRegistry plugins, PluginRegistry agents) {
        // Both registries hold the built-ins: a built-in's problem would otherwise be printed twice.
        Set<String> problems = new LinkedHashSet<>(plugins.problems());
        problems.addAll(agents.problems());
        PrintWriter err = spec.commandLine().getErr();
        problems.forEach(err::println);
        err.flush();
    }

    private TradingAgent createAgent(PluginRegistry agents, PluginRegistry plugins) {
        Optional<TradingAgentProvider> found = agents.find(TradingAgentProvider.class, agent);
        if (found.isEmpty()) {
            found = plugins.find(TradingAgentProvider.class, agent);
        }
        if (found.isEmpty()) {
            Set<String> loaded = new TreeSet<>(agents.names(ExtensionPoint.TRADING_AGENT));
            loaded.addAll(plugins.names(ExtensionPoint.TRADING_AGENT));
            throw new CommandFailedException("unknown trading agent '%s'; loaded: %s", agent,
                    loaded.isEmpty() ? "none" : String.join(", ", loaded));
        }
        TradingAgentProvider provider = found.get();
        Settings.Builder builder = Settings.builder(agent);
        agentParams.forEach(builder::attribute);
        Settings settings = builder.build();
        ParameterSchema schema = provider.parameters();
        List<String> problems = new ArrayList<>();
        for (String key : agentParams.keySet()) {
            if (schema.parameter(key).isEmpty()) {
                problems.add(String.format("%s: unknown parameter '%s'; declared: %s", settings.path(), key,
                        schema.parameters().isEmpty() ? "none" : String.join(", ", schema.parameters().keySet())));
            }
        }
        problems.addAll(schema.check(settings));
        if (!problems.isEmpty()) {
            throw new CommandFailedException("--agent-params: %s", String.join("; ", problems));
        }
        try {
            return provider.create(settings);
        } catch (SettingsException e) {
            throw new CommandFailedException("--agent-params: %s", e.getMessage());
        }
    }

    /**
     * {@code --chain} or {@code --chain-dir}: both on the command line is a usage error; one on the command line
     * wins over the other from the environment or the config file; both from there is a usage error too.
     */
    private void chainChoice() {
        if (chainUrl == null || chainDir == null) {
            return;
        }
        boolean url = spec.commandLine().getParseResult().hasMatchedOption("--chain");
        boolean dir = spec.commandLine().getParseResult().hasMatchedOption("--chain-dir");
        if (url == dir) {
            throw new ParameterException(spec.commandLine(), "Error: --chain=URL, --chain-dir=DIR are mutually "
                    + "exclusive (specify only one)" + (url ? "" : "; both are set by the environment or the "
                    + "--config-file"));
        }
        if (url) {
            chainDir = null;
        } else {
            chainUrl = null;
        }
    }

    private ChainBackend openChain(PluginRegistry plugins) {
        Settings.Builder settings = Settings.builder("chain");
        String backend;
        if (chainUrl != null) {
            backend = "remote";
            settings.attribute("url", chainUrl.toString()).attribute("wallet", wallet)
                    .attribute("hotkey", hotkey).attribute("walletDir", wallets().root().toString());
        } else {
            backend = "local";
            if (chainDir != null) {
                settings.attribute("dir", chainDir.toString());
            }
        }
        ChainBackendProvider provider = plugins.find(ChainBackendProvider.class, backend)
                .orElseThrow(() -> new CommandFailedException("chain backend '%s' is not loaded; loaded: %s", backend,
                        String.join(", ", plugins.names(ExtensionPoint.CHAIN_BACKEND))));
        try {
            return provider.create(settings.build());
        } catch (RuntimeException e) {
            throw new CommandFailedException("chain (%s): %s", backend, e.getMessage());
        }
    }

    private Neuron registration(ChainBackend chain, Keypair key) {
        try {
            for (Neuron neuron : chain.metagraph(netuid)) {
                if (neuron.hotkey().equals(key.address())) {
                    return neuron;
                }
            }
            if (!register) {
                throw new CommandFailedException("hotkey %s/%s (%s) is not registered on subnet %d; register it, "
                        + "or start with --register", wallet, hotkey, key.address(), netuid);
            }
            return chain.register(netuid, key.address(), coldkeyAddress());
        } catch (IOException | RuntimeException e) {
            if (e instanceof CommandFailedException failed) {
                throw failed;
            }
            throw new CommandFailedException("chain: subnet %d: %s", netuid, e.getMessage());
        }
    }

    private String coldkeyAddress() {
        for (WalletEntry entry : wallets().list()) {
            if (entry.coldkey().equals(wallet)) {
                return entry.coldkeyAddress();
            }
        }
        throw new CommandFailedException("wallet: no coldkey '%s' in %s", wallet, wallets().root());
    }

    private String publishedHost() {
        if (axonHost != null) {
            return axonHost;
        }
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "127.0.0.1" : host;
    }
}
