package io.mvtrx.plugin.agents;

import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.testkit.agents.ScriptedEnvironment;
import io.mvtrx.testkit.agents.ScriptedRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FuturesTraderTest {

    private static final long DAY = 86_400_000_000_000L;

    private final FuturesTraderPopulation population = (FuturesTraderPopulation) new FuturesTraderAgentProvider()
            .create(LiveConfig.agent("FuturesTraderAgent"),
                    new PopulationContext(1, 3, BookDecimals.REFERENCE, 30_000, 0, 0, DAY, 1));
    private final ScriptedRandom random = new ScriptedRandom();
    private final ScriptedEnvironment env = new ScriptedEnvironment(1, random);
    private final FuturesTrader trader = (FuturesTrader) population.agent(new AgentContext(-1, 0, "F_0", 1));

    private void start(double external) {
        env.book(0).quote(29_999, 10_000, 30_001, 10_000);
        env.defineProcess(0, "external").set(external);
        random.indices(1).gaussians(0.0);                 // first turn to instance 1 after 5 s
        trader.onStart(env);
        env.clearRecords();
    }

    @Test
    void readsTheReturnAndVolumeFactorOfAFuturesSignal() {
        ScriptedEnvironment world = new ScriptedEnvironment(1, 1);
        // FuturesSignal layout: 0 value, 1 last log return, 2 volume factor, 3 samples, 4 decay
        world.defineProcess(0, "external").set(290.0).components(-0.02, Math.exp(0.02), 7, 1.0);

        population.observeSignal(0, world.process(0, "external"));

        assertThat(population.logReturn(0)).isEqualTo(-0.02);
        assertThat(population.volumeFactor(0)).isEqualTo(Math.exp(0.02));
    }

    @Test
    void derivesTheReturnAndVolumeFactorOfAScalarSignalFromItsChanges() {
        population.observeValue(0, 300.0);
        assertThat(population.logReturn(0)).isZero();
        population.observeValue(0, 303.0);
        assertThat(population.logReturn(0)).isCloseTo(Math.log(1.01), within(1e-15));
        assertThat(population.volumeFactor(0)).isCloseTo(1.01, within(1e-12));
        population.observeValue(0, 303.0);
        assertThat(population.logReturn(0)).isCloseTo(Math.log(1.01), within(1e-15));
        population.observeValue(0, 101.0);
        assertThat(population.logReturn(0)).isCloseTo(Math.log(1 / 3.0), within(1e-15));
        assertThat(population.volumeFactor(0)).isEqualTo(2.0);
    }

    @Test
    void handsOutTheFirstTurnAfterADecisionDelay() {
        random.indices(2).gaussians(1.0);
        env.defineProcess(0, "external").set(300.0);

        trader.onStart(env);

        assertThat(env.wakes()).singleElement().satisfies(w -> {
            assertThat(w.toInstance()).isEqualTo(2);
            assertThat(w.timestamp()).isEqualTo(5_500_000_000L);           // delayMean 5e9 + 1·delaySTD 5e8
            assertThat(w.kind()).isEqualTo(FuturesTraderPopulation.TURN);
        });
    }

    @Test
    void readsTheBookAfterTheFeedLatencyThenPassesTheTurnOn() {
        start(300.0);
        random.gaussians(0.0);

        trader.onWake(0, FuturesTraderPopulation.TURN, env.at(10));

        assertThat(env.wakes()).singleElement().satisfies(w -> {
            assertThat(w.toInstance()).isZero();
            assertThat(w.timestamp()).isEqualTo(10 + 250_000_000L);
            assertThat(w.kind()).isEqualTo(FuturesTraderPopulation.OBSERVE);
        });
    }

    @Test
    void buysAtMarketAfterARise() {
        start(300.0);
        env.defineProcess(0, "external").set(303.0);
        // turn to 2 after 5 s; ε = 0; v = e^(ln 8 · 1.01); market (0.2 < 0.5); latency at 0.3
        random.indices(2).gaussians(0.0, 0.0, 0.0).uniforms(0.2, 0.3);

        trader.onWake(0, FuturesTraderPopulation.OBSERVE, env.at(1_000));

        assertThat(env.wakes()).singleElement().satisfies(w -> assertThat(w.toInstance()).isEqualTo(2));
        PlaceMarket order = (PlaceMarket) env.submissions().getFirst().instruction();
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.volume()).isEqualTo((long) Math.floor(Math.exp(Math.log(8) * 1.01) * 10_000))
                .isEqualTo(81_680);
        assertThat(env.submissions().getFirst().latency()).isEqualTo(131_678_102L);
        assertThat(trader.inFlight(0)).isTrue();
    }

    @Test
    void bidsFloorOfItsSizeInTicksBelowTheBestBid() {
        start(300.0);
        env.defineProcess(0, "external").set(303.0);
        random.indices(0).gaussians(0.0, 0.0, 0.0).uniforms(0.7, 0.3);

        trader.onWake(0, FuturesTraderPopulation.OBSERVE, env.at(1_000));

        PlaceLimit order = (PlaceLimit) env.submissions().getFirst().instruction();
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.price()).isEqualTo(29_999 - 8);                     // v = 8.17: 8 ticks behind
        assertThat(order.expiryPeriod()).isEqualTo(120_000_000_000L);
    }

    @Test
    void aSmallSellIsPricedInsideTheSpreadAsInTheReference() {
        start(300.0);
        env.defineProcess(0, "external").set(297.0);
        // v = e^(ln 8 · f - 3) ≈ 0.41 < 1: shift = -floor(41.x) ticks, the ask moves 41 ticks down
        random.indices(0).gaussians(0.0, 0.0, -3.0).uniforms(0.7, 0.3);

        trader.onWake(0, FuturesTraderPopulation.OBSERVE, env.at(1_000));

        double factor = Math.exp(Math.abs(Math.log(297 / 300.0)));
        double volume = Math.exp(Math.log(8) * factor - 3);
        PlaceLimit order = (PlaceLimit) env.submissions().getFirst().instruction();
        assertThat(order.side()).isEqualTo(Side.SELL);
        assertThat(order.price()).isEqualTo(30_001 - (long) Math.floor(volume * 100));
        assertThat(order.volume()).isEqualTo((long) Math.floor(volume * 10_000));
    }

    @Test
    void waitsForTheReplyBeforeTradingTheBookAgain() {
        start(300.0);
        env.defineProcess(0, "external").set(303.0);
        random.indices(0).gaussians(0.0, 0.0, 0.0).uniforms(0.2, 0.3);
        trader.onWake(0, FuturesTraderPopulation.OBSERVE, env.at(1_000));

        random.indices(0).gaussians(0.0);
        trader.onWake(0, FuturesTraderPopulation.OBSERVE, env.at(2_000));
        assertThat(env.submissions()).hasSize(1);
        assertThat(random.exhausted()).isTrue();

        trader.onNotice(new OrderAccepted(2_500, 0, 1, -1, OrderType.MARKET, Side.BUY, 0, 81_680, 0), env);
        random.indices(0).gaussians(0.0, 0.0, 0.0).uniforms(0.2, 0.3);
        trader.onWake(0, FuturesTraderPopulation.OBSERVE, env.at(3_000));
        assertThat(env.submissions()).hasSize(2);
    }

    @Test
    void staysOutWhileTheSignalHasNotMoved() {
        start(300.0);
        random.indices(0).gaussians(0.0);

        trader.onWake(0, FuturesTraderPopulation.OBSERVE, env.at(1_000));

        assertThat(env.submissions()).isEmpty();
        assertThat(random.exhausted()).isTrue();
    }
}
