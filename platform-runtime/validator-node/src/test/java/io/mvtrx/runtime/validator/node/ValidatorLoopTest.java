package io.mvtrx.runtime.validator.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.simulator.Publication;
import io.mvtrx.runtime.simulator.Simulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.mvtrx.runtime.validator.node.Fixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The loop over a real simulation (1 block x 2 books, grace 60 s) with agents in this JVM. */
class ValidatorLoopTest {

    /** Base delay charged for the nominal 300 ms response: 10 ms + (e^0.5 - 1)/(e^5 - 1) x 990 ms. */
    private static final long BASE_DELAY = Fixtures.settings().latency().baseDelay(300_000_000L);

    static PlaceLimit bid(int book, long clientId, long delay) {
        return new PlaceLimit(book, Side.BUY, 29_000, 2_500, Currency.BASE, 0, TimeInForce.GTC, 0, false,
                StpMode.CO, clientId, SettleFlag.NONE, 0, 0, delay);
    }

    static PlaceMarket market(int book, Side side) {
        return new PlaceMarket(book, side, 2_500, Currency.BASE, 0, 0, StpMode.CO, Order.NO_CLIENT_ID,
                SettleFlag.NONE, 0, 0, 0);
    }

    static CancelOrders cancel(int book, long orderId) {
        return new CancelOrders(book, List.of(new CancelOrders.Cancellation(orderId,
                CancelOrders.Cancellation.ALL)), 0);
    }

    /** Runs {@code agents} (uid to agent) from the start to {@code until} (sim ns); returns the loop. */
    private static ValidatorLoop run(ValidatorSettings settings, Map<Integer, TradingAgent> agents, long until) {
        int[] uids = agents.keySet().stream().mapToInt(Integer::intValue).toArray();
        ValidatorLoop loop = Fixtures.loop(settings, Fixtures.inProcess(agents), Roster.fixed(Fixtures.neurons(uids)));
        try (Simulation simulation = Fixtures.attach(loop, Fixtures.small(), until, 42)) {
            while (!simulation.finished()) {
                simulation.step();
            }
        }
        return loop;
    }

    private static List<Notice> noticesAt(Fixtures.ScriptedAgent agent, long timestamp) {
        return agent.states().stream().filter(s -> s.timestamp() == timestamp).findFirst()
                .map(StateUpdate::notices).orElseThrow();
    }

    private static OrderAccepted accepted(List<Notice> notices, long clientOrderId) {
        return notices.stream().filter(OrderAccepted.class::isInstance).map(OrderAccepted.class::cast)
                .filter(n -> n.clientOrderId() == clientOrderId).findFirst().orElseThrow();
    }

