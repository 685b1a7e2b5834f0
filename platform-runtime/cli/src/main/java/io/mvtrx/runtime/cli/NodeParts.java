package io.mvtrx.runtime.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainBackendProvider;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.spi.trading.TradingAgentProvider;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.bittensor.keys.wallet.BtWallets;
import io.mvtrx.runtime.bittensor.keys.wallet.KeyfileCodec;
import io.mvtrx.runtime.bittensor.keys.wallet.KeyfileException;
import io.mvtrx.runtime.config.ConfigException;
import io.mvtrx.runtime.config.ConfigProblem;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.exchange.replay.JsonWriter;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.validator.node.LoopStats;
import io.mvtrx.runtime.validator.node.MinerReport;
import io.mvtrx.runtime.validator.node.ValidatorNode;

/**
 * What {@code mvtrx proxy}, {@code mvtrx validator} and {@code mvtrx localnet} share: the configuration source, trading
 * agents and chains found by name, the status line, and the JSON of a miner's scores.
 */
final class NodeParts {

    private static final long LINE_INTERVAL_NANOS = 500_000_000L;

    private NodeParts() {
    }

    /**
     * The configuration from {@code file}, or the embedded live configuration when null; read again at every call
     * (the validator reloads it at each simulation end).
     */
    static ValidatorNode.ConfigSource source(Path file, PluginCatalog catalog) {
        return () -> {
            if (file == null) {
                try (InputStream embedded = SimulationConfigs.embeddedDefault()) {
                    return SimulationConfigs.load(SimulationConfigs.EMBEDDED_DEFAULT_NAME, embedded, catalog);
                }
            }
            return SimulationConfigs.load(file, catalog);
        };
    }

    /** Loads the first configuration; an invalid one prints every problem on stderr and fails the command. */
    static SimulationConfig first(ValidatorNode.ConfigSource source, Path file, PrintWriter stderr) {
        return first(source, file == null ? SimulationConfigs.EMBEDDED_DEFAULT_NAME : file.toString(), stderr);
    }

    /** As {@link #first(ValidatorNode.ConfigSource, Path, PrintWriter)}, the source named {@code name}. */
    static SimulationConfig first(ValidatorNode.ConfigSource source, String name, PrintWriter stderr) {
        try {
            return source.load();
        } catch (ConfigException e) {
            for (ConfigProblem problem : e.problems()) {
                stderr.println(name + ": " + problem.format());
            }
            stderr.flush();
            throw new CommandFailedException("%s", e.getMessage().lines().findFirst().orElse("invalid configuration"));
        } catch (IOException | UncheckedIOException e) {
            throw new CommandFailedException("cannot read the configuration %s: %s", name, e.getMessage());
        }
    }

    /** {@code k=v} pairs as the settings of agent {@code name}; a pair without '=' fails the command. */
    static Settings agentSettings(String name, List<String> pairs) {
        Settings.Builder settings = Settings.builder(name);
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new CommandFailedException("--agent-params: '%s' is not key=value", pair);
            }
            settings.attribute(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return settings.build();
    }

    /**
     * Creates the trading agent {@code name} with {@code params}. With {@code strict}, a parameter the agent does not
     * declare fails the command (a typo would otherwise silently keep a default).
     */
    static TradingAgent agent(PluginCatalog catalog, String name, List<String> params, boolean strict) {
        TradingAgentProvider provider = catalog.find(TradingAgentProvider.class, name).orElseThrow(() ->
                new CommandFailedException("unknown trading agent '%s'; loaded: %s", name,
                        names(catalog, ExtensionPoint.TRADING_AGENT)));
        Settings settings = agentSettings(name, params);
        if (strict) {
            for (String key : settings.attributes().keySet()) {
                if (provider.parameters().parameter(key).isEmpty()) {
                    throw new CommandFailedException("trading agent '%s' has no parameter '%s'; it takes: %s", name,
                            key, provider.parameters().parameters().isEmpty() ? "none"
                                    : String.join(", ", new TreeMap<>(provider.parameters().parameters()).keySet()));
                }
            }
        }
        List<String> problems = provider.parameters().check(settings);
        if (!problems.isEmpty()) {
            throw new CommandFailedException("trading agent '%s': %s", name, String.join("; ", problems));
        }
        try {
            return provider.create(settings);
        } catch (RuntimeException e) {
            throw new CommandFailedException("trading agent '%s' refused its parameters: %s", name, e.getMessage());
        }
    }

