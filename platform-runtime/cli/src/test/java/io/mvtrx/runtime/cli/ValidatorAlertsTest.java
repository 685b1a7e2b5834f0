package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
import io.mvtrx.runtime.plugins.PluginHost;
import io.mvtrx.runtime.plugins.PluginRegistry;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.miner.MinerConfig;
import io.mvtrx.runtime.wire.miner.MinerServer;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: {@code mvtrx validator} with {@code --alert-webhook} and {@code --alert-pagerduty-key} pointed at a
 * loopback receiver fires the alerts of a real run: a miner slower than {@code --timeout} (miners timing out), a
 * validator whose {@code --weights-rate-limit} is below the chain's (the chain refuses its second weights), and a
 * miner that hangs once past {@code --alert-min-stall} (simulation stalled). {@code AlertMonitorTest} pins the
 * stall rule's arithmetic with a fake clock.
 */
class ValidatorAlertsTest {

    private static final int NETUID = 79;

    @TempDir
    Path temp;

    private WebServer receiver;
    private final List<String> received = Collections.synchronizedList(new ArrayList<>());

    private record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void startReceiver() {
        receiver = WebServer.builder().host("127.0.0.1").port(0).routing(HttpRouting.builder().post("/*",
                (req, res) -> {
                    received.add(req.path().path() + " " + req.content().as(String.class));
                    res.status(202).send();
                })).build().start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.port() + path;
    }

    private Run run(List<String> args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(
                ValidatorAlertsTest.class.getClassLoader(), Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(new String[0]));
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Buys then sells 0.25 on book 0, alternately, after {@code delay} (on every call, or on one). */
    private static final class Trader implements TradingAgent {
        private final Duration delay;
        private final int slowCall;
        private final Duration pace;
        private int id;
        private int calls;
        private boolean buy = true;

        Trader(Duration delay) {
            this(delay, 0, Duration.ZERO);
        }

        /**
         * Slow on call number {@code slowCall} only (1-based; 0: on every call); every other call takes {@code pace},
         * so the run lasts long enough in wall time for the monitor's once-a-second checks to see what follows.
         */
        Trader(Duration delay, int slowCall, Duration pace) {
            this.delay = delay;
            this.slowCall = slowCall;
            this.pace = pace;
        }

        @Override
        public void start(int agentId, SimulationInfo simulation) {
            id = agentId;
        }

        @Override
        public AgentResponse respond(StateUpdate state) {
            calls++;
            Duration wait = !delay.isZero() && (slowCall == 0 || calls == slowCall) ? delay : pace;
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Side side = buy ? Side.BUY : Side.SELL;
            buy = !buy;
            return new AgentResponse(id, List.of(new PlaceMarket(0, side, 2_500, Currency.BASE, 0, 0, StpMode.CO, -1,
                    -2, 0, 0, 0)));
        }
    }

    /** A local chain with a staked validator and one miner serving {@code agent}; runs the validator with args. */
    private Run validatorAgainst(TradingAgent agent, List<String> extra) throws Exception {
        Path config = CliTestFiles.smallConfig(temp);
        Path chainDir = temp.resolve("chain");
        Path walletDir = temp.resolve("wallets");
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
            // the miner's own agent deadline is left above the validator's, so that a slow agent is the
            // validator's timeout (a miner answers empty when its deadline passes)
            try (MinerServer miner = MinerServer.start(MinerConfig.defaults(minerKey.address(), NETUID)
                    .withAddress("127.0.0.1", 0).withAgentTimeout(Duration.ofSeconds(20)), agent, chain,
                    InstantSource.system())) {
                chain.serveAxon(NETUID, minerKey.address(), "127.0.0.1", miner.port());
                List<String> args = new ArrayList<>(List.of("validator", "--config", config.toString(), "--wallet",
                        "owner", "--hotkey", "validator", "--wallet-dir", walletDir.toString(), "--chain",
                        chainDir.toString(), "--port", "0", "--host", "127.0.0.1", "--state-dir",
                        temp.resolve("state").toString(), "--simulations", "1"));
                args.addAll(extra);
                return run(args);
            }
        }
    }

