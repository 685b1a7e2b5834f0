package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainBackendProvider;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.chain.ChainServer;
import io.mvtrx.runtime.metrics.Scrape;
import io.mvtrx.runtime.plugins.PluginHost;
import io.mvtrx.runtime.plugins.PluginRegistry;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.miner.MinerConfig;
import io.mvtrx.runtime.wire.miner.MinerServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code doc/grafana/mvtrx.json} against real scrapes: a chain served over HTTP, a miner and {@code mvtrx validator}
 * (querying the miner, writing weights to the chain, running GenTRX with its own gradient server) run on loopback; every metric name in the dashboard's PromQL
 * expressions must be in one of their {@code /metrics}, and every label the dashboard groups by or shows must be on
 * that metric's series.
 */
class GrafanaDashboardIT {

    private static final int NETUID = 79;
    private static final Path DASHBOARD = Path.of(System.getProperty("mvtrx.dashboard",
            "../../doc/grafana/mvtrx.json"));
    private static final Pattern EXPR = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern METRIC = Pattern.compile("\\bmvtrx_[a-z0-9_]+");
    private static final Pattern BY = Pattern.compile("\\bby \\(([a-z_, ]+)\\)");
    private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final Pattern SERVING = Pattern.compile("health and metrics on http://127\\.0\\.0\\.1:(\\d+);");

    @TempDir
    Path temp;

    /** Buys then sells 0.25 on book 0, alternately. */
    private static final class Trader implements TradingAgent {
        private int id;
        private boolean buy = true;

        @Override
        public void start(int agentId, SimulationInfo simulation) {
            id = agentId;
        }

        @Override
        public AgentResponse respond(StateUpdate state) {
            Side side = buy ? Side.BUY : Side.SELL;
            buy = !buy;
            return new AgentResponse(id, List.of(new PlaceMarket(0, side, 2_500, Currency.BASE, 0, 0, StpMode.CO, -1,
                    -2, 0, 0, 0)));
        }
    }

    /** One expression of the dashboard with the legend of its target. */
    record Target(String expr, String legend) {
    }

    static List<Target> targets(String dashboard) {
        Matcher expr = EXPR.matcher(dashboard);
        List<Target> targets = new ArrayList<>();
        while (expr.find()) {
            String text = expr.group(1).replace("\\\"", "\"");
            int legendAt = dashboard.indexOf("\"legendFormat\": \"", expr.end());
            String legend = legendAt < 0 ? "" : dashboard.substring(legendAt + 17, dashboard.indexOf('"',
                    legendAt + 17));
            targets.add(new Target(text, legend));
        }
        return targets;
    }

