package io.mvtrx.plugin.agents;

import java.util.function.DoubleUnaryOperator;

import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.plugin.agents.internal.ReturnHistory;
import io.mvtrx.testkit.agents.ScriptedEnvironment;
import io.mvtrx.testkit.agents.ScriptedRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StylizedTraderTest {

    private static final long DAY = 86_400_000_000_000L;

    private final StylizedTraderParameters live = StylizedTraderParameters.from(LiveConfig.agent("StylizedTraderAgent"));

    private static StylizedTraderPopulation population(Settings settings) {
        return (StylizedTraderPopulation) new StylizedTraderAgentProvider().create(settings,
                new PopulationContext(1, 3, BookDecimals.REFERENCE, 30_000, 0, 0, DAY, 1));
    }

    @Test
    void profileFollowsTheDrawnWeights() {
        // live: σF 5, σC 2.3, r_aversion 1e5, tau 6e11, tauHist 50 → population ratio 3.3/6 = 0.55
        StylizedProfile profile = StylizedProfile.derive(live, 1.0, 3.0, 0.5);

        assertThat(profile.riskAversion()).isCloseTo(100_000 * 0.55 * 0.5, within(1e-9));
        assertThat(profile.tau()).isEqualTo(165_000_000_000L);
        assertThat(profile.historySize()).isEqualTo(14);       // ceil(trunc(50·0.55 = 27.5)·0.5) = ceil(13.5)
        assertThat(profile.normaliser()).isCloseTo(1 / 4.5, within(1e-15));
        assertThat(profile.orderLifetime()).isEqualTo((long) (165_000_000_000L * Math.log(14)));
    }

    @Test
    void profileClampsTheLifetimeAndTheHistory() {
        StylizedProfile patient = StylizedProfile.derive(live, 100.0, 0.0, 0.0);
        StylizedProfile hasty = StylizedProfile.derive(live, 0.0, 1_000.0, 0.0);

        assertThat(patient.tau()).isEqualTo(3_600_000_000_000L);
        assertThat(patient.historySize()).isEqualTo(1000);
        assertThat(hasty.tau()).isEqualTo(1_000_000_000L);
        assertThat(hasty.historySize()).isEqualTo(10);
    }

    @Test
    void chartistTermIsTheMeanLogReturnOverTheHistory() {
        // a pure chartist (w = 1/C) with Σr = 0.05 over H = 50: r = 0.05/50 = 0.001.
        // The 0.1.9 reference divided by tau in ns (6e11), which gave 8.3e-14: chartists that never see a trend.
        StylizedProfile chartist = new StylizedProfile(0.0, 2.0, 0.0, 1.0, 600_000_000_000L, 50);

        assertThat(chartist.forecastLogReturn(300.0, 300.0, 1.0, 0.05, 0.0)).isCloseTo(0.001, within(1e-15));
        assertThat(chartist.forecastLogReturn(300.0, 300.0, 1.0, -0.05, 0.0)).isCloseTo(-0.001, within(1e-15));
    }

    @Test
    void forecastWeighsTheThreeTermsAndClampsToOne() {
        StylizedProfile mixed = new StylizedProfile(1.0, 2.0, 1.0, 1.0, 600_000_000_000L, 10);
        // w = 1/4; F·ln(330/300)/1 + C·0.02/10 + N·0.004
        double expected = (Math.log(1.1) + 2 * 0.002 + 0.004) / 4;
        assertThat(mixed.forecastLogReturn(330.0, 300.0, 1.0, 0.02, 0.004)).isCloseTo(expected, within(1e-15));
        assertThat(mixed.forecastLogReturn(3e6, 300.0, 1.0, 0.0, 0.0)).isEqualTo(1.0);
        assertThat(mixed.forecastLogReturn(Double.NaN, 300.0, 1.0, 0.0, 0.0)).isZero();
    }

    @Test
    void aRisingHistoryMakesAPureChartistQuoteAboveTheMidAndAFallingOneBelow() {
        // mean log return ±0.02 over H = 10: p̂ = 300·e^(±0.02·ln 10) = 314.1 or 286.5; with σ² = 1e-6 the demand is
        // so elastic that every price the trader samples lies within 1 % of p̂. Without the chartist fix (Σr/tau in
        // ns) both would quote at the mid.
        assertThat(chartistLimitPrice(0.02)).isBetween(31_000L, 31_800L);
        assertThat(chartistLimitPrice(-0.02)).isBetween(28_300L, 29_000L);
    }

    private long chartistLimitPrice(double drift) {
        StylizedTraderPopulation population = population(LiveConfig.agent("StylizedTraderAgent"));
        StylizedTrader trader = ((StylizedTrader) population.agent(
                new AgentContext(-2, 1, "S_1", 1)))
                .withProfile(new StylizedProfile(0.0, 1.0, 0.0, 55_000.0, 100_000_000_000L, 10));
        // q at mid-band; post-only never at this σ²; a marketable order stays a limit (0.9 above (|q-p|/p)^0.2)
        ScriptedRandom random = new ScriptedRandom().indices(0).exponentials(1.0).gaussians(0.0)
                .uniforms(0.5, 0.9, 0.9, 0.5, 0.5);
        ScriptedEnvironment env = new ScriptedEnvironment(1, random);
        env.defineProcess(0, "fundamental").set(300.0);
        env.account(0).balances(100_000, 30_000_000_000_000L);
        trader.onStart(env);
        ReturnHistory history = trader.history(0);
        for (int i = 0; i < 10; i++) {
            history.pushReturn(drift + (i % 2 == 0 ? 0.001 : -0.001));
        }
        history.seedPrice(300.0);
        env.clearRecords();

        trader.onWake(0, StylizedTraderPopulation.TURN, env.at(1_000_000_000L));

        assertThat(env.submissions()).hasSize(1);
        return ((PlaceLimit) env.submissions().getFirst().instruction()).price();
    }

    @Test
    void sellsDownToItsDemandAtTheSampledPrice() {
        // F only (w = 1), H = 10, history ±0.01 (σ² = 1e-4, Σr = 0), p = 300, pf = 303, a = 55 000, HARA 2,
        // 26 base and 12 000 quote. p̂ = 300·exp(ln(1.01)·ln 10).
        StylizedTraderPopulation population = population(LiveConfig.agent("StylizedTraderAgent"));
        StylizedTrader trader = ((StylizedTrader) population.agent(
                new AgentContext(-2, 1, "S_1", 1)))
                .withProfile(new StylizedProfile(1.0, 0.0, 0.0, 55_000.0, 100_000_000_000L, 10));
        ScriptedRandom random = new ScriptedRandom().indices(2).exponentials(1.0).gaussians(0.0)
                .uniforms(0.9, 0.5, 0.3);
        ScriptedEnvironment env = new ScriptedEnvironment(1, random);
        env.defineProcess(0, "fundamental").set(303.0);
        env.account(0).balances(260_000, 120_000_000_000_000L);
        trader.onStart(env);
        ReturnHistory history = trader.history(0);
        for (int i = 0; i < 10; i++) {
            history.pushReturn(i % 2 == 0 ? 0.01 : -0.01);
        }
        history.seedPrice(300.0);
        env.clearRecords();

        trader.onWake(0, StylizedTraderPopulation.TURN, env.at(5_000_000_000L));

        // the turn goes to instance 2 after e^25 ns (ACD at its stationary state, Exp draw 1.0)
        assertThat(env.wakes()).singleElement().satisfies(w -> {
            assertThat(w.toInstance()).isEqualTo(2);
            assertThat(w.timestamp()).isEqualTo(5_000_000_000L + 72_004_899_337L);
            assertThat(w.kind()).isEqualTo(StylizedTraderPopulation.TURN);
        });
        double forecast = 300.0 * Math.exp(Math.log(1.01) * Math.log(10));
        DoubleUnaryOperator x = q -> Math.log(forecast / q) / (1e-4 * q) * ((26 * q + 12_000) / 55_000.0 + 2.0);
        double indifference = bisect(q -> x.applyAsDouble(q) - 26, 1, forecast);
        double minimum = bisect(q -> q * (x.applyAsDouble(q) - 26) - 12_000, 1, indifference);
        double sampled = 1.01 * minimum + 0.9 * (0.99 * forecast - 1.01 * minimum);
        assertThat(indifference).isCloseTo(235.903, within(0.001));
        assertThat(minimum).isCloseTo(152.825, within(0.001));
        assertThat(sampled).isGreaterThan(indifference);

        PlaceLimit order = (PlaceLimit) env.submissions().getFirst().instruction();
        assertThat(order.side()).isEqualTo(Side.SELL);
        assertThat(order.price()).isEqualTo(Math.round(sampled * 100)).isEqualTo(28_893);
        assertThat(order.volume()).isEqualTo((long) Math.floor((26 - x.applyAsDouble(sampled)) * 10_000))
                .isEqualTo(210_685);
        // σ² = 1e-4 is far above the volatility guard: post-only for sure, and a post-only order is never a market
        assertThat(order.postOnly()).isTrue();
        assertThat(order.timeInForce()).isEqualTo(TimeInForce.GTT);
        assertThat(order.expiryPeriod()).isEqualTo((long) (100_000_000_000L * Math.log(10)));
        assertThat(env.submissions().getFirst().latency()).isEqualTo(131_678_102L);
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void rebalancesWithAMarketOrderWhenTheHistoryIsFlat() {
        StylizedTraderPopulation population = population(LiveConfig.agent("StylizedTraderAgent"));
        StylizedTrader trader = ((StylizedTrader) population.agent(
                new AgentContext(-2, 1, "S_1", 1)))
                .withProfile(new StylizedProfile(1.0, 0.0, 0.0, 55_000.0, 100_000_000_000L, 10));
        ScriptedRandom random = new ScriptedRandom().indices(0).exponentials(1.0).gaussians(0.0).uniforms(0.5, 0.5);
        ScriptedEnvironment env = new ScriptedEnvironment(1, random);
        env.defineProcess(0, "fundamental").set(303.0);
        env.account(0).balances(100_000, 60_000_000_000_000L);   // 10 base, 6000 quote = 20 base at 300
        trader.onStart(env);
        for (int i = 0; i < 10; i++) {
            trader.history(0).pushReturn(0.0);
        }
        trader.history(0).seedPrice(300.0);
        env.clearRecords();

        trader.onWake(0, StylizedTraderPopulation.TURN, env.at(1_000_000_000L));

        // σ² = 0: buy U(0.1, |6000/300 - 10|) = 0.1 + 0.5·9.9 = 5.05 base
        PlaceMarket order = (PlaceMarket) env.submissions().getFirst().instruction();
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.volume()).isEqualTo(50_500);
    }

    @Test
    void observesTheMidAndFallsBackOnEmptySides() {
        StylizedTraderPopulation population = population(LiveConfig.agent("StylizedTraderAgent"));
        StylizedTrader trader = (StylizedTrader) population.agent(
                new AgentContext(-2, 1, "S_1", 1));
        ScriptedEnvironment env = new ScriptedEnvironment(1, 3);
        env.defineProcess(0, "fundamental").set(300.0);
        trader.onStart(env);
        ReturnHistory history = trader.history(0);
        history.seedPrice(300.0);

        env.book(0).quote(29_990, 10_000, 30_010, 10_000);
        trader.onWake(0, StylizedTraderPopulation.OBSERVE, env.at(1));
        assertThat(history.lastPrice()).isCloseTo(300.0, within(1e-9));

        env.book(0).quote(0, 0, 30_100, 10_000);
        trader.onWake(0, StylizedTraderPopulation.OBSERVE, env.at(2));
        assertThat(history.lastPrice()).isCloseTo(300.5, within(1e-9));    // bid ← last mid 300

        env.book(0).quote(30_000, 10_000, 0, 0);
        trader.onWake(0, StylizedTraderPopulation.OBSERVE, env.at(3));
        assertThat(history.lastPrice()).isCloseTo(300.005, within(1e-9));  // ask ← bid + tick
        assertThat(history.returnAt(history.size() - 1)).isCloseTo(Math.log(300.005 / 300.5), within(1e-12));

        // the next observation comes MFL + τ later
        assertThat(env.wakes().getLast().timestamp() - 3).isGreaterThanOrEqualTo(trader.profile().tau());
    }

    @Test
    void initialHistoryKeepsTheSamplesFurthestBackInTheReferenceOrder() {
        double[] path = {300, 301, 302, 303, 304, 305, 306, 307, 308, 309};
        // stride 2: pushes path[9], path[7], path[5], path[3], path[1]; a ring of 3 keeps the last three
        ReturnHistory history = StylizedTrader.initialHistory(path, 2_000_000_000L, 3);

        assertThat(history.size()).isEqualTo(3);
        assertThat(history.returnAt(0)).isZero();
        assertThat(history.returnAt(1)).isCloseTo(Math.log(303 / 305.0), within(1e-15));
        assertThat(history.returnAt(2)).isCloseTo(Math.log(301 / 303.0), within(1e-15));
        assertThat(history.lastPrice()).isEqualTo(301);
    }

    @Test
    void initialPathsUseTheLiveGbmSigmaSpelling() {
        // the live XML says GBMSigma="0.01"; the reference reads only GBM_sigma (default 0.1) and ignores it
        assertThat(live.gbmSigma()).isEqualTo(0.01);
        Settings explicit = Settings.builder("StylizedTraderAgent")
                .attribute("GBM_sigma", "0.2").attribute("GBMSigma", "0.01").build();
        assertThat(explicit.doubleValue("GBM_sigma", 0.1)).isEqualTo(0.2);

        double[] path = population(LiveConfig.agent("StylizedTraderAgent")).path(0);
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 1; i < path.length; i++) {
            double r = Math.log(path[i] / path[i - 1]);
            sum += r;
            sumOfSquares += r * r;
        }
        int n = path.length - 1;
        double dailyVolatility = Math.sqrt((sumOfSquares / n - (sum / n) * (sum / n)) * n);
        assertThat(path[0]).isEqualTo(300.0);
        assertThat(dailyVolatility).isCloseTo(0.01, within(0.0005));
    }

    private static double bisect(DoubleUnaryOperator f, double low, double high) {
        double a = low;
        double b = high;
        double fa = f.applyAsDouble(a);
        for (int i = 0; i < 200; i++) {
            double m = (a + b) / 2;
            double fm = f.applyAsDouble(m);
            if (Math.signum(fm) == Math.signum(fa)) {
                a = m;
                fa = fm;
            } else {
                b = m;
            }
        }
        return (a + b) / 2;
    }
}
