package io.mvtrx.runtime.wire.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.runtime.metrics.Scrape;
import io.mvtrx.runtime.wire.AccountChanges;
import io.mvtrx.runtime.wire.BodyHash;
import io.mvtrx.runtime.wire.NonceClock;
import io.mvtrx.runtime.wire.WireSignature;
import io.mvtrx.runtime.wire.codec.AccountsBase;
import io.mvtrx.runtime.wire.codec.BookCodec;
import io.mvtrx.runtime.wire.codec.StateCodec;
import io.mvtrx.runtime.wire.proto.MinerGrpc;
import io.mvtrx.runtime.wire.proto.MinerProto;
import io.mvtrx.runtime.wire.validator.Fanout;
import io.mvtrx.runtime.wire.validator.FanoutConfig;
import io.mvtrx.runtime.wire.validator.MinerResult;
import io.mvtrx.runtime.wire.validator.MinerTarget;
import io.mvtrx.runtime.wire.validator.ResultKind;
import io.mvtrx.runtime.wire.validator.Step;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open orders as changes to the accounts a miner keeps: after a miner's answer names its request, the next request
 * carries only what changed in its open orders, and the agent still sees every order; a miner that no longer holds
 * the base is sent its accounts whole at once.
 */
class AccountChangesIT {

    @TempDir
    Path dir;

    private TestNetwork net;
    private final AtomicReference<Instant> now = new AtomicReference<>(TestNetwork.NOW);
    private final InstantSource clock = () -> now.get();

    @BeforeEach
    void start() throws Exception {
        net = new TestNetwork(dir);
    }

    @AfterEach
    void stop() throws Exception {
        net.close();
    }

    private static FanoutConfig config() {
        return FanoutConfig.DEFAULTS.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    private static Order order(int uid, int book, long id, long volume) {
        return new Order(id, book, uid, id + 7, id % 2 == 0 ? Side.BUY : Side.SELL, 29_000 + id, volume, 0,
                4_000_000_000L + id, TimeInForce.GTC, 0, StpMode.CO);
    }

    /** A step where each miner holds the orders with {@code ids} (volume 1_0000, or {@code changedVolume} for id 5). */
    private static Step step(List<MinerTarget> miners, int padding, List<Long> ids, long changedVolume) {
        Step plain = TestNetwork.step(miners, padding);
        Map<Integer, Map<Integer, Account>> accounts = new HashMap<>();
        for (MinerTarget m : miners) {
            Map<Integer, Account> own = new HashMap<>();
            for (int book = 0; book < 2; book++) {
                List<Order> orders = new ArrayList<>();
                for (long id : ids) {
                    orders.add(order(m.uid(), book, id, id == 5 ? changedVolume : 1_0000));
                }
                Account a = TestNetwork.account(m.uid(), book);
                own.put(book, new Account(a.agentId(), a.bookId(), a.base(), a.quote(), 0, 0, 0, 0, orders,
                        List.of(), a.fees()));
            }
            accounts.put(m.uid(), own);
        }
        return new Step(plain.timestamp(), plain.simulation(), plain.books(), accounts, plain.notices());
    }

    private static List<Long> ids(long from, long to) {
        List<Long> ids = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            ids.add(id);
        }
        return ids;
    }

    @Test
    void afterAnAnsweredRequestOnlyTheChangedOrdersTravelAndTheAgentSeesThemAll() throws Exception {
        var agent = new TestAgents.Echo();
        MinerTarget miner = net.miner("maker", agent, x -> x).target();
        List<MinerTarget> miners = List.of(miner);
        Step first = step(miners, 2_001, ids(1, 40), 1_0000);
        // two cancelled, one partly filled, two new
        Step second = step(miners, 2_001, ids(3, 42), 6_000);

        try (Fanout fanout = new Fanout(net.validator, config(), clock)) {
            assertThat(fanout.query(first, miners)).extracting(MinerResult::kind).containsOnly(ResultKind.OK);
            Fanout.StepTiming whole = fanout.lastTiming();
            assertThat(fanout.query(second, miners)).extracting(MinerResult::kind).containsOnly(ResultKind.OK);
            Fanout.StepTiming changes = fanout.lastTiming();

            assertThat(whole.accountChanges()).isZero();
            assertThat(changes.accountChanges()).isEqualTo(1);
            assertThat(changes.accountsResentWhole()).isZero();
            // the same books both times: the difference is the payload, 80 orders of about 11 bytes whole against
            // 2 cancelled (a byte each), 1 changed and 2 new on each book (794 bytes fewer as written)
            assertThat(whole.requestBytes() - changes.requestBytes()).isGreaterThan(700);
        }
        assertThat(agent.states).hasSize(2);
        assertThat(agent.states.get(1).accounts()).isEqualTo(second.accounts().get(miner.uid()));
        assertThat(agent.states.get(1).accounts().get(1).orders()).hasSize(40)
                .filteredOn(o -> o.orderId() == 5).extracting(Order::volume).containsExactly(6_000L);
    }

