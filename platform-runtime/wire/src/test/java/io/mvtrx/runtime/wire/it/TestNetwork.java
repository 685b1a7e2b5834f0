package io.mvtrx.runtime.wire.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.plugin.chain.local.LocalChainProvider;
import io.mvtrx.runtime.wallet.Keypair;
import io.mvtrx.runtime.wallet.WalletStore;
import io.mvtrx.runtime.wire.miner.MinerConfig;
import io.mvtrx.runtime.wire.miner.MinerServer;
import io.mvtrx.runtime.wire.miner.SharedBooks;
import io.mvtrx.runtime.wire.proto.MinerGrpc;
import io.mvtrx.runtime.wire.validator.MinerTarget;
import io.mvtrx.runtime.wire.validator.Step;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;

/**
 * A subnet on loopback: a local chain with a staked validator (permit), a registered neuron without stake (no
 * permit), a key that never registered, and miners started on demand. Every process reads one fixed clock, so
 * nonces and skews are exact numbers.
 */
final class TestNetwork implements AutoCloseable {

    static final int NETUID = 79;
    static final Instant NOW = Instant.parse("2026-05-23T16:44:00Z");
    static final InstantSource CLOCK = InstantSource.fixed(NOW);

    final ChainBackend chain;
    final WalletStore wallets;
    final Keypair validator;
    final Keypair unpermitted;
    final Keypair stranger;
    private final List<AutoCloseable> open = new ArrayList<>();

    TestNetwork(Path dir) throws IOException {
        chain = new LocalChainProvider().create(Settings.builder("chain")
                .attribute("dir", dir.resolve("chain").toString()).build());
        wallets = new WalletStore(dir.resolve("wallets"));
        wallets.createColdkey("owner");
        validator = wallets.createHotkey("owner", "validator");
        unpermitted = wallets.createHotkey("owner", "unpermitted");
        stranger = wallets.createHotkey("owner", "stranger");
        chain.register(NETUID, validator.address(), "owner");
        chain.addStake(NETUID, validator.address(), 1_000);
        chain.register(NETUID, unpermitted.address(), "owner");
    }

    /** Registers a miner hotkey and starts its server on 127.0.0.1, agent timeout and limits as given. */
    StartedMiner miner(String name, TradingAgent agent, UnaryOperator<MinerConfig> tuning) throws IOException {
        return miner(name, agent, tuning, SharedBooks.process());
    }

    /** As {@link #miner(String, TradingAgent, UnaryOperator)}, keeping the books in {@code books}. */
    StartedMiner miner(String name, TradingAgent agent, UnaryOperator<MinerConfig> tuning, SharedBooks books)
            throws IOException {
        Keypair key = wallets.createHotkey("owner", name);
        int uid = chain.register(NETUID, key.address(), "owner").uid();
        MinerConfig config = tuning.apply(MinerConfig.defaults(key.address(), NETUID).withAddress("127.0.0.1", 0));
        MinerServer server = MinerServer.start(config, agent, chain, CLOCK, books);
        open.add(server);
        chain.serveAxon(NETUID, key.address(), "127.0.0.1", server.port());
        return new StartedMiner(new MinerTarget(uid, key.address(), "127.0.0.1", server.port()), server, key);
    }

    record StartedMiner(MinerTarget target, MinerServer server, Keypair key) {
    }

    /** A raw stub to a miner, for hand-made requests. */
    MinerGrpc.MinerBlockingStub stub(StartedMiner miner) {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", miner.target().port())
                .usePlaintext().maxInboundMessageSize(64 << 20).build();
        open.add(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
        return MinerGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    static SimulationInfo simulation() {
        return new SimulationInfo("20260523_1644", 3, 1, 2, 86_400_000_000_000L, 60_000_000_000L,
                5_000_000_000L, BookDecimals.REFERENCE, 2_500, 100, 4_0000, 100_000_000_000_000L, 10_000_000,
                30_000, "tiered");
    }

    /** Two books: a detailed best level with orders, a broad second level, and L3 events. */
    static List<BookState> books(int padding) {
        List<BookState> books = new ArrayList<>();
        for (int id = 0; id < 2; id++) {
            List<Level> bids = new ArrayList<>();
            bids.add(new Level(29_990, 3_0000, List.of(new RestingOrder(11, -3, 1_0000, 900),
                    new RestingOrder(12, 0, 2_0000, 950))));
            bids.add(Level.broad(29_980, 7_5000));
            for (int i = 0; i < padding; i++) {
                bids.add(Level.broad(29_000 - i, 1_0000 + i));
            }
            List<Level> asks = List.of(new Level(30_010, 1_0000, List.of(new RestingOrder(13, -4, 1_0000, 970))),
                    Level.broad(30_020, 2_0000));
            books.add(new BookState(new BookSnapshot(id, 5_000_000_000L, bids, asks),
                    List.of(new OrderPlaced(id, 4_000_000_000L, 12, 0, 77, OrderType.LIMIT, Side.BUY, 29_990,
                                    2_0000, 0, StpMode.CO),
                            new Trade(id, 4_500_000_000L, 1, Side.SELL, 14, 11, -2, -3, 29_990, 5_000,
                                    -15_000_000L, 30_000_000L)),
                    0));
        }
        return books;
    }

    static Account account(int uid, int bookId) {
        return new Account(uid, bookId, new Balance(10_0000, 8_0000, 2_0000, 10_0000),
                new Balance(500_000_0000000000L, 500_000_0000000000L, 0, 500_000_0000000000L), 0, 0, 0, 0,
                List.of(), List.of(), new FeeRates(0, 1_000, 5_000));
    }

    /** A step where each miner has its own accounts on both books and one notice naming it. */
    static Step step(List<MinerTarget> miners, int padding) {
        Map<Integer, Map<Integer, Account>> accounts = new HashMap<>();
        Map<Integer, List<Notice>> notices = new HashMap<>();
        for (MinerTarget m : miners) {
            accounts.put(m.uid(), Map.of(0, account(m.uid(), 0), 1, account(m.uid(), 1)));
            notices.put(m.uid(), List.of(new OrderAccepted(4_000_000_000L, 0, 100 + m.uid(), m.uid(),
                    OrderType.LIMIT, Side.BUY, 29_990, 1_0000, 0)));
        }
        return new Step(5_000_000_000L, simulation(), books(padding), accounts, notices);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        chain.close();
    }
}