    /**
     * Opens a chain: an {@code http(s)://} URL is a chain served by {@code mvtrx chain} (the {@code remote} backend,
     * writes signed by {@code wallet}/{@code hotkey}); anything else is the folder of a {@code local} chain.
     */
    static ChainBackend chain(PluginCatalog catalog, String spec, Path walletDir, String wallet, String hotkey) {
        boolean remote = spec.startsWith("http://") || spec.startsWith("https://");
        String backend = remote ? "remote" : "local";
        ChainBackendProvider provider = catalog.find(ChainBackendProvider.class, backend).orElseThrow(() ->
                new CommandFailedException("chain backend '%s' is not loaded; loaded: %s", backend,
                        names(catalog, ExtensionPoint.CHAIN_BACKEND)));
        Settings.Builder settings = Settings.builder("chain");
        if (remote) {
            settings.attribute("url", spec).attribute("wallet", wallet).attribute("hotkey", hotkey);
            if (walletDir != null) {
                settings.attribute("walletDir", walletDir.toString());
            }
        } else {
            settings.attribute("dir", spec);
        }
        try {
            return provider.create(settings.build());
        } catch (RuntimeException e) {
            throw new CommandFailedException("cannot open the %s chain %s: %s", backend, spec, e.getMessage());
        }
    }

    /**
     * A chain to read only (metagraph, commitments): {@code mvtrx chain}'s URL, a local chain's folder, or
     * {@code subtensor} on {@code network} (finney, test, local or a ws:// URL).
     */
    static ChainBackend readOnlyChain(PluginCatalog catalog, String spec, String network) {
        if (SUBTENSOR.equals(spec)) {
            ChainBackendProvider provider = catalog.find(ChainBackendProvider.class, SUBTENSOR).orElseThrow(() ->
                    new CommandFailedException("chain backend '%s' is not loaded; loaded: %s", SUBTENSOR,
                            names(catalog, ExtensionPoint.CHAIN_BACKEND)));
            try {
                return provider.create(Settings.builder("chain").attribute("network", network).build());
            } catch (RuntimeException e) {
                throw new CommandFailedException("cannot open the subtensor chain %s: %s", network, e.getMessage());
            }
        }
        boolean remote = spec.startsWith("http://") || spec.startsWith("https://");
        String backend = remote ? "remote" : "local";
        ChainBackendProvider provider = catalog.find(ChainBackendProvider.class, backend).orElseThrow(() ->
                new CommandFailedException("chain backend '%s' is not loaded; loaded: %s", backend,
                        names(catalog, ExtensionPoint.CHAIN_BACKEND)));
        try {
            return provider.create(Settings.builder("chain").attribute(remote ? "url" : "dir", spec).build());
        } catch (RuntimeException e) {
            throw new CommandFailedException("cannot open the %s chain %s: %s", backend, spec, e.getMessage());
        }
    }

    /** The {@code --chain} value that selects Bittensor's chain (with {@code --network}). */
    static final String SUBTENSOR = "subtensor";

    /**
     * Opens Bittensor's chain ({@code subtensor} backend) on {@code network} (finney, test, local or a ws:// URL),
     * writes signed by the btwallet hotkey {@code wallet}/{@code hotkey} under {@code walletDir} (default
     * {@code $BT_WALLET_PATH} or ~/.bittensor/wallets).
     */
    static ChainBackend subtensor(PluginCatalog catalog, String network, Path walletDir, String wallet,
                                  String hotkey) {
        ChainBackendProvider provider = catalog.find(ChainBackendProvider.class, SUBTENSOR).orElseThrow(() ->
                new CommandFailedException("chain backend '%s' is not loaded; loaded: %s", SUBTENSOR,
                        names(catalog, ExtensionPoint.CHAIN_BACKEND)));
        Settings.Builder settings = Settings.builder("chain").attribute("network", network)
                .attribute("wallet", wallet).attribute("hotkey", hotkey);
        if (walletDir != null) {
            settings.attribute("walletDir", walletDir.toString());
        }
        try {
            return provider.create(settings.build());
        } catch (RuntimeException e) {
            throw new CommandFailedException("cannot open the subtensor chain %s: %s", network, e.getMessage());
        }
    }

