package io.mvtrx.plugin.agents;

import java.util.SplittableRandom;

import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.testkit.agents.ScriptedEnvironment;
import io.mvtrx.testkit.agents.ScriptedProcess;
import io.mvtrx.testkit.agents.ScriptedRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NoiseTraderTest {

    private static final long DAY = 86_400_000_000_000L;

    private final NoiseTraderPopulation population = (NoiseTraderPopulation) new NoiseTraderAgentProvider()
            .create(LiveConfig.agent("NoiseTraderAgent"),
                    new PopulationContext(1, 4, BookDecimals.REFERENCE, 30_000, 0, 0, DAY, 1));
    private final ScriptedRandom random = new ScriptedRandom();
    private final ScriptedEnvironment env = new ScriptedEnvironment(1, random);

    /** Instance 1 (so the start draws only its volume constant) with the given spin and mean spin. */
    private NoiseTrader trader(double spin, double mean) {
        NoiseTrader trader = (NoiseTrader) population.agent(new AgentContext(-2, 1, "N_1", 1));
        env.book(0).quote(29_999, 10_000, 30_001, 10_000);
        env.account(0).balances(500_000, 150_000_000_000_000L);                // 50 base, 15 000 quote
        env.defineProcess(0, "magneticfield").set(mean).components(0.0, 1, spin, 1, -1);   // Δm̄, spins 0..3
        random.gaussians(0.0);                                                  // volume constant e^2.3
        trader.onStart(env);
        env.clearRecords();
        return trader;
    }

    @Test
    void drawsItsVolumeConstantFromTheMeanVolume() {
        NoiseTrader trader = trader(1, 0.0);
        assertThat(trader.volumeConstant()).isCloseTo(Math.exp(2.3), within(1e-12));
    }

    @Test
    void anAlignedBuyerTakesTheMarketWithProbabilityOfTheMagnetisation() {
        NoiseTrader trader = trader(1, 0.5);
        random.indices(3).exponentials(1.0).uniforms(0.2, 0.3);               // 0.2 < |m̄| = 0.5

        trader.onWake(0, NoiseTraderPopulation.OBSERVE, env.at(1_000));

        // balance = 0.9·(1 + 0.5)/2; BUY balance·15000/(300·(1 + 3e-8))
        PlaceMarket order = (PlaceMarket) env.submissions().getFirst().instruction();
        assertThat(order.side()).isEqualTo(Side.BUY);
        assertThat(order.volume()).isEqualTo(337_499);
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void anAlignedSellerSellsItsBalanceShareOfTheBase() {
        NoiseTrader trader = trader(-1, -0.5);
        random.indices(0).exponentials(1.0).uniforms(0.2, 0.3);

        trader.onWake(0, NoiseTraderPopulation.OBSERVE, env.at(1_000));

        PlaceMarket order = (PlaceMarket) env.submissions().getFirst().instruction();
        assertThat(order.side()).isEqualTo(Side.SELL);
        assertThat(order.volume()).isEqualTo(337_500);                        // 0.675 · 50 base
    }

    @Test
    void otherwisePlacesALimitOnTheSideOfItsSampledPrice() {
        NoiseTrader reference = trader(1, -0.5);                                // not aligned: no market draw
        SplittableRandom draws = new SplittableRandom(4);
        ScriptedEnvironment seeded = new ScriptedEnvironment(1, draws);
        seeded.book(0).quote(29_999, 10_000, 30_001, 10_000);
        seeded.account(0).balances(500_000, 150_000_000_000_000L);
        ScriptedProcess field = seeded.defineProcess(0, "magneticfield").set(-0.5).components(0.0, 1, 1, 1, -1);
        for (int turn = 0; turn < 20; turn++) {
            field.component(3, 1);                       // against the majority again (its own sell flips it)
            reference.onWake(0, NoiseTraderPopulation.OBSERVE, seeded.at(1_000 + turn));
        }

        // forecast p̂ = 300·e^(1e-8 - 0.5); balance 0.9·(1 - 0.5)/2 = 0.225; p_min within 3e-4 of p̂, so every
        // price lies in the reversed band [p̂·(1 - 0.225), p_min·(1 + 0.225)]
        double forecast = 300 * Math.exp(1e-8 - 0.5);
        assertThat(seeded.submissions()).hasSize(20).allSatisfy(s -> {
            PlaceLimit order = (PlaceLimit) s.instruction();
            assertThat(order.volume()).isPositive();
            assertThat(order.price()).isBetween((long) (forecast * 0.775 * 100), (long) (forecast * 1.225 * 100) + 1);
            assertThat(order.side()).isEqualTo(order.price() < forecast * 100 ? Side.BUY : Side.SELL);
            assertThat(order.expiryPeriod()).isEqualTo(1_800_000_000_000L);
        });
        // after each limit it sets its own spin (component 2 + 1) to the side it took
        assertThat(field.inputs()).extracting(ScriptedProcess.Input::component).containsOnly(3);
        assertThat(field.inputs()).extracting(ScriptedProcess.Input::value).containsExactlyElementsOf(
                seeded.submissions().stream().map(s -> ((PlaceLimit) s.instruction()).side() == Side.BUY ? 1.0 : -1.0)
                        .toList());
    }

    @Test
    void magnetisationShortensTheDecisionDelay() {
        NoiseTrader trader = trader(1, 0.0);
        random.indices(2).exponentials(1.0).otherwise(new SplittableRandom(2));

        trader.onWake(0, NoiseTraderPopulation.OBSERVE, env.at(1_000));
        // ψ' = 2.5 + 0.45·25 + 0.45·25 + 15·ln(1 - 0) = 25
        assertThat(env.wakes().getFirst().timestamp()).isEqualTo(1_000 + 72_004_899_337L);
        assertThat(env.wakes().getFirst().toInstance()).isEqualTo(2);

        env.defineProcess(0, "magneticfield").set(0.5);
        env.clearRecords();
        random.indices(2).exponentials(1.0);
        trader.onWake(0, NoiseTraderPopulation.OBSERVE, env.at(2_000));
        // ψ'' = 2.5 + 0.45·ln(72004899337) + 0.45·25 + 15·ln(0.5) ≈ 14.6: e^ψ'' ≈ 2.2 ms, clamped to minDMD 2 s
        assertThat(env.wakes().getFirst().timestamp()).isEqualTo(2_000 + 2_000_000_000L);
    }

    @Test
    void aBuyersPriceLeansToTheLowEndWhenItsWeightIsOne() {
        SplittableRandom draws = new SplittableRandom(9);
        double sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            // position of the indifference price 0.5, weight 1: mode 0 → Beta(1, 5), mean 1/6
            sum += NoiseTrader.samplePrice(draws, 100, 150, 200, 1, 1.0);
        }
        assertThat((sum / n - 100) / 100).isCloseTo(1 / 6.0, within(0.005));

        double sellers = 0;
        for (int i = 0; i < n; i++) {
            sellers += NoiseTrader.samplePrice(draws, 100, 150, 200, -1, 1.0);  // mode 1 → Beta(5, 1)
        }
        assertThat((sellers / n - 100) / 100).isCloseTo(5 / 6.0, within(0.005));
        double reversed = 0;
        for (int i = 0; i < n; i++) {
            reversed += NoiseTrader.samplePrice(draws, 200, 150, 100, 1, 1.0);   // runs from 200 down to 100
        }
        assertThat((200 - reversed / n) / 100).isCloseTo(1 / 6.0, within(0.005));
        assertThat(NoiseTrader.samplePrice(draws, 150, 150, 150, 1, 0.5)).isNaN();
    }

    @Test
    void forecastsWithTheMeanSpinAndItsLastChange() {
        NoiseTrader trader = trader(1, 0.5);
        env.defineProcess(0, "magneticfield").component(1, 0.25);
        // not taking the market (0.9 >= 0.5): the limit price lies around p̂ = 300·e^(1e-8 + 0.5 + 0.25)
        random.indices(0).exponentials(1.0).uniforms(0.9).otherwise(new SplittableRandom(8));

        trader.onWake(0, NoiseTraderPopulation.OBSERVE, env.at(1_000));

        double forecast = 300 * Math.exp(1e-8 + 0.5 + 0.25);
        PlaceLimit order = (PlaceLimit) env.submissions().getFirst().instruction();
        // balance 0.9·(1 + 0.5)/2 = 0.675: the band runs from p_min·1.675 down to p̂·0.325
        assertThat(order.price()).isBetween((long) (forecast * 0.325 * 100), (long) (forecast * 1.675 * 100) + 1);
        assertThat(Math.abs(order.price() / 100.0 - forecast)).isGreaterThan(0.0);
    }

    @Test
    void refusesAFieldWithoutItsSpin() {
        NoiseTrader trader = (NoiseTrader) population.agent(new AgentContext(-6, 5, "N_5", 1));
        env.defineProcess(0, "magneticfield").set(0.0).components(0.0, 1, -1, 1, -1);
        random.gaussians(0.0);

        assertThatThrownBy(() -> trader.onStart(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("NoiseTraderAgent instance 5 follows spin 5 (component 7) of book 0's 'magneticfield' "
                        + "process, which has 6 components (instanceCount must equal numRows²)");
    }
}
