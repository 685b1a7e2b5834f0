package io.mvtrx.runtime.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.notice.SimulationStarted;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.bittensor.axon.Axon;
import io.mvtrx.runtime.bittensor.axon.Dendrite;
import io.mvtrx.runtime.bittensor.axon.payload.Compression;
import io.mvtrx.runtime.bittensor.keys.Sr25519Keypair;
import io.mvtrx.runtime.bittensor.keys.wallet.BtWallets;
import io.mvtrx.runtime.bittensor.keys.wallet.Keyfile;
import io.mvtrx.runtime.simulator.Publication;
import io.mvtrx.runtime.subtensor.fakenode.FakeSubtensorNode;
import io.mvtrx.runtime.validator.node.BittensorTransport;
import io.mvtrx.runtime.validator.node.MinerReply;

import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mvtrx miner|validator --chain subtensor} against a fake Subtensor node on loopback: the miner publishes its
 * axon with a signed {@code serve_axon} and answers a signed state update on its Bittensor axon; the validator runs a
 * simulation, queries that axon and submits a signed {@code set_mechanism_weights}.
 */
class SubtensorCommandsIT {

    private static final int NETUID = 79;
    private static final HexFormat HEX = HexFormat.of();
    /** The reference's key K1, the validator here. */
    private static final Sr25519Keypair VALIDATOR = Sr25519Keypair.fromMiniSecret(
            HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    private static final Sr25519Keypair MINER = Sr25519Keypair.fromMnemonic(
            io.mvtrx.runtime.bittensor.keys.Mnemonic.parse(
                    "old leopard transfer rib spatial phone calm indicate online fire caution review"), "");
    private static final Sr25519Keypair ABSENT = Sr25519Keypair.fromMiniSecret(
            "12345678901234567890123456789012".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final String CR_KEY = "0x658faa385070e074c85bf6b568cf05558fb0d3eb3d4ea01122652b09d1d43c654f00";
    private static final SimulationInfo SIM = new SimulationInfo("sim-1", 4, 1, 2, 86_400_000_000_000L, 0,
            1_000_000_000L, BookDecimals.REFERENCE, 2_500, 100, 40_000, 100_000_000_000_000L, 10_000_000, 30_000,
            "static");

    @TempDir
    Path temp;

    private Path home;
    private Path wallets;
    private FakeSubtensorNode node;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void chain() throws Exception {
        home = Files.createDirectories(temp.resolve("home"));
        Files.createDirectories(home.resolve("plugins"));
        MinerCommandTest.writeEchoBidAgent(Files.createDirectories(home.resolve("agents")));
        wallets = temp.resolve("bittensor-wallets");
        BtWallets store = new BtWallets(wallets);
        store.createHotkey("owner", "validator", Keyfile.of(VALIDATOR), Optional.empty());
        store.createHotkey("owner", "miner", Keyfile.of(MINER), Optional.empty());
        node = new FakeSubtensorNode("metagraph").signingChain()
                .answer("state_getStorage", p -> p.getString(0).equals(CR_KEY) ? Json.createValue("0x00") : null)
                .storage(FakeSubtensorNode.subtensorKey("SubnetworkN", NETUID), "0300");
        subnet("");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        node.close();
    }

    /**
     * uid 0 the validator (permit), uid 1 the miner serving at {@code minerAxon}, uid 2 a miner that does not serve
     * (scored below any miner that trades, so the weights are never all equal).
     */
    private void subnet(String minerAxon) {
        node.answer("state_call", p -> null);
        node.subnet(NETUID, List.of(VALIDATOR.publicKey(), MINER.publicKey(), ABSENT.publicKey()),
                List.of(true, false, false), List.of("", minerAxon, ""));
    }

    private CommandLine commandLine(StringWriter out, StringWriter err) {
        CommandLine commandLine = MvtrxCommand.commandLine(new MvtrxCommand(SubtensorCommandsIT.class.getClassLoader(),
                Map.of("MVTRX_HOME", home.toString())));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    private MinerCommand.RunningMiner startMiner(StringWriter out) {
        return startMiner(out, "EchoBidAgent", "lots=5000");
    }

    private MinerCommand.RunningMiner startMiner(StringWriter out, String agent, String params) {
        String[] args = {"miner", "--chain", "subtensor", "--network", node.uri().toString(), "--wallet-dir",
            wallets.toString(), "--wallet", "owner", "--hotkey", "miner", "--host", "127.0.0.1", "--port", "0",
            "--axon-host", "203.0.113.10", "--agent", agent, "--agent-params", params,
            "--agent-timeout-ms", "30000"};
        CommandLine.ParseResult parsed = commandLine(out, new StringWriter()).parseArgs(args);
        MinerCommand.RunningMiner miner = ((MinerCommand) parsed.subcommand().commandSpec().userObject()).start();
        open.add(miner);
        return miner;
    }

    @Test
    void minerPublishesItsAxonAndAnswersASignedStateUpdate() {
        StringWriter out = new StringWriter();
        MinerCommand.RunningMiner miner = startMiner(out);

        assertThat(miner.uid()).isEqualTo(1);
        assertThat(out.toString()).isEqualTo(String.format("miner owner/miner (uid 1, %s) serving EchoBidAgent on a "
                        + "Bittensor axon 127.0.0.1:%d for subnet 79 of %s; axon 203.0.113.10:%d%n",
                MINER.ss58Address(), miner.port(), node.uri(), miner.port()));
        assertThat(node.submitted()).hasSize(1);
        byte[] port = {(byte) miner.port(), (byte) (miner.port() >>> 8)};
        // serve_axon(79, 10005000, 203.0.113.10, port, IPv4, protocol 4, 0, 0): the reference vector but the port
        assertThat(HEX.formatHex(FakeSubtensorNode.verifiedCall(node.submitted().getFirst(), MINER.publicKey())))
                .isEqualTo("07044f0008aa98000a7100cb000000000000000000000000" + HEX.formatHex(port) + "04040000");

        Neuron validator = new Neuron(0, VALIDATOR.ss58Address(), "c", 1, true, "", 0, 0);
        Neuron minerNeuron = new Neuron(1, MINER.ss58Address(), "c", 0, false, "127.0.0.1:" + miner.port(), 0, 0);
        assertThat(validator.validatorPermit()).isTrue();
        try (BittensorTransport transport = new BittensorTransport(new Dendrite(VALIDATOR, "203.0.113.9",
                Duration.ofSeconds(5), Axon::nowNanos), Duration.ofSeconds(30), Duration.ofSeconds(40),
                Compression.LZ4, 1 << 20)) {
            List<MinerReply> replies = transport.query(new Publication(5_000, SIM, update(1).books(),
                    Map.of(1, update(1)), false), List.of(minerNeuron));
            assertThat(replies).singleElement().satisfies(reply -> {
                assertThat(reply.outcome()).as(reply.detail()).isEqualTo(MinerReply.Outcome.ANSWERED);
                assertThat(reply.response().instructions()).singleElement().satisfies(i -> {
                    PlaceLimit limit = (PlaceLimit) i;
                    assertThat(limit.bookId()).isZero();
                    assertThat(limit.side()).isEqualTo(Side.BUY);
                    assertThat(limit.price()).isEqualTo(29_990);
                    assertThat(limit.volume()).isEqualTo(5_000);
                });
            });
        }
    }

    @Test
    void validatorQueriesTheAxonAndSubmitsSignedWeights() throws Exception {
        MinerCommand.RunningMiner miner = startMiner(new StringWriter(), "RandomMakerAgent", "seed=3");
        subnet("127.0.0.1:" + miner.port());
        Path config = CliTestFiles.smallConfig(temp);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = commandLine(out, err).execute("validator", "--chain", "subtensor", "--network",
                node.uri().toString(), "--wallet-dir", wallets.toString(), "--wallet", "owner", "--hotkey",
                "validator", "--config", config.toString(), "--duration", "130s", "--scoring-window", "60s",
                "--simulations", "1", "--port", "0",
                "--host", "127.0.0.1", "--state-dir", temp.resolve("state").toString());

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("subnet 79: weights rate limit 100 blocks, min 1024 weights, max weight "
                        + "65535/65535, commit-reveal off, version key 0",
                "validator " + VALIDATOR.ss58Address() + " (uid 0) on subnet 79 of subtensor " + node.uri()
                        + "; miners queried over Bittensor axons", "| miners 1/1 answering |");
        List<byte[]> weights = node.submitted().stream().skip(1).toList();
        assertThat(weights).as(out + "\n" + err).isNotEmpty();
        FakeSubtensorNode.MechanismWeights set = FakeSubtensorNode.MechanismWeights.decode(
                FakeSubtensorNode.verifiedCall(weights.getFirst(), VALIDATOR.publicKey()));
        assertThat(set.netuid()).isEqualTo(NETUID);
        assertThat(set.mechanism()).isZero();
        assertThat(set.versionKey()).isZero();
        // 3 uids, fewer than the spec-343 default MinAllowedWeights of 1024: the SDK's processing sends uniform weights
        assertThat(set.uids()).containsExactly(0, 1, 2);
        assertThat(set.values()).containsExactly(65535, 65535, 65535);
    }

    static StateUpdate update(int uid) {
        List<BookState> books = List.of(new BookState(new BookSnapshot(0, 5_000, List.of(Level.broad(29_990, 20_000)),
                List.of(Level.broad(30_010, 10_000))), List.of(), 0));
        Account account = new Account(uid, 0, new Balance(100_000, 100_000, 0, 100_000),
                new Balance(500_000_000_000_000L, 500_000_000_000_000L, 0, 500_000_000_000_000L), 0, 0, 0, 0,
                List.of(), List.of(), new FeeRates(0, 0, 23_000));
        return new StateUpdate(5_000, SIM, books, Map.of(0, account), List.of(new SimulationStarted(5_000, "sim-1")));
    }
}
