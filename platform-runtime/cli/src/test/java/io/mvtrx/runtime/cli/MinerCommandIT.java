package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.trading.support.Instructions;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.plugin.chain.local.LocalChainProvider;
import io.mvtrx.runtime.chain.ChainServer;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;
import io.mvtrx.runtime.wire.validator.MinerResult;
import io.mvtrx.runtime.wire.validator.MinerTarget;
import io.mvtrx.runtime.wire.validator.ResultKind;
import io.mvtrx.runtime.wire.validator.Step;
import io.mvtrx.testkit.trading.TradingStates;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static io.mvtrx.testkit.trading.TradingStates.BASE;
import static io.mvtrx.testkit.trading.TradingStates.QUOTE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvtrx miner} through the command's own start path, against a chain served in-process by {@code mvtrx
 * chain}'s server on loopback, queried by the wire's validator client as a validator with a permit would. The built-in
 * example agents (InventoryMakerAgent, RandomMakerAgent) and the local chain plugin are on this class path; an agent
 * JAR is dropped in the agents folder.
 */
class MinerCommandIT {

    private static final int NETUID = 79;

    @TempDir
    Path temp;

    private Path home;
    private Path wallets;
    private Keypair validator;
    private Keypair minerKey;
    private ChainBackend chain;
    private ChainServer chainServer;
    private Fanout fanout;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void subnet() throws Exception {
        home = Files.createDirectories(temp.resolve("home"));
        Files.createDirectories(home.resolve("plugins"));
        MinerCommandTest.writeEchoBidAgent(Files.createDirectories(home.resolve("agents")));
        wallets = temp.resolve("wallets");
        WalletStore store = new WalletStore(wallets);
        store.createColdkey("owner");
        validator = store.createHotkey("owner", "validator");
        minerKey = store.createHotkey("owner", "miner");
        chain = new LocalChainProvider().create(Settings.builder("chain")
                .attribute("dir", temp.resolve("chain").toString()).build());
        chain.register(NETUID, validator.address(), "owner");
        chain.addStake(NETUID, validator.address(), 1_000);
        chainServer = ChainServer.start(chain, "127.0.0.1", 0);
        // Generous deadlines: the first call warms up gRPC on both sides, slow on a busy build machine.
        fanout = new Fanout(validator, FanoutConfig.DEFAULTS.withTimeouts(Duration.ofSeconds(30),
                Duration.ofSeconds(40)), InstantSource.system());
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        if (fanout != null) {
            fanout.close();
        }
        if (chainServer != null) {
            chainServer.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    private CommandLine commandLine(StringWriter out, StringWriter err) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(MinerCommandIT.class.getClassLoader(),
                Map.of("MVTRX_HOME", home.toString())));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    private List<String> args(String... extra) {
        List<String> args = new ArrayList<>(List.of("miner", "--wallet-dir", wallets.toString(), "--wallet", "owner",
                "--hotkey", "miner", "--host", "127.0.0.1", "--port", "0", "--agent-timeout-ms", "30000",
                "--chain", "http://127.0.0.1:" + chainServer.port()));
        args.addAll(List.of(extra));
        return args;
    }

    /** Parses the arguments as {@code bin/mvtrx} would and starts the miner without waiting for a signal. */
    private MinerCommand.RunningMiner startMiner(StringWriter out, List<String> args) {
        CommandLine.ParseResult parsed = commandLine(out, new StringWriter()).parseArgs(args.toArray(String[]::new));
        MinerCommand command = (MinerCommand) parsed.subcommand().commandSpec().userObject();
        MinerCommand.RunningMiner miner = command.start();
        open.add(miner);
        return miner;
    }

    /** The miner as the chain lists it: its uid and published axon. */
    private MinerTarget target() throws Exception {
        for (Neuron neuron : chain.metagraph(NETUID)) {
            if (neuron.hotkey().equals(minerKey.address())) {
                return MinerTarget.of(neuron.uid(), neuron.hotkey(), neuron.axon());
            }
        }
        throw new AssertionError("the miner is not on the metagraph");
    }

    /** Two books 299.90 / 300.10; the miner holds 10 base and 3000 quote on each and has one notice. */
    private static Step step(int uid) {
        List<TradingStates.AccountBuilder> accounts = List.of(
                TradingStates.account(uid, 0).base(10 * BASE).quote(3_000 * QUOTE),
                TradingStates.account(uid, 1).base(10 * BASE).quote(3_000 * QUOTE));
        var state = TradingStates.state(5_000_000_000L)
                .book(TradingStates.book(0).bid(29_990, 3 * BASE).ask(30_010, BASE))
                .book(TradingStates.book(1).bid(29_990, BASE).ask(30_010, 2 * BASE));
        accounts.forEach(state::account);
        var built = state.build();
        List<Notice> notices = List.of(new io.mvtrx.api.notice.SimulationStarted(0, "sim-1"));
        return new Step(built.timestamp(), built.simulation(), built.books(), Map.of(uid, built.accounts()),
                Map.of(uid, notices));
    }

    private List<String> gentrxArgs(String readSecret) {
        return List.of("--agent", "InventoryMakerAgent", "--register", "--gentrx", "--gentrx-model", "tiny",
                "--gentrx-credentials", temp.resolve("gentrx.properties").toString(),
                "--gentrx-pending-dir", temp.resolve("pending").toString(),
                "--gtx-s3-account-id", "0123456789abcdef0123456789abcdef",
                "--gtx-s3-endpoint-url", "http://127.0.0.1:9", "--gtx-s3-access-key", "writer-key",
                "--gtx-s3-secret-key", "writer-secret-never-printed", "--gtx-s3-read-access-key", "R".repeat(32),
                "--gtx-s3-read-secret-key", readSecret);
    }

    @Test
    void withGentrxTheMinerCommitsItsBucketsReadKeyOnChainOnlyWhenItChanged() throws Exception {
        String secret = "s".repeat(64);
        List<String> first = new ArrayList<>(args());
        first.addAll(gentrxArgs(secret));
        StringWriter out = new StringWriter();
        MinerCommand.RunningMiner miner = startMiner(out, first);

        // account id (32, space-padded) + read key id (32) + read secret (64): what validators decode
        assertThat(chain.commitment(NETUID, minerKey.address()))
                .hasValue("0123456789abcdef0123456789abcdef" + "R".repeat(32) + secret);
        assertThat(out.toString()).contains("GenTRX: training the tiny model into bucket "
                + "0123456789abcdef0123456789abcdef at http://127.0.0.1:9; read key committed on chain")
                .doesNotContain("writer-secret-never-printed");
        miner.close();
        open.remove(miner);

        StringWriter again = new StringWriter();
        MinerCommand.RunningMiner second = startMiner(again, first);
        second.close();
        open.remove(second);
        assertThat(again.toString()).contains("; read key already on chain");

        List<String> rotated = new ArrayList<>(args());
        rotated.addAll(gentrxArgs("t".repeat(64)));
        StringWriter third = new StringWriter();
        startMiner(third, rotated);
        assertThat(third.toString()).contains("; read key committed on chain");
        assertThat(chain.commitment(NETUID, minerKey.address())).hasValueSatisfying(c -> assertThat(c)
                .endsWith("t".repeat(64)).hasSize(128));
    }

    @Test
    void withGentrxButNoCredentialsTheMinerRefusesNamingWhatIsMissingAndWhereToGiveIt() {
        List<String> bare = new ArrayList<>(args("--agent", "InventoryMakerAgent", "--register", "--gentrx",
                "--gentrx-model", "tiny", "--gentrx-credentials", temp.resolve("none.properties").toString()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> startMiner(new StringWriter(), bare))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageStartingWith("--gentrx: GenTRX miner credentials missing: account_id, access_key, "
                        + "secret_key, read_access_key, read_secret_key. Give them as flags (--gtx-s3-account-id")
                .hasMessageContaining("GENTRX_AGENT_S3_ACCOUNT_ID")
                .hasMessageContaining(temp.resolve("none.properties").toString());
    }

    @Test
    void servesABuiltInAgentRegisteredAndPublishedOnTheChain() throws Exception {
        StringWriter out = new StringWriter();
        MinerCommand.RunningMiner miner = startMiner(out, args("--agent", "InventoryMakerAgent", "--register"));
        MinerTarget target = target();

        List<MinerResult> results = fanout.query(step(target.uid()), List.of(target));

        assertThat(target.uid()).isEqualTo(miner.uid()).isEqualTo(1);
        assertThat(target.host()).isEqualTo("127.0.0.1");
        assertThat(target.port()).isEqualTo(miner.port());
        assertThat(out.toString()).isEqualTo(String.format("miner owner/miner (uid 1, %s) serving InventoryMakerAgent "
                + "on 127.0.0.1:%d for subnet 79; axon 127.0.0.1:%d; health at /observe/health%n",
                minerKey.address(), miner.port(), miner.port()));
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.kind()).isEqualTo(ResultKind.OK);
            // flat inventory, mid 300.00: 300·(1 ∓ 0.0005), one base unit, post-only, on both books
            assertThat(result.response()).isEqualTo(new AgentResponse(1, List.<Instruction>of(
                    Instructions.limit(0, Side.BUY, 29_985, BASE).postOnly().build(),
                    Instructions.limit(0, Side.SELL, 30_015, BASE).postOnly().build(),
                    Instructions.limit(1, Side.BUY, 29_985, BASE).postOnly().build(),
                    Instructions.limit(1, Side.SELL, 30_015, BASE).postOnly().build())));
        });
    }

    @Test
    void servesAnAgentJarFromTheAgentsFolderWithItsParameters() throws Exception {
        startMiner(new StringWriter(), args("--agent", "EchoBidAgent", "--agent-params", "lots=5000", "--register"));
        MinerTarget target = target();

        List<MinerResult> results = fanout.query(step(target.uid()), List.of(target));

        assertThat(results).singleElement().extracting(MinerResult::response).isEqualTo(new AgentResponse(
                target.uid(), List.of(Instructions.limit(0, Side.BUY, 29_990, 5_000).build())));
    }

    @Test
    void servesFromTheLocalChainFolderToo() throws Exception {
        // A second local chain, prepared and closed before the miner opens its folder.
        Path dir = temp.resolve("local-chain");
        try (ChainBackend local = new LocalChainProvider().create(Settings.builder("chain")
                .attribute("dir", dir.toString()).build())) {
            local.register(NETUID, validator.address(), "owner");
            local.addStake(NETUID, validator.address(), 1_000);
            local.register(NETUID, minerKey.address(), "owner");
        }
        List<String> args = new ArrayList<>(List.of("miner", "--wallet-dir", wallets.toString(), "--wallet", "owner",
                "--hotkey", "miner", "--host", "127.0.0.1", "--port", "0", "--agent-timeout-ms", "30000",
                "--chain-dir", dir.toString(),
                "--agent", "RandomMakerAgent", "--agent-params", "seed=3"));
        MinerCommand.RunningMiner miner = startMiner(new StringWriter(), args);

        List<MinerResult> results = fanout.query(step(miner.uid()),
                List.of(new MinerTarget(miner.uid(), minerKey.address(), "127.0.0.1", miner.port())));

        assertThat(miner.uid()).isEqualTo(1);
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.kind()).isEqualTo(ResultKind.OK);
            // a bid below and an ask above the 300.00 mid on each book (prices drawn from seed 3)
            assertThat(result.response().instructions()).hasSize(4).allSatisfy(instruction -> {
                var limit = (io.mvtrx.api.instruction.PlaceLimit) instruction;
                if (limit.side() == Side.BUY) {
                    assertThat(limit.price()).isBetween(29_970L, 30_000L);
                } else {
                    assertThat(limit.price()).isBetween(30_000L, 30_030L);
                }
            });
        });
    }

    @Test
    void anUnregisteredHotkeyIsRefusedWithoutRegister() {
        StringWriter err = new StringWriter();
        int exit = commandLine(new StringWriter(), err).execute(
                args("--agent", "RandomMakerAgent").toArray(String[]::new));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(String.format("mvtrx: hotkey owner/miner (%s) is not registered on "
                + "subnet 79; register it, or start with --register%n", minerKey.address()));
    }

    @Test
    void anUnknownAgentNamesEveryLoadedAgent() {
        StringWriter err = new StringWriter();
        int exit = commandLine(new StringWriter(), err).execute(
                args("--agent", "NoSuchAgent").toArray(String[]::new));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("mvtrx: unknown trading agent 'NoSuchAgent'; loaded: EchoBidAgent, "
                + "InventoryMakerAgent, RandomMakerAgent, RandomTakerAgent, SimpleRegressorAgent\n");
    }
}
