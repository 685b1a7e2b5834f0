package io.mvtrx.runtime.validator.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.runtime.dashboard.DashboardSnapshot;
import io.mvtrx.runtime.dashboard.MinerDetail;
import io.mvtrx.runtime.dashboard.MinerRow;
import io.mvtrx.runtime.simulator.SimulationOptions;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.validator.node.Fixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard a validator serves, fed by its loop: after a 200 s run of the small configuration (2 books, 60 s
 * grace, 60 s scoring window) with a trading miner (uid 1) and a miner whose orders name a book that does not exist
 * (uid 2), the snapshot and the JSON API show both, with scores, Kappa per book, P&L and rejections.
 */
class ValidatorDashboardIT {

    private static final long DURATION = 200 * SECOND;

    /** Buys then sells on a book that does not exist: every order is refused (UNKNOWN_BOOK). */
    private static Fixtures.ScriptedAgent wrongBook() {
        return new Fixtures.ScriptedAgent(state -> List.<Instruction>of(new PlaceMarket(9, Side.BUY, 10_000,
                Currency.BASE, 0, 0, StpMode.CO, Order.NO_CLIENT_ID, SettleFlag.NONE, 0, 0, 0)));
    }

    @Test
    void showsTheRunTheMinersAndWhyTheyScoreWhatTheyScore() throws Exception {
        ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), Fixtures.inProcess(Map.of(
                1, new TestTraderProvider.Trader(2_500), 2, wrongBook())), Roster.fixed(Fixtures.neurons(1, 2)));
        ValidatorNode node = new ValidatorNode(loop, Fixtures.PLUGINS, Fixtures::small, new ValidatorNode.Plan(
                SimulationOptions.defaults().withDuration(DURATION).withThreads(1), 0, 1), line -> { });
        ValidatorDashboard dashboard = ValidatorDashboard.attach(loop);
        List<DashboardSnapshot> seen = new ArrayList<>();
        loop.addListener(stats -> seen.add(dashboard.feed().current()));
        try (loop) {
            node.run();
        }

        DashboardSnapshot last = dashboard.feed().current();
        // one snapshot at least per scoring and at the last publish; versions only go up
        assertThat(seen.stream().mapToLong(DashboardSnapshot::version).distinct().count()).isGreaterThan(3);
        assertThat(last.overview().source()).isEqualTo("validator");
        assertThat(last.overview().finished()).isTrue();
        assertThat(last.overview().simTime()).isEqualTo(DURATION);
        assertThat(last.overview().steps()).isEqualTo(200);
        assertThat(last.overview().blocks()).isEqualTo(1);
        assertThat(last.overview().booksPerBlock()).isEqualTo(2);
        assertThat(last.overview().minersServing()).isEqualTo(2);
        assertThat(last.overview().gentrx()).isEmpty();

        assertThat(last.books()).hasSize(2);
        assertThat(last.books().getFirst().bids()).isNotEmpty();
        assertThat(last.books().getFirst().asks()).isNotEmpty();
        assertThat(last.books().getFirst().bids().getFirst().orders()).isNotEmpty();
        assertThat(last.books().getFirst().fundamental()).isPositive();
        assertThat(last.books().getFirst().trades()).isNotEmpty();
        assertThat(last.books().getFirst().history()).hasSizeGreaterThan(3);

        assertThat(last.leaderboard()).extracting(MinerRow::uid).containsExactly(1, 2);
        MinerRow trader = last.leaderboard().getFirst();
        MinerReport report = loop.scoring().report(1);
        assertThat(trader.score()).isEqualTo(loop.publishedScores()[1]);
        assertThat(trader.kappaScore()).isEqualTo(report.kappaScore());
        assertThat(trader.tradingScore()).isEqualTo(report.tradingScore());
        assertThat(trader.answered()).isEqualTo(loop.stats().publishes());
        assertThat(trader.timeouts()).isZero();
        assertThat(trader.latencyMillis()).isPositive();
        assertThat(trader.volume()).isPositive();

        MinerDetail detail = last.miner(1).orElseThrow();
        assertThat(detail.books()).hasSize(2);
        for (int b = 0; b < 2; b++) {
            assertThat(detail.books().get(b).kappa()).as("book %d", b).isEqualTo(report.kappa()[b]);
            assertThat(detail.books().get(b).realizedPnl()).isEqualTo(report.pnl()[b]);
        }
        assertThat(detail.stages().kappaScore()).isEqualTo(report.kappaScore());
        assertThat(detail.stages().afterPareto()).isEqualTo(report.reward());
        assertThat(detail.stages().movingAverage()).isEqualTo(report.score());
        assertThat(detail.pnl()).isNotEmpty();
        assertThat(detail.pnl().getLast().perBook()).hasSize(2);
        assertThat(detail.rejections()).isEmpty();

        MinerDetail refused = last.miner(2).orElseThrow();
        assertThat(refused.rejections()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.reason()).isEqualTo("UNKNOWN_BOOK");
            assertThat(r.book()).isEqualTo(9);
        });
        assertThat(refused.rejections()).hasSize(ValidatorDashboard.REJECTIONS_KEPT);
    }

    @Test
    void aFailingObserverNeverStopsTheLoop() throws Exception {
        ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), Fixtures.inProcess(Map.of(1,
                new TestTraderProvider.Trader(2_500))), Roster.fixed(Fixtures.neurons(1)));
        ValidatorNode node = new ValidatorNode(loop, Fixtures.PLUGINS, Fixtures::small, new ValidatorNode.Plan(
                SimulationOptions.defaults().withDuration(65 * SECOND).withThreads(1), 0, 1), line -> { });
        int[] calls = {0};
        loop.addObserver((simulation, publication, replies, stats) -> {
            calls[0]++;
            throw new IllegalStateException("observer bug");
        });
        try (loop) {
            node.run();
        }

        assertThat(calls[0]).isEqualTo(6);
        assertThat(loop.stats().publishes()).isEqualTo(6);
        assertThat(loop.stats().answered()).isEqualTo(6);
    }

    @Test
    void theValidatorServerServesTheDashboard() throws Exception {
        ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), Fixtures.inProcess(Map.of(1,
                new TestTraderProvider.Trader(2_500))), Roster.fixed(Fixtures.neurons(1)));
        ValidatorNode node = new ValidatorNode(loop, Fixtures.PLUGINS, Fixtures::small, new ValidatorNode.Plan(
                SimulationOptions.defaults().withDuration(130 * SECOND).withThreads(1), 0, 1), line -> { });
        try (loop; ValidatorServer server = ValidatorServer.start(loop, "127.0.0.1", 0, Duration.ofMinutes(5))) {
            assertThat(ValidatorServerIT.get(server.port(), "/api/overview").body()).contains(
                    "\"source\":\"starting\"");
            node.run();

            assertThat(ValidatorServerIT.get(server.port(), "/").body()).contains("<title>MVTRX · overview</title>");
            assertThat(ValidatorServerIT.get(server.port(), "/api/overview").body()).contains(
                    "\"source\":\"validator\"", "\"simTimeNs\":130000000000", "\"books\":2",
                    "\"minersServing\":1", "\"gentrxRound\":\"off\"", "\"finished\":true");
            assertThat(ValidatorServerIT.get(server.port(), "/api/leaderboard").body()).contains("\"uid\":1,");
            assertThat(ValidatorServerIT.get(server.port(), "/api/miners/1").body()).contains(
                    "\"books\":[{\"book\":0,\"kappa\":", "\"stages\":{\"kappaAverage\":");
            assertThat(ValidatorServerIT.get(server.port(), "/api/books/1").statusCode()).isEqualTo(200);
            assertThat(ValidatorServerIT.get(server.port(), "/metrics").statusCode()).isEqualTo(200);
        }
    }
}