    @Test
    void refusesInvalidInstructionsWithANoticeWhileTheValidOnesStand() {
        Fixtures.ScriptedAgent agent = new Fixtures.ScriptedAgent(state -> state.timestamp() == 60 * SECOND
                ? List.of(bid(0, 11, 0), bid(5, 12, 0), new ResetAgents(List.of(2), 0), cancel(1, 999_999),
                        bid(0, 13, 86_400 * SECOND + 1), bid(1, 14, 0))
                : List.of());

        try (ValidatorLoop loop = run(Fixtures.settings(), Map.of(1, agent), 62 * SECOND)) {
            List<Notice> notices = noticesAt(agent, 61 * SECOND);
            assertThat(notices).filteredOn(OrderRejected.class::isInstance).containsExactlyInAnyOrder(
                    new OrderRejected(60 * SECOND, 5, 12, OrderType.LIMIT, Side.BUY,
                            RejectReason.UNKNOWN_BOOK),
                    new OrderRejected(60 * SECOND, 0, 13, OrderType.LIMIT, Side.BUY,
                            RejectReason.INVALID_INSTRUCTION));
            // the valid ones reached the exchange: the first on book 0 after the base delay; on book 1 the cancel
            // came first, so the bid has 5..25 ms of jitter on top
            assertThat(notices).filteredOn(OrderAccepted.class::isInstance)
                    .extracting(n -> ((OrderAccepted) n).clientOrderId()).containsExactlyInAnyOrder(11L, 14L);
            assertThat(accepted(notices, 11).timestamp()).isEqualTo(60 * SECOND + BASE_DELAY);
            assertThat(accepted(notices, 14).timestamp()).isBetween(60 * SECOND + BASE_DELAY + 5_000_000L,
                    60 * SECOND + BASE_DELAY + 25_000_000L);
            // the cancel was valid for the validator; the exchange answers that order 999999 is unknown
            assertThat(notices).filteredOn(CancelReport.class::isInstance).singleElement()
                    .satisfies(n -> assertThat(((CancelReport) n).failure()).contains(RejectReason.UNKNOWN_ORDER));
            LoopStats stats = loop.stats();
            assertThat(stats.accepted()).isEqualTo(3);
            assertThat(stats.refused()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    RejectReason.UNKNOWN_BOOK, 1L, RejectReason.INVALID_INSTRUCTION, 2L));
            assertThat(stats.answered()).isEqualTo(3);
            assertThat(stats.publishes()).isEqualTo(3);
        }
    }

    @Test
    void acceptsFiveInstructionsPerBookAndRefusesTheRestWithANotice() {
        Fixtures.ScriptedAgent agent = new Fixtures.ScriptedAgent(state -> {
            List<Instruction> bids = new ArrayList<>();
            if (state.timestamp() == 60 * SECOND) {
                for (int i = 1; i <= 7; i++) {
                    bids.add(bid(0, i, 0));
                }
            }
            return bids;
        });

        try (ValidatorLoop loop = run(Fixtures.settings(), Map.of(1, agent), 61 * SECOND)) {
            List<Notice> notices = noticesAt(agent, 61 * SECOND);
            assertThat(notices).filteredOn(OrderAccepted.class::isInstance)
                    .extracting(n -> ((OrderAccepted) n).clientOrderId()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
            assertThat(accepted(notices, 1).timestamp()).isEqualTo(60 * SECOND + BASE_DELAY);
            assertThat(notices).filteredOn(OrderRejected.class::isInstance)
                    .extracting(n -> ((OrderRejected) n).clientOrderId(), n -> ((OrderRejected) n).reason())
                    .containsExactly(tuple(6L, RejectReason.INSTRUCTION_LIMIT),
                            tuple(7L, RejectReason.INSTRUCTION_LIMIT));
            // first order: the base delay; each later one on the book: 5..25 ms of jitter on top
            assertThat(notices).filteredOn(OrderAccepted.class::isInstance).extracting(Notice::timestamp)
                    .allSatisfy(t -> assertThat(t).isBetween(60 * SECOND + BASE_DELAY,
                            60 * SECOND + BASE_DELAY + 25_000_000L));
            assertThat(loop.stats().refused()).containsExactly(Map.entry(RejectReason.INSTRUCTION_LIMIT, 2L));
        }
    }

    @Test
    void aMinerAtItsVolumeCapMayOnlyCancelOnThatBook() {
        // cap = 1e-7 x 50 000 = 0.005 QUOTE: one fill reaches it
        ValidatorSettings settings = Fixtures.settings().withCapitalTurnoverCap(1e-7);
        Fixtures.ScriptedAgent agent = new Fixtures.ScriptedAgent(state -> {
            if (state.timestamp() == 60 * SECOND) {
                return List.of(market(0, Side.BUY));
            }
            if (state.timestamp() == 61 * SECOND) {
                return List.of(market(0, Side.SELL), bid(1, 21, 0), cancel(0, 999_999), bid(0, 22, 0));
            }
            return List.of();
        });

        try (ValidatorLoop loop = run(settings, Map.of(1, agent), 62 * SECOND)) {
            assertThat(noticesAt(agent, 61 * SECOND)).filteredOn(TradeNotice.class::isInstance).isNotEmpty();
            assertThat(loop.tradedVolume(1, 0)).isGreaterThan(0.005);
            assertThat(loop.tradedVolume(1, 1)).isZero();
            List<Notice> after = noticesAt(agent, 62 * SECOND);
            assertThat(after).filteredOn(OrderRejected.class::isInstance)
                    .extracting(n -> ((OrderRejected) n).bookId(), n -> ((OrderRejected) n).reason())
                    .containsExactly(tuple(0, RejectReason.VOLUME_CAP),
                            tuple(0, RejectReason.VOLUME_CAP));
            assertThat(after).filteredOn(OrderAccepted.class::isInstance)
                    .extracting(n -> ((OrderAccepted) n).clientOrderId()).containsExactly(21L);
            // the cancel passed the cap and reached the exchange
            assertThat(after).filteredOn(CancelReport.class::isInstance).hasSize(1);
            assertThat(loop.stats().refused()).containsExactly(Map.entry(RejectReason.VOLUME_CAP, 2L));
        }
    }

    @Test
    void aMinerThatDoesNotAnswerInTimeGetsNoInstructions() {
        Fixtures.ScriptedAgent slow = new Fixtures.ScriptedAgent(state -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(bid(0, 31, 0));
        });
        Fixtures.ScriptedAgent quick = new Fixtures.ScriptedAgent(state -> List.of(bid(1, 41, 0)));
        Map<Integer, TradingAgent> agents = Map.of(1, quick, 2, slow);
        ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), new InProcessTransport(agents,
                Duration.ofMillis(50), Duration.ofSeconds(1)), Roster.fixed(Fixtures.neurons(1, 2)));
        try (loop; Simulation simulation = Fixtures.attach(loop, Fixtures.small(), 62 * SECOND, 42)) {
            while (!simulation.finished()) {
                simulation.step();
            }
            assertThat(loop.stats().timeouts()).isEqualTo(3);
            assertThat(loop.stats().answered()).isEqualTo(3);
            assertThat(loop.stats().accepted()).isEqualTo(2);
            assertThat(noticesAt(quick, 62 * SECOND)).filteredOn(OrderAccepted.class::isInstance).hasSize(1);
        }
    }

    @ParameterizedTest(name = "the loop's work while waiting run {0}")
    @ValueSource(strings = {"first", "after every answer"})
    void resetsADeregisteredUidAndForgetsItsHistoryOnceTheResetIsDone(String when) {
        Map<Integer, TradingAgent> agents = new HashMap<>();
        agents.put(1, new TestTraderProvider.Trader(2_500));
        Fixtures.ScriptedAgent two = new Fixtures.ScriptedAgent(state -> List.of(market(0,
                state.timestamp() / SECOND % 2 == 0 ? Side.BUY : Side.SELL)));
        agents.put(2, two);
        AtomicReference<List<Neuron>> registered = new AtomicReference<>(Fixtures.neurons(1, 2));
        MinerTransport transport = when.equals("first") ? Fixtures.inProcess(agents)
                : late(Fixtures.inProcess(agents), () -> { });
        ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), transport, registered::get);
        List<String> trace = new ArrayList<>();
        loop.addListener(stats -> trace.add(String.format("%d pending=%s served=%d", stats.timestamp() / SECOND,
                loop.pendingResets(), stats.lastServing())));
        try (loop; Simulation simulation = Fixtures.attach(loop, Fixtures.small(), 75 * SECOND, 42)) {
            while (simulation.time() < 69 * SECOND) {
                simulation.step();
            }
            assertThat(loop.tradedVolume(2, 0)).isPositive();
            // uid 2 changes hands; the roster is read again at 70 s
            registered.set(List.of(Fixtures.neuron(1, "hk1"), Fixtures.neuron(2, "newcomer")));
            while (!simulation.finished()) {
                simulation.step();
                if (simulation.time() == 70 * SECOND) {
                    assertThat(loop.tradedVolume(2, 0)).isZero();
                    assertThat(loop.scoring().scores()[2]).isZero();
                }
            }
            assertThat(trace).contains("69 pending=[] served=2", "70 pending=[2] served=1", "71 pending=[] served=2");
            assertThat(loop.stats().resetsSent()).isEqualTo(1);
            assertThat(loop.stats().resetsConfirmed()).isEqualTo(1);
            // uid 2 was not asked at 70 s, and its account was reset before 71 s
            assertThat(two.states()).extracting(StateUpdate::timestamp).doesNotContain(70 * SECOND);
            assertThat(noticesAt(two, 71 * SECOND)).anyMatch(AgentReset.class::isInstance);
        }
    }

    @Test
    void theSameSeedGivesTheSameRunAndScores() {
        long[] hashes = new long[3];
        double[][] scores = new double[3][];
        long[] seeds = {7, 7, 8};
        for (int i = 0; i < 3; i++) {
            Map<Integer, TradingAgent> agents = Map.of(0, new TestTraderProvider.Trader(2_500),
                    1, new TestTraderProvider.Trader(5_000), 2, new TestTraderProvider.Trader(7_500));
            ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), Fixtures.inProcess(agents),
                    Roster.fixed(Fixtures.neurons(0, 1, 2)));
            try (loop; Simulation simulation = Fixtures.attach(loop, Fixtures.small(), 180 * SECOND, seeds[i])) {
                while (!simulation.finished()) {
                    simulation.step();
                }
                hashes[i] = simulation.eventLogHash();
                scores[i] = loop.scoring().scores();
                assertThat(loop.stats().scorings()).isEqualTo(25);
            }
        }
        assertThat(hashes[1]).isEqualTo(hashes[0]);
        assertThat(scores[1]).containsExactly(scores[0]);
        assertThat(java.util.Arrays.stream(scores[0]).max().orElseThrow()).isPositive();
        assertThat(hashes[2]).isNotEqualTo(hashes[0]);
    }

    /**
     * {@code inner}, running the loop's work while waiting (accounting the trades, scoring) as late as a transport
     * may: after every answer is in ({@code onQuery} at each query).
     */
    private static MinerTransport late(MinerTransport inner, Runnable onQuery) {
        return new MinerTransport() {
            @Override
            public List<MinerReply> query(Publication publication, List<Neuron> miners) {
                return inner.query(publication, miners);
            }

            @Override
            public List<MinerReply> query(Publication publication, List<Neuron> miners, Runnable whileWaiting) {
                onQuery.run();
                List<MinerReply> replies = inner.query(publication, miners);
                whileWaiting.run();
                return replies;
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }

    @Test
    void scoringWhileTheMinersAnswerGivesTheScoresOfScoringAfterThem() {
        double[][] scores = new double[2][];
        long[] hashes = new long[2];
        java.util.concurrent.atomic.AtomicInteger queries = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 2; i++) {
            Map<Integer, TradingAgent> agents = Map.of(0, new TestTraderProvider.Trader(2_500),
                    1, new TestTraderProvider.Trader(5_000), 2, new TestTraderProvider.Trader(7_500));
            MinerTransport inner = Fixtures.inProcess(agents);
            ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), i == 0 ? inner
                            : late(inner, queries::incrementAndGet),
                    Roster.fixed(Fixtures.neurons(0, 1, 2)));
            try (loop; Simulation simulation = Fixtures.attach(loop, Fixtures.small(), 180 * SECOND, 7)) {
                while (!simulation.finished()) {
                    simulation.step();
                }
                hashes[i] = simulation.eventLogHash();
                scores[i] = loop.scoring().scores();
                assertThat(loop.stats().scorings()).isEqualTo(25);
            }
        }
        assertThat(queries.get()).isPositive();
        assertThat(hashes[1]).isEqualTo(hashes[0]);
        assertThat(scores[1]).containsExactly(scores[0]);
        assertThat(java.util.Arrays.stream(scores[0]).max().orElseThrow()).isPositive();
    }
}