    @Test
    void aMinerThatNoLongerHoldsTheBaseIsSentItsAccountsWholeAtOnce() throws Exception {
        var agent = new TestAgents.Echo();
        MinerTarget miner = net.miner("forgetful", agent, x -> x).target();
        List<MinerTarget> miners = List.of(miner);
        Step third = step(miners, 2_002, ids(5, 44), 1_0000);

        try (Fanout fanout = new Fanout(net.validator, config(), clock);
             Fanout other = new Fanout(net.validator, config(), clock)) {
            assertThat(fanout.query(step(miners, 2_002, ids(1, 40), 1_0000), miners))
                    .extracting(MinerResult::kind).containsOnly(ResultKind.OK);
            // two later requests from the same validator hotkey that this fan-out never saw answered: the miner
            // keeps their accounts, not the first request's
            now.set(TestNetwork.NOW.plusMillis(1));
            other.query(step(miners, 2_002, ids(2, 41), 1_0000), miners);
            other.query(step(miners, 2_002, ids(3, 42), 1_0000), miners);
            now.set(TestNetwork.NOW.plusMillis(2));

            List<MinerResult> results = fanout.query(third, miners);
            Fanout.StepTiming timing = fanout.lastTiming();

            assertThat(results).extracting(MinerResult::kind).containsOnly(ResultKind.OK);
            assertThat(timing.accountsResentWhole()).isEqualTo(1);
            assertThat(timing.accountChanges()).isZero();
            // and the miner keeps this one: the next step travels as changes again
            now.set(TestNetwork.NOW.plusMillis(3));
            fanout.query(step(miners, 2_002, ids(6, 45), 1_0000), miners);
            assertThat(fanout.lastTiming().accountChanges()).isEqualTo(1);
        }
        assertThat(agent.states).hasSize(5);
        assertThat(agent.states.get(3).accounts()).isEqualTo(third.accounts().get(miner.uid()));
        // the miner counts both: one request answered unknown; two taking their orders as changes (the other
        // fan-out's second, against its first, and this fan-out's last)
        try (HttpClient http = HttpClient.newHttpClient()) {
            Scrape scrape = Scrape.parse(http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + miner.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(scrape.require("mvtrx_miner_accounts_unknown_total")).isEqualTo(1);
            assertThat(scrape.require("mvtrx_miner_accounts_changes_total")).isEqualTo(2);
        }
    }

    @Test
    void aRequestNamingABaseTheMinerDoesNotHoldIsRefusedBeforeItsAgentRuns() throws Exception {
        var agent = new TestAgents.Echo();
        var started = net.miner("fresh", agent, x -> x);
        MinerTarget miner = started.target();
        Step step = step(List.of(miner), 2_003, ids(1, 10), 1_0000);
        Map<Integer, Account> accounts = step.accounts().get(miner.uid());
        ByteString payload = StateCodec.encodePayload(miner.uid(), step.timestamp(),
                StateCodec.encode(step.simulation()).toByteString(), accounts, List.of(),
                new AccountsBase(NonceClock.nanos(TestNetwork.NOW) - 5, accounts)).bytes();
        ByteString books = BookCodec.encodeBooks(step.books());
        long nonce = new NonceClock(TestNetwork.CLOCK).next();
        MinerProto.StateRequest request = MinerProto.StateRequest.newBuilder().setBooks(books)
                .setMinerPayload(payload)
                .setEnvelope(WireSignature.sign(net.validator, MinerGrpc.getRespondMethod().getBareMethodName(),
                        nonce, miner.hotkey(), BodyHash.of(books, ByteString.EMPTY, payload)))
                .build();

        StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> net.stub(started).respond(request));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription()).startsWith("miner_payload: accounts_base ")
                .endsWith(": the accounts of that request are not kept here");
        assertThat(AccountChanges.TRAILER.in(refused.getTrailers())).isTrue();
        assertThat(agent.states).isEmpty();
    }

    @Test
    void aMinerWhoseRepliesKeepNothingGetsItsAccountsWholeEveryTime() throws Exception {
        // another implementation of the service, which never says it keeps accounts (no accounts_kept)
        List<MinerProto.StateRequest> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.grpc.Server server = io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder
                .forAddress(new java.net.InetSocketAddress("127.0.0.1", 0))
                .addService(new MinerGrpc.MinerImplBase() {
                    @Override
                    public void respond(MinerProto.StateRequest request,
                                        io.grpc.stub.StreamObserver<MinerProto.AgentReply> out) {
                        received.add(request);
                        out.onNext(MinerProto.AgentReply.getDefaultInstance());
                        out.onCompleted();
                    }
                })
                .build().start();
        try (Fanout fanout = new Fanout(net.validator, config(), clock)) {
            MinerTarget miner = new MinerTarget(7, net.stranger.address(), "127.0.0.1", server.getPort());
            List<MinerTarget> miners = List.of(miner);
            fanout.query(step(miners, 2_004, ids(1, 40), 1_0000), miners);
            now.set(TestNetwork.NOW.plusMillis(1));
            List<MinerResult> second = fanout.query(step(miners, 2_004, ids(3, 42), 1_0000), miners);

            assertThat(second).extracting(MinerResult::kind).containsOnly(ResultKind.OK);
            assertThat(fanout.lastTiming().accountChanges()).isZero();
        } finally {
            server.shutdownNow().awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(received).hasSize(2).allSatisfy(request -> {
            MinerProto.MinerPayload payload = MinerProto.MinerPayload.parseFrom(request.getMinerPayload());
            assertThat(payload.getAccountsBase()).isZero();
            assertThat(payload.getAccountsMap().values()).allSatisfy(account -> {
                assertThat(account.hasOrderChanges()).isFalse();
                assertThat(account.getOrderColumns().getOrderIdDeltaCount()).isEqualTo(40);
            });
        });
    }
}
