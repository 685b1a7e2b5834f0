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
 * Issue 7: {@code mvtrx validator} in a child JVM, stopped with SIGTERM ({@link Process#destroy()}) in the middle of
 * a simulation after it handled a few publishes (read from its own {@code /metrics}): it finishes the step,
 * checkpoints, says so and exits 0; {@code --resume latest} then continues from exactly the publishes it had
 * handled. No timing is asserted: the test waits for lines, scrapes and the process.
 */
class ValidatorSigtermIT {

    private static final int NETUID = 79;
    private static final Pattern SERVING = Pattern.compile("health and metrics on http://127\\.0\\.0\\.1:(\\d+);");
    private static final Pattern FINAL_STATUS = Pattern.compile("\\| publishes (\\d+) \\|");

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

    @Test
    void sigtermFinishesTheStepCheckpointsExitsZeroAndTheRunResumes() throws Exception {
        Path config = CliTestFiles.smallConfig(temp);
        Path chainDir = temp.resolve("chain");
        Path walletDir = temp.resolve("wallets");
        Path state = temp.resolve("state");
        WalletStore wallets = new WalletStore(walletDir);
        wallets.createColdkey("owner");
        Keypair validator = wallets.createHotkey("owner", "validator");
        Keypair minerKey = wallets.createHotkey("owner", "miner");
        try (PluginRegistry plugins = PluginHost.loadBuiltIns();
             ChainBackend chain = plugins.require(ChainBackendProvider.class, "local").create(
                     Settings.builder("chain").attribute("dir", chainDir.toString()).build())) {
            chain.register(NETUID, validator.address(), "owner");
            chain.addStake(NETUID, validator.address(), 1_000);
            chain.register(NETUID, minerKey.address(), "owner");
            try (MinerServer miner = MinerServer.start(MinerConfig.defaults(minerKey.address(), NETUID)
                    .withAddress("127.0.0.1", 0), new Trader(), chain, InstantSource.system())) {
                chain.serveAxon(NETUID, minerKey.address(), "127.0.0.1", miner.port());
                sigtermThenResume(config, chainDir, walletDir, state);
            }
        }
    }

    private void sigtermThenResume(Path config, Path chainDir, Path walletDir, Path state) throws Exception {
        List<String> common = List.of("validator", "--config", config.toString(), "--wallet", "owner", "--hotkey",
                "validator", "--wallet-dir", walletDir.toString(), "--chain", chainDir.toString(), "--host",
                "127.0.0.1", "--port", "0", "--state-dir", state.toString());

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(common);
        command.addAll(List.of("--duration", "2h"));
        Path log = temp.resolve("child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        double handled;
        try {
            int port = Integer.parseInt(awaitLine(log, SERVING, child).group(1));
            handled = awaitPublishes(port, 3, child, log);
        } catch (Throwable e) {
            child.destroyForcibly();
            throw e;
        }
        child.destroy();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the validator stops after SIGTERM").isTrue();
        String out = Files.readString(log);
        assertThat(child.exitValue()).as(out).isZero();
        Path stateFile = state.resolve("validator-state.bin");
        assertThat(out).contains("stopping: finishing the step, then checkpointing",
                "stopped; state saved to " + stateFile);
        assertThat(stateFile).exists();
        assertThat(state.resolve("validator-state.bin.tmp")).doesNotExist();
        Matcher last = FINAL_STATUS.matcher(out.substring(out.lastIndexOf("sim ")));
        assertThat(last.find()).as(out).isTrue();
        long publishes = Long.parseLong(last.group(1));
        assertThat(publishes).isGreaterThanOrEqualTo((long) handled);

        List<String> resume = new ArrayList<>(common);
        resume.addAll(List.of("--resume", "latest", "--duration", "20s", "--simulations", "1"));
        StringWriter resumedOut = new StringWriter();
        StringWriter resumedErr = new StringWriter();
        CommandLine line = MvtrxCommand.commandLine(new MvtrxCommand(ValidatorSigtermIT.class.getClassLoader(),
                Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        line.setOut(new PrintWriter(resumedOut, true));
        line.setErr(new PrintWriter(resumedErr, true));
        int exit = line.execute(resume.toArray(new String[0]));

        assertThat(exit).as(resumedErr.toString()).isZero();
        assertThat(resumedOut.toString()).contains("resumed from " + stateFile + ": " + publishes + " publishes",
                "1 simulations so far", "simulation mvtrx-43: ");
    }

    /** Waits for a line of the child's output; fails with the output if the child exits first. */
    private static Matcher awaitLine(Path log, Pattern pattern, Process child) throws Exception {
        while (true) {
            Matcher matcher = pattern.matcher(Files.readString(log));
            if (matcher.find()) {
                return matcher;
            }
            assertThat(child.isAlive()).as("the validator exited early: %s", Files.readString(log)).isTrue();
            Thread.sleep(50);
        }
    }

    /** Scrapes the child's /metrics until it handled {@code at least} publishes; returns the count seen. */
    private static double awaitPublishes(int port, int atLeast, Process child, Path log) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            while (true) {
                String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                double publishes = Scrape.parse(body).require("mvtrx_validator_publishes_total");
                if (publishes >= atLeast) {
                    return publishes;
                }
                assertThat(child.isAlive()).as("the validator exited early: %s", Files.readString(log)).isTrue();
                Thread.sleep(50);
            }
        }
    }
}
