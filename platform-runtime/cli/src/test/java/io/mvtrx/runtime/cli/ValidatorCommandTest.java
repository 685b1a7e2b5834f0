package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvtrx validator} against a local chain folder with one miner serving on loopback: two simulations back to
 * back, a checkpoint, then a second process resuming from it.
 */
class ValidatorCommandTest {

    private static final int NETUID = 79;

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(
                ValidatorCommandTest.class.getClassLoader(), Map.of("MVTRX_HOME", temp.resolve("home").toString())));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** Buys then sells 0.25 on every book, alternately. */
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
                    -2, 0, 0, 0), new PlaceMarket(1, side, 2_500, Currency.BASE, 0, 0, StpMode.CO, -1, -2, 0, 0, 0)));
        }
    }

    @Test
    void validatesTwoSimulationsThenResumesFromItsCheckpoint() throws Exception {
        Path config = CliTestFiles.smallConfig(temp);
        Path chainDir = temp.resolve("chain");
        Path walletDir = temp.resolve("wallets");
        Path state = temp.resolve("state");
        WalletStore wallets = new WalletStore(walletDir);
        wallets.createColdkey("owner");
        Keypair validator = wallets.createHotkey("owner", "validator");
        Keypair minerKey = wallets.createHotkey("owner", "miner");
        wallets.createHotkey("owner", "stranger");
        try (PluginRegistry plugins = PluginHost.loadBuiltIns();
             ChainBackend chain = plugins.require(ChainBackendProvider.class, "local").create(
                     Settings.builder("chain").attribute("dir", chainDir.toString()).build())) {
            chain.register(NETUID, validator.address(), "owner");
            chain.addStake(NETUID, validator.address(), 1_000);
            chain.register(NETUID, minerKey.address(), "owner");
            try (MinerServer miner = MinerServer.start(MinerConfig.defaults(minerKey.address(), NETUID)
                    .withAddress("127.0.0.1", 0), new Trader(), chain, InstantSource.system())) {
                chain.serveAxon(NETUID, minerKey.address(), "127.0.0.1", miner.port());
                String[] common = {"validator", "--config", config.toString(), "--wallet", "owner",
                    "--wallet-dir", walletDir.toString(), "--chain", chainDir.toString(), "--port", "0",
                    "--host", "127.0.0.1", "--state-dir", state.toString(), "--duration", "70s"};

                Run first = run(concat(common, "--hotkey", "validator", "--simulations", "2"));

                assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
                assertThat(first.out()).contains("validator " + validator.address() + " (uid 0) on subnet 79 of "
                                + chainDir, "simulation mvtrx-42: 1 block(s) x 2 books, 4 remote accounts, seed 42",
                        "configuration reloaded and valid; the next simulation uses it",
                        "simulation mvtrx-43: 1 block(s) x 2 books, 4 remote accounts, seed 43",
                        "| publishes 22 | miners 1/1 answering |", "stopped; state saved to "
                                + state.resolve("validator-state.bin"));
                assertThat(state.resolve("validator-state.bin")).exists();

                Run second = run(concat(common, "--hotkey", "validator", "--simulations", "1", "--resume",
                        "latest"));
                assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.OK);
                assertThat(second.out()).contains("resumed from " + state.resolve("validator-state.bin")
                                + ": 22 publishes, 6 scorings, 2 simulations so far",
                        "simulation mvtrx-44: 1 block(s) x 2 books, 4 remote accounts, seed 44",
                        "| publishes 33 | miners 1/1 answering |");

                Run stranger = run(concat(common, "--hotkey", "stranger"));
                assertThat(stranger.exitCode()).isEqualTo(ExitCodes.FAILED);
                assertThat(stranger.err()).contains("mvtrx: hotkey owner/stranger (", ") is not registered on subnet "
                        + "79 of " + chainDir);
            }
        }
    }

    /** {@code --register --stake}: a development chain's validator registers and stakes itself once. */
    @Test
    void registersAndStakesItselfOnALocalChainOnce() throws Exception {
        Path config = CliTestFiles.smallConfig(temp);
        Path chainDir = temp.resolve("chain");
        Path walletDir = temp.resolve("wallets");
        WalletStore wallets = new WalletStore(walletDir);
        wallets.createColdkey("owner");
        Keypair validator = wallets.createHotkey("owner", "validator");
        String[] args = {"validator", "--config", config.toString(), "--wallet", "owner", "--hotkey", "validator",
            "--wallet-dir", walletDir.toString(), "--chain", chainDir.toString(), "--port", "0", "--host",
            "127.0.0.1", "--state-dir", temp.resolve("state").toString(), "--duration", "5s", "--simulations", "1"};

        Run unregistered = run(args);
        Run first = run(concat(args, "--register", "--stake", "1000"));
        Run again = run(concat(args, "--register", "--stake", "1000"));

        assertThat(unregistered.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(unregistered.err()).endsWith(") is not registered on subnet 79 of " + chainDir + "; register it, or "
                + "start with --register\n");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("registered hotkey owner/validator as uid 0 on subnet 79\n",
                "staked 1000 on uid 0 (now 1000)\n", "validator " + validator.address() + " (uid 0)");
        assertThat(first.err()).doesNotContain("no validator permit");
        assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).doesNotContain("registered hotkey", "staked ");
        try (PluginRegistry plugins = PluginHost.loadBuiltIns();
             ChainBackend chain = plugins.require(ChainBackendProvider.class, "local").create(
                     Settings.builder("chain").attribute("dir", chainDir.toString()).build())) {
            assertThat(chain.metagraph(NETUID)).singleElement().satisfies(neuron -> {
                assertThat(neuron.hotkey()).isEqualTo(validator.address());
                assertThat(neuron.stake()).isEqualTo(1000);
                assertThat(neuron.validatorPermit()).isTrue();
            });
        }
    }

    /**
     * {@code --gentrx} without {@code --gradient-server}: the validator runs a gradient server in its process, fed
     * with its publishes, its state under the validator's, stopped (and persisted) with it.
     */
    @Test
    void withGentrxAndNoServerUrlRunsItsOwnGradientServer() throws Exception {
        Path config = CliTestFiles.smallConfig(temp);
        Path seed = CliTestFiles.tinyModelSeed(temp);
        Path walletDir = temp.resolve("wallets");
        WalletStore wallets = new WalletStore(walletDir);
        wallets.createColdkey("owner");
        wallets.createHotkey("owner", "validator");
        Path state = temp.resolve("state");
        String[] args = {"validator", "--config", config.toString(), "--wallet", "owner", "--hotkey", "validator",
            "--wallet-dir", walletDir.toString(), "--chain", temp.resolve("chain").toString(), "--port", "0",
            "--host", "127.0.0.1", "--state-dir", state.toString(), "--duration", "5s", "--simulations", "1",
            "--register", "--stake", "1000", "--gentrx"};

        Run noStore = run(args);
        Run noSeed = run(concat(args, "--gentrx-data-dir", temp.resolve("data").toString()));
        Run ran = run(concat(args, "--gentrx-data-dir", temp.resolve("data").toString(), "--gentrx-checkpoint",
                seed.toString(), "--gentrx-evaluator", "order-model"));

        assertThat(noStore.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(noStore.err()).contains("--gentrx without --gradient-server runs a gradient server here: give "
                + "--gentrx-data-dir DIR");
        assertThat(noSeed.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(noSeed.err()).contains("--gentrx-checkpoint FILE is required: " + state.resolve("gradient-server")
                + " holds no model yet");
        assertThat(ran.exitCode()).as(ran.err()).isEqualTo(ExitCodes.OK);
        assertThat(ran.out()).containsPattern("GenTRX: ticks to http://127\\.0\\.0\\.1:\\d+/gentrx, rounds every 25 "
                + "blocks");
        // the server's round state and ingest staging, persisted when the validator stopped
        assertThat(state.resolve("gradient-server/state.json")).isRegularFile();
    }

    /**
     * The owner publishes the configuration to an fs store ({@code config publish}); the validator runs it from
     * there ({@code --config-object}). An invalid file is not published; the flags are checked first.
     */
    @Test
    void runsAConfigurationPublishedToAStore() throws Exception {
        Path config = CliTestFiles.smallConfig(temp);
        Path store = temp.resolve("store");
        String[] storage = {"--storage", "fs", "--storage-param", "root=" + store};
        Run published = run(concat(new String[] {"config", "publish", config.toString(), "--key", "owner/sim.xml"},
                storage));
        assertThat(published.exitCode()).as(published.err()).isEqualTo(ExitCodes.OK);
        assertThat(published.out()).isEqualTo(config + ": valid; published as owner/sim.xml to storage fs root="
                + store + " (" + Files.size(config) + " bytes)\n");
        assertThat(store.resolve("owner/sim.xml")).hasSameBinaryContentAs(config);

        Path broken = temp.resolve("broken.xml");
        Files.writeString(broken, Files.readString(config).replace("type=\"dynamic\"", "type=\"nosuchfees\""));
        Run refused = run(concat(new String[] {"config", "publish", broken.toString(), "--key", "owner/next.xml"},
                storage));
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("unknown fee policy 'nosuchfees'", "1 problem; nothing published");
        assertThat(store.resolve("owner/next.xml")).doesNotExist();

        Run typo = run("config", "publish", config.toString(), "--key", "k", "--storage", "fs", "--storage-param",
                "rot=/tmp");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(typo.err()).contains("storage backend 'fs' has no parameter 'rot'; it takes: root");

        Run both = run("validator", "--config", config.toString(), "--config-object", "owner/sim.xml", "--wallet",
                "w", "--hotkey", "h", "--chain", temp.resolve("nochain").toString());
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("give the configuration as --config FILE or as --config-object KEY");

        Path chainDir = temp.resolve("chain");
        Path walletDir = temp.resolve("wallets");
        WalletStore wallets = new WalletStore(walletDir);
        wallets.createColdkey("owner");
        Keypair validator = wallets.createHotkey("owner", "validator");
        try (PluginRegistry plugins = PluginHost.loadBuiltIns();
             ChainBackend chain = plugins.require(ChainBackendProvider.class, "local").create(
                     Settings.builder("chain").attribute("dir", chainDir.toString()).build())) {
            chain.register(NETUID, validator.address(), "owner");
            chain.addStake(NETUID, validator.address(), 1_000);
        }
        Run missing = run(concat(new String[] {"validator", "--config-object", "owner/none.xml", "--wallet", "owner",
            "--hotkey", "validator", "--wallet-dir", walletDir.toString(), "--chain", chainDir.toString(), "--port",
            "0", "--host", "127.0.0.1", "--state-dir", temp.resolve("state0").toString()}, storage));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err()).contains("cannot read the configuration owner/none.xml in storage fs root=" + store
                + ": no configuration owner/none.xml in storage fs root=" + store);

        Run ran = run(concat(new String[] {"validator", "--config-object", "owner/sim.xml", "--wallet", "owner",
            "--hotkey", "validator", "--wallet-dir", walletDir.toString(), "--chain", chainDir.toString(), "--port",
            "0", "--host", "127.0.0.1", "--state-dir", temp.resolve("state").toString(), "--duration", "70s",
            "--simulations", "1"}, storage));
        assertThat(ran.exitCode()).as(ran.err()).isEqualTo(ExitCodes.OK);
        assertThat(ran.out()).contains("simulation mvtrx-42: 1 block(s) x 2 books, 4 remote accounts, seed 42",
                "stopped; state saved to ");
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