    /**
     * The sr25519 hotkey {@code wallet}/{@code hotkey} of the btwallet layout under {@code walletDir} (default
     * {@code $BT_WALLET_PATH} or ~/.bittensor/wallets); an encrypted one is opened with its {@code BT_PW_…} variable.
     */
    static Sr25519Keypair btHotkey(Map<String, String> environment, Path walletDir, String wallet, String hotkey) {
        BtWallets wallets = new BtWallets(walletDir != null ? walletDir
                : BtWallets.defaultRoot(environment, Path.of(System.getProperty("user.home"))));
        try {
            return wallets.hotkey(wallet, hotkey, KeyfileCodec.environmentPasswords(environment)).keypair()
                    .orElseThrow(() -> new CommandFailedException("hotkey %s/%s under %s holds no secret key",
                            wallet, hotkey, wallets.root()));
        } catch (KeyfileException e) {
            throw new CommandFailedException("cannot read hotkey %s/%s under %s: %s", wallet, hotkey, wallets.root(),
                    e.getMessage());
        }
    }

    static String names(PluginCatalog catalog, ExtensionPoint point) {
        List<String> names = catalog.names(point);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** {@code hh:mm:ss} of simulated nanoseconds. */
    static String clock(long nanos) {
        return SimulateCommand.clock(nanos);
    }

    /** The refusal counts, {@code REASON n, ...}, or {@code none}. */
    static String refusals(LoopStats stats) {
        if (stats.refused().isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(stats.refused()).forEach((reason, n) -> parts.add(reason.name() + " " + n));
        return String.join(", ", parts);
    }

    /** A number for JSON: NaN and infinities are {@code null}. */
    static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.10g", value) : "null";
    }

    /** A miner's scores as a JSON object (kappa and pnl per book, the scores, and {@code extra} fields first). */
    static String reportJson(MinerReport report, Map<String, String> extra) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, String> e : extra.entrySet()) {
            JsonWriter.appendQuoted(out, e.getKey());
            out.append(": ").append(e.getValue()).append(", ");
        }
        out.append("\"uid\": ").append(report.uid()).append(", \"books\": [");
        double[] kappa = report.kappa();
        double[] pnl = report.pnl();
        for (int b = 0; b < kappa.length; b++) {
            out.append(b == 0 ? "" : ", ").append("{\"book\": ").append(b).append(", \"kappa\": ")
                    .append(number(kappa[b])).append(", \"pnl\": ").append(number(pnl[b])).append('}');
        }
        out.append("], \"kappaScore\": ").append(number(report.kappaScore()))
                .append(", \"pnlScore\": ").append(number(report.pnlScore()))
                .append(", \"tradingScore\": ").append(number(report.tradingScore()))
                .append(", \"reward\": ").append(number(report.reward()))
                .append(", \"score\": ").append(number(report.score())).append('}');
        return out.toString();
    }

    /** The loop's counters as a JSON object. */
    static String statsJson(LoopStats s) {
        StringBuilder out = new StringBuilder("{");
        out.append("\"publishes\": ").append(s.publishes()).append(", \"scorings\": ").append(s.scorings())
                .append(", \"queries\": ").append(s.queried()).append(", \"answered\": ").append(s.answered())
                .append(", \"timeouts\": ").append(s.timeouts()).append(", \"refusedQueries\": ")
                .append(s.refusedQueries()).append(", \"failedQueries\": ").append(s.failedQueries())
                .append(", \"acceptedInstructions\": ").append(s.accepted()).append(", \"refusedInstructions\": {");
        int i = 0;
        for (Map.Entry<RejectReason, Long> e : new TreeMap<>(s.refused()).entrySet()) {
            out.append(i++ == 0 ? "" : ", ");
            JsonWriter.appendQuoted(out, e.getKey().name());
            out.append(": ").append(e.getValue());
        }
        out.append("}, \"weightsSet\": ").append(s.weightsSet()).append(", \"checkpoints\": ")
                .append(s.checkpoints()).append('}');
        return out.toString();
    }

    /** A JSON string literal. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder();
        JsonWriter.appendQuoted(out, value);
        return out.toString();
    }

    /** Writes {@code text} to {@code file}, creating its folder; a failure fails the command naming the file. */
    static void write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write %s: %s", file, e.getMessage());
        }
    }

    /** A line on stderr rewritten in place with a carriage return, at most every half second. */
    static final class StatusLine {
        private final PrintWriter err;
        private long lastPrinted = System.nanoTime();
        private int width;

        StatusLine(PrintWriter err) {
            this.err = err;
        }

        /** Whether it is time to print again. */
        boolean due() {
            return System.nanoTime() - lastPrinted >= LINE_INTERVAL_NANOS;
        }

        void print(String text) {
            lastPrinted = System.nanoTime();
            int pad = Math.max(0, width - text.length());
            width = text.length();
            err.print("\r" + text + " ".repeat(pad));
            err.flush();
        }

        void finish(String text) {
            print(text);
            err.println();
            err.flush();
        }
    }
}
