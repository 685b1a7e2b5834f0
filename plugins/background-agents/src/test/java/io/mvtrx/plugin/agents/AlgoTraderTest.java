package io.mvtrx.plugin.agents;

import java.util.SplittableRandom;

import io.mvtrx.api.event.Trade;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.testkit.agents.ScriptedEnvironment;
import io.mvtrx.testkit.agents.ScriptedMarket;
import io.mvtrx.testkit.agents.ScriptedRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AlgoTraderTest {

    private static final long DAY = 86_400_000_000_000L;
    private static final PopulationContext CONTEXT =
            new PopulationContext(1, 1, BookDecimals.REFERENCE, 30_000, 40_000, 0, DAY, 1);

    private final ScriptedRandom random = new ScriptedRandom();
    private final ScriptedEnvironment env = new ScriptedEnvironment(1, random);
    private final AlgoTrader trader = (AlgoTrader) new AlgoTraderAgentProvider()
            .create(LiveConfig.agent("ALGOTraderAgent"), CONTEXT).agent(new AgentContext(-1, 0, "ALGO_0", 1));

    /** 21 levels a side of {@code volume} base each around 300.00; 167 000 base and 50 000 000 quote. */
    private void start(double fundamental, long volume) {
        ScriptedMarket book = env.book(0).clear().lastTrade(30_000);
        for (int level = 0; level < 21; level++) {
            book.addBid(29_999 - level, volume).addAsk(30_001 + level, volume);
        }
        env.defineProcess(0, "fundamental").set(fundamental);
        env.account(0).balances(1_670_000_000L, 500_000_000_000_000_000L);
        // target Rayleigh(2000) at u = 1 - e^(-1/2): 2000; first read after volumeStatsPeriod + 1e8
        random.uniforms(1 - Math.exp(-0.5)).gaussians(0.0);
        trader.onStart(env);
        env.clearRecords();
    }

    @Test
    void startsWithATargetAndSchedulesItsReadsAndFirstDecision() {
        start(300.0, 1_000_000);

        assertThat(trader.target(0)).isCloseTo(2000.0, within(1e-4));
        assertThat(trader.executing(0)).isFalse();
    }

    @Test
    void executesTheBestAskAtOnceWhenTheFundamentalIsAboveAndTheAsksAreDeep() {
        start(301.0, 1_500_000);                                         // top-5 asks 750 >= immediateBase 600
        // slice LogNormal(1.8, 0.9) at 0 = 6.05 < best ask 150: the slice is 150; latency at u = 0.5; next read
        random.gaussians(0.0, 0.0).uniforms(0.5);

        trader.onWake(0, AlgoTrader.READ, env.at(30_100_000_000L));

        assertThat(trader.executing(0)).isTrue();
        assertThat(trader.direction(0)).isEqualTo(Side.BUY);
        assertThat(trader.target(0)).isEqualTo(150.0);
        PlaceMarket order = (PlaceMarket) env.submissions().getFirst().instruction();
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.volume()).isEqualTo(1_500_000);
        // 90 ms + 0.27666802·(5 s - 90 ms)
        assertThat(env.submissions().getFirst().latency()).isEqualTo(1_448_439_958L);
        assertThat(env.wakes()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(AlgoTrader.READ);
            assertThat(w.timestamp()).isEqualTo(30_100_000_000L + 30_000_000_000L + 100_000_000L);
        });
    }

    @Test
    void keepsSlicingUntilAtMostOneBaseRemains() {
        start(301.0, 1_500_000);
        random.gaussians(0.0, 0.0).uniforms(0.5);
        trader.onWake(0, AlgoTrader.READ, env.at(30_100_000_000L));
        env.clearRecords();

        random.gaussians(0.0, 0.0);
        trader.onNotice(accepted(1_000_000), env.at(31_000_000_000L));            // 100 of 150 done
        assertThat(trader.target(0)).isCloseTo(50.0, within(1e-9));
        assertThat(env.wakes()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(AlgoTrader.SLICE);
            assertThat(w.timestamp()).isEqualTo(31_000_000_000L + 100_000_000L + 60_000_000_000L);
        });

        random.uniforms(0.5);                                                    // the next target
        trader.onNotice(accepted(495_000), env);                                 // 0.5 left: done
        assertThat(trader.executing(0)).isFalse();
        assertThat(trader.target(0)).isCloseTo(2000 * Math.sqrt(-2 * Math.log(0.5)), within(1e-4));
    }

    @Test
    void activationMultipliesTheVolatilityCostTimeAndDistanceGates() {
        start(300.0, 1_000_000);                                                 // top-5 500 < 600: no execution
        random.gaussians(0.0);
        trader.onWake(0, AlgoTrader.READ, env.at(30_100_000_000L));
        assertThat(trader.variance(0)).isCloseTo(1e-8 / (1 - 0.2 - 0.7), within(1e-20));

        // σ̂ = √1e-7·√(86400 s / 30 s); slope (21·100 - 100)/20 = 100 and volume 500: pCost = 1/(1 + e^0) · 1
        double volatility = Math.sqrt(1e-7) * Math.sqrt(2880.0);
        double expected = 1 / (1 + Math.exp(100 * (volatility - 0.025))) * 0.5 * 1.0 * (0.01 * 0.5);
        assertThat(trader.activation(0, 0.01, 600_000_000_000L)).isCloseTo(expected, within(1e-15));
        assertThat(expected).isCloseTo(0.0017265, within(1e-7));
    }

    @Test
    void aStartedExecutionBuysAtMost99PercentOfTheQuoteOverTheLastPrice() {
        start(300.0, 1_000_000);
        random.gaussians(0.0);
        trader.onWake(0, AlgoTrader.READ, env.at(30_100_000_000L));
        env.defineProcess(0, "fundamental").set(303.0);
        env.account(0).balances(1_670_000_000L, 30_000_000_000_000L);            // 3 000 quote
        env.clearRecords();
        // activation ≈ 0.00173: drawn at 0.001; new target Rayleigh at 0.5; slice after MFL; next decision
        random.uniforms(0.001, 0.5).gaussians(0.0, 0.0);

        trader.onWake(0, AlgoTrader.DECIDE, env.at(600_000_000_000L));

        assertThat(trader.executing(0)).isTrue();
        assertThat(trader.direction(0)).isEqualTo(Side.BUY);
        assertThat(trader.target(0)).isCloseTo(0.99 * 3000 / 300, within(1e-12)); // 0.1.9 multiplied: 900 000
        assertThat(env.wakes()).extracting(ScriptedEnvironment.Wake::kind)
                .containsExactly(AlgoTrader.SLICE, AlgoTrader.DECIDE);
    }

    @Test
    void aSliceThatRoundsToNothingEndsTheExecutionInsteadOfSendingAZeroOrder() {
        start(301.0, 1_500_000);
        env.account(0).balances(0, 0);
        random.gaussians(0.0).uniforms(0.5).gaussians(0.0);

        trader.onWake(0, AlgoTrader.READ, env.at(30_100_000_000L));

        assertThat(env.submissions()).isEmpty();
        assertThat(trader.executing(0)).isFalse();
    }

    @Test
    void readsTheTapeForTheLastPriceAndTheVolatility() {
        start(300.0, 1_000_000);
        random.gaussians(0.0);
        trader.onWake(0, AlgoTrader.READ, env.at(30_100_000_000L));               // v0 = 1e-7, mid 300
        trader.onMarketTrade(trade(31_000_000_000L, 10_000, 30_000), env);
        trader.onMarketTrade(trade(32_000_000_000L, 10_000, 30_300), env);
        env.book(0).clear().addBid(30_299, 1_000_000).addAsk(30_301, 1_000_000);
        random.gaussians(0.0);

        trader.onWake(0, AlgoTrader.READ, env.at(60_200_000_000L));

        // one tape return ln(303/300): variance · (1-1)/1 = 0; v = ω + α·ln(1.01)² + β·1e-7
        double r = Math.log(303 / 300.0);
        assertThat(trader.variance(0)).isCloseTo(1e-8 + 0.2 * r * r + 0.7 * 1e-7, within(1e-15));
    }

    @Test
    void refusesAnUnknownVolumeDistribution() {
        Settings settings = Settings.builder("ALGOTraderAgent").attribute("name", "A").attribute("exchange", "E")
                .attribute("depth", "21").attribute("volumeStatsPeriod", "30000000000").attribute("omega", "1e-8")
                .attribute("minOPLatency", "1").attribute("maxOPLatency", "2")
                .child(Settings.builder("VolumeDistribution").attribute("type", "pareto").attribute("mu", "1")
                        .attribute("sigma", "1"))
                .build();

        assertThatThrownBy(() -> new AlgoTraderAgentProvider().create(settings, CONTEXT))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/ALGOTraderAgent/VolumeDistribution: attribute 'type' must be one of lognormal, normal, "
                        + "got pareto");
    }

    @Test
    void doesNotStartAtOnceOnAThinBook() {
        ScriptedEnvironment seeded = new ScriptedEnvironment(1, new SplittableRandom(5));
        seeded.book(0).quote(29_999, 1_500_000, 30_001, 1_500_000);
        seeded.defineProcess(0, "fundamental").set(301.0);
        seeded.account(0).balances(1_670_000_000L, 500_000_000_000_000_000L);
        AlgoTrader fresh = (AlgoTrader) new AlgoTraderAgentProvider()
                .create(LiveConfig.agent("ALGOTraderAgent"), CONTEXT).agent(new AgentContext(-1, 0, "ALGO_0", 1));
        fresh.onStart(seeded);
        fresh.onWake(0, AlgoTrader.READ, seeded.at(30_100_000_000L));           // top-5 150 < 600: no start
        assertThat(seeded.submissions()).isEmpty();
    }

    private static OrderAccepted accepted(long volume) {
        return new OrderAccepted(1, 0, 1, -1, OrderType.MARKET, Side.BUY, 0, volume, 0);
    }

    private static Trade trade(long timestamp, long volume, long price) {
        return new Trade(0, timestamp, 1, Side.BUY, 1, 2, 5, 6, price, volume, 0, 0);
    }
}