    @Test
    void everyMetricAndLabelOfTheDashboardIsExportedByARunningValidatorMinerOrChain() throws Exception {
        String dashboard = Files.readString(DASHBOARD);
        List<Target> targets = targets(dashboard);
        assertThat(targets).hasSizeGreaterThan(30);

        Scrape scrape = scrapeARunningSubnet();

        Set<String> missing = new TreeSet<>();
        for (Target target : targets) {
            Matcher metric = METRIC.matcher(target.expr());
            Set<String> names = new TreeSet<>();
            while (metric.find()) {
                names.add(metric.group());
            }
            assertThat(names).as("no mvtrx metric in %s", target.expr()).isNotEmpty();
            for (String name : names) {
                if (!scrape.names().contains(name)) {
                    missing.add(name + " (in " + target.expr() + ")");
                    continue;
                }
                Set<String> labels = new TreeSet<>();
                Matcher by = BY.matcher(target.expr());
                while (by.find()) {
                    for (String label : by.group(1).split(", *")) {
                        labels.add(label.strip());
                    }
                }
                Matcher legend = LEGEND_LABEL.matcher(target.legend());
                while (legend.find()) {
                    labels.add(legend.group(1));
                }
                // le is the histogram's; instance and job are added by Prometheus at scrape time
                labels.removeAll(Set.of("le", "instance", "job"));
                for (String label : labels) {
                    boolean labelled = scrape.samples().keySet().stream()
                            .anyMatch(series -> series.startsWith(name + "{" + label + "=\""));
                    if (!labelled) {
                        missing.add(name + "{" + label + "} (in " + target.expr() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("names or labels of the dashboard not in the scrapes of %s", scrape.names())
                .isEmpty();
    }

    /** The three scrapes of a validator, a miner and a chain on loopback, in one. */
    private Scrape scrapeARunningSubnet() throws Exception {
        Path config = CliTestFiles.smallConfig(temp);
        Path seed = CliTestFiles.tinyModelSeed(temp);
        Path walletDir = temp.resolve("wallets");
        WalletStore wallets = new WalletStore(walletDir);
        wallets.createColdkey("owner");
        Keypair validator = wallets.createHotkey("owner", "validator");
        Keypair minerKey = wallets.createHotkey("owner", "miner");
        StringBuilder text = new StringBuilder();
        try (PluginRegistry plugins = PluginHost.loadBuiltIns();
             ChainBackend chain = plugins.require(ChainBackendProvider.class, "local").create(
                     Settings.builder("chain").attribute("dir", temp.resolve("chain").toString()).build());
             ChainServer chainServer = ChainServer.start(chain, "127.0.0.1", 0);
             HttpClient http = HttpClient.newHttpClient()) {
            chain.register(NETUID, validator.address(), "owner");
            chain.addStake(NETUID, validator.address(), 1_000);
            chain.register(NETUID, minerKey.address(), "owner");
            try (MinerServer miner = MinerServer.start(MinerConfig.defaults(minerKey.address(), NETUID)
                    .withAddress("127.0.0.1", 0), new Trader(), chain, InstantSource.system())) {
                chain.serveAxon(NETUID, minerKey.address(), "127.0.0.1", miner.port());
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CommandLine line = MvtrxCommand.commandLine(new MvtrxCommand(
                        GrafanaDashboardIT.class.getClassLoader(), Map.of("MVTRX_HOME",
                        temp.resolve("home").toString())));
                line.setOut(new PrintWriter(out, true));
                line.setErr(new PrintWriter(err, true));
                CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> line.execute("validator",
                        "--config", config.toString(), "--wallet", "owner", "--hotkey", "validator", "--wallet-dir",
                        walletDir.toString(), "--chain", "http://127.0.0.1:" + chainServer.port(), "--host",
                        "127.0.0.1", "--port", "0", "--state-dir", temp.resolve("state").toString(), "--duration",
                        "300s", "--simulations", "1", "--scoring-window", "60s",
                        // GenTRX with its own gradient server, for the dashboard's GenTRX row
                        "--gentrx", "--gentrx-data-dir", temp.resolve("gentrx").toString(), "--gentrx-checkpoint",
                        seed.toString(), "--gentrx-evaluator", "order-model"));
                try {
                    int port = Integer.parseInt(awaitLine(out, run).group(1));
                    String validatorText;
                    // scrape until the validator has published and scored, so that every family has samples
                    while (true) {
                        validatorText = get(http, port);
                        Scrape scrape = Scrape.parse(validatorText);
                        if (scrape.require("mvtrx_validator_publishes_total") >= 3
                                && scrape.require("mvtrx_validator_scorings_total") >= 1) {
                            break;
                        }
                        assertThat(run).as("the validator ended early: %s %s", out, err).isNotDone();
                        Thread.sleep(100);
                    }
                    text.append(validatorText).append(get(http, miner.port())).append(get(http,
                            chainServer.port()));
                } finally {
                    // the run ends by itself after its one simulation
                    assertThat(run.get(5, TimeUnit.MINUTES)).as(err.toString()).isEqualTo(ExitCodes.OK);
                }
            }
        }
        return Scrape.parse(text.toString());
    }

    private static String get(HttpClient http, int port) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Matcher awaitLine(StringWriter out, CompletableFuture<Integer> run) throws Exception {
        while (true) {
            Matcher matcher = SERVING.matcher(out.toString());
            if (matcher.find()) {
                return matcher;
            }
            assertThat(run).as("the validator ended early: %s", out).isNotDone();
            Thread.sleep(50);
        }
    }
}