    @Test
    void aMinerSlowerThanTheTimeoutFiresMinersTimingOutToTheWebhookAndPagerDuty() throws Exception {
        Run run = validatorAgainst(new Trader(Duration.ofMillis(400)), List.of("--duration", "70s", "--timeout",
                "100ms", "--global-timeout", "150ms", "--alert-webhook", url("/hook"), "--alert-pagerduty-key",
                "R0UT1NGKEY", "--alert-pagerduty-url", url("/v2/enqueue")));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).as(run.err())
                .contains("ALERT: miners-timing-out: 1 of 1 miners timed out in one publish");
        assertThat(received).anySatisfy(body -> assertThat(body).startsWith("/hook {\"event\":\"trigger\","
                + "\"condition\":\"miners-timing-out\",\"severity\":\"warning\",\"summary\":\"1 of 1 miners timed "
                + "out in one publish\",\"source\":\"validator "));
        assertThat(received).anySatisfy(body -> assertThat(body).startsWith("/v2/enqueue {\"routing_key\":"
                + "\"R0UT1NGKEY\",\"event_action\":\"trigger\",\"dedup_key\":\"mvtrx/validator ")
                .contains("/miners-timing-out\""));
        // de-duplicated: per hook, triggers and resolves alternate (one incident while the condition lasts)
        for (String hook : List.of("/hook ", "/v2/enqueue ")) {
            List<Boolean> triggers = received.stream().filter(body -> body.startsWith(hook))
                    .map(body -> body.contains("\"trigger\"")).toList();
            for (int i = 0; i < triggers.size(); i++) {
                assertThat(triggers.get(i)).as("%s event %d of %s; output:%n%s", hook, i, triggers, run.out())
                        .isEqualTo(i % 2 == 0);
            }
        }
    }

    @Test
    void weightsRefusedByTheChainFireWeightsFailed() throws Exception {
        // The local chain allows one weight setting per 100 blocks; this validator tries at every scoring. The run goes
        // on for two more scorings after the first refusal, so the monitor's periodic check sees it however slowly
        // the run goes (at 300 s the refusal came at the last publish and a loaded machine could stop first).
        Run run = validatorAgainst(new Trader(Duration.ZERO), List.of("--duration", "420s", "--scoring-window",
                "60s", "--weights-rate-limit", "0", "--alert-webhook", url("/hook")));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).as(run.err()).containsPattern("ALERT: weights-failed: setting weights failed "
                + "\\(1 failure\\(s\\) so far, 1 success\\(es\\)\\)");
        assertThat(received).singleElement().satisfies(body -> assertThat(body).startsWith("/hook {\"event\":"
                + "\"trigger\",\"condition\":\"weights-failed\",\"severity\":\"error\",\"summary\":\"setting weights "
                + "failed (1 failure(s) so far, 1 success(es))\",\"source\":\"validator "));
    }

    /**
     * A miner that hangs once holds the step loop for the whole query deadline (6 s): with {@code --alert-min-stall
     * 1s} (and the default factor of 10 times the recent time per step, well under 6 s even in a cold JVM) the
     * watchdog reports a stall that the next step resolves. The trigger's details show steps had run (the stall is
     * inside the simulation, not its build).
     */
    @Test
    void aStepHeldLongerThanTheMinimumStallFiresSimulationStalledThenResolves() throws Exception {
        Run run = validatorAgainst(new Trader(Duration.ofMillis(6_500), 3, Duration.ofMillis(400)), List.of(
                "--duration", "70s",
                "--timeout", "6s", "--global-timeout", "7s", "--alert-min-stall", "1s", "--alert-webhook",
                url("/hook")));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).as(run.err()).containsPattern("ALERT: simulation-stalled: no simulation step for "
                + "[1-6] s \\(threshold [1-5] s\\)").contains("resolved: simulation-stalled: simulation steps again");
        List<String> stalls = received.stream().filter(body -> body.contains("\"condition\":\"simulation-stalled\""))
                .toList();
        // a trigger after steps had run, resolved by the next notification
        int trigger = -1;
        for (int i = 0; i < stalls.size() && trigger < 0; i++) {
            if (stalls.get(i).startsWith("/hook {\"event\":\"trigger\"")
                    && Pattern.compile("\"steps\":[1-9]").matcher(stalls.get(i)).find()) {
                trigger = i;
            }
        }
        assertThat(trigger).as("a stall trigger with steps run, in %s; output:%n%s", stalls, run.out())
                .isNotNegative();
        assertThat(stalls).hasSizeGreaterThan(trigger + 1);
        assertThat(stalls.get(trigger + 1)).startsWith("/hook {\"event\":\"resolve\"");
    }

    @Test
    void badAlertOptionsAreUsageErrorsNamingTheOption() {
        Run share = run(List.of("validator", "--config", "x.xml", "--wallet", "w", "--hotkey", "h", "--chain", "c",
                "--alert-timeout-share", "1.5"));
        Run webhook = run(List.of("validator", "--config", "x.xml", "--wallet", "w", "--hotkey", "h", "--chain", "c",
                "--alert-webhook", "ftp://example.org/x"));
        Run factor = run(List.of("validator", "--config", "x.xml", "--wallet", "w", "--hotkey", "h", "--chain", "c",
                "--alert-stall-factor", "0.5"));

        assertThat(share.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(share.err()).startsWith("--alert-timeout-share must be in [0, 1), got 1.5");
        assertThat(webhook.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(webhook.err()).startsWith("--alert-webhook must be an http:// or https:// URL, got "
                + "'ftp://example.org/x'");
        assertThat(factor.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(factor.err()).startsWith("--alert-stall-factor must be >= 1, got 0.5");
    }
}
