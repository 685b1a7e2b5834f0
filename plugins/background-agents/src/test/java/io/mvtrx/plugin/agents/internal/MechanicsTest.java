package io.mvtrx.plugin.agents.internal;

import java.util.SplittableRandom;

import io.mvtrx.testkit.agents.ScriptedRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MechanicsTest {

    @Test
    void placementLatencyMapsAUniformThroughTheRayleighQuantile() {
        PlacementLatency latency = new PlacementLatency(90_000_000, 300_000_000, 0.235);
        // u = 0.3·F(1), F(1) = 1 - e^(-1/(2·0.235²)) = 0.99988306; Q = 0.235·sqrt(-2 ln(1 - u)) = 0.19846716
        assertThat(latency.sample(new ScriptedRandom().uniforms(0.3))).isEqualTo(131_678_102L);
        assertThat(latency.sample(new ScriptedRandom().uniforms(0.5))).isEqualTo(148_100_283L);
        assertThat(latency.sample(new ScriptedRandom().uniforms(0.0))).isEqualTo(90_000_000L);
    }

    @Test
    void placementLatencyStaysWithinItsBounds() {
        PlacementLatency latency = new PlacementLatency(1_000_000, 50_000_000, 0.235);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            assertThat(latency.sample(random)).isBetween(1_000_000L, 50_000_000L);
        }
    }

    @Test
    void feedLatencyFoldsAndCapsTheNormal() {
        FeedLatency feed = new FeedLatency(250_000_000, 50_000_000);
        assertThat(feed.sample(new ScriptedRandom().gaussians(1.0))).isEqualTo(300_000_000L);
        assertThat(feed.sample(new ScriptedRandom().gaussians(-6.0))).isEqualTo(50_000_000L);
        assertThat(feed.sample(new ScriptedRandom().gaussians(4.0))).isEqualTo(400_000_000L);
    }

    @Test
    void acdClockStartsStationaryAndFeedsBackTheLogDelay() {
        AcdClock clock = new AcdClock(5.0, 0.15, 0.65, 2_000_000_000L, 600_000_000_000L);
        assertThat(clock.stationary()).isCloseTo(25.0, within(1e-12));

        // ψ' = 5 + 0.15·25 + 0.65·25 = 25; delay = e^25 · 1.0
        assertThat(clock.next(new ScriptedRandom().exponentials(1.0), 0.0)).isEqualTo(72_004_899_337L);
        assertThat(clock.psi()).isCloseTo(25.0, within(1e-12));
        assertThat(clock.lastLogDelay()).isCloseTo(Math.log(72_004_899_337.0), within(1e-12));

        // ψ'' = 5 + 0.15·ln(72004899337) + 0.65·25, delay clamped to maxDMD by a long exponential draw
        assertThat(clock.next(new ScriptedRandom().exponentials(20.0), 0.0)).isEqualTo(600_000_000_000L);
        assertThat(clock.lastLogDelay()).isCloseTo(Math.log(600_000_000_000.0), within(1e-12));
    }

    @Test
    void acdClockClampsShortDelaysAndTakesTheExtraTerm() {
        AcdClock clock = new AcdClock(2.5, 0.45, 0.45, 2_000_000_000L, 600_000_000_000L);
        // extra = 15·ln(1 - 0.9): ψ' = 2.5 + 0.9·25 - 34.54 → e^ψ' ≈ 2.6e-5 ns → minDMD
        assertThat(clock.next(new ScriptedRandom().exponentials(1.0), 15 * Math.log(0.1))).isEqualTo(2_000_000_000L);
        assertThat(clock.psi()).isCloseTo(2.5 + 0.9 * 25 + 15 * Math.log(0.1), within(1e-12));
    }

    @Test
    void newtonFindsTheRootOfASmoothDecreasingFunctionFromOne() {
        double root = Newton.solve(x -> Math.log(300 / x) / x - 0.001, 1.0);
        assertThat(Math.log(300 / root) / root - 0.001).isCloseTo(0.0, within(Newton.TOLERANCE));
    }

    @Test
    void newtonReportsFailureAsNaN() {
        assertThat(Newton.solve(x -> x * x + 1, 1.0)).isNaN();
        assertThat(Newton.solve(x -> 5.0, 1.0)).isNaN();
    }

    @Test
    void returnHistoryKeepsTheLastHReturnsWithRunningMoments() {
        ReturnHistory history = new ReturnHistory(3);
        history.seedPrice(100);
        history.observe(110);
        history.observe(99);
        history.observe(99);
        history.observe(108.9);

        assertThat(history.size()).isEqualTo(3);
        assertThat(history.lastPrice()).isEqualTo(108.9);
        double a = Math.log(99 / 110.0);
        double b = 0.0;
        double c = Math.log(108.9 / 99);
        assertThat(history.returnAt(0)).isCloseTo(a, within(1e-15));
        assertThat(history.sum()).isCloseTo(a + b + c, within(1e-15));
        double mean = (a + b + c) / 3;
        assertThat(history.variance())
                .isCloseTo(((a - mean) * (a - mean) + mean * mean + (c - mean) * (c - mean)) / 3, within(1e-15));
    }

    @Test
    void laplaceInvertsItsCdf() {
        // u = 0.75 - 0.5 = 0.25 → loc - b·ln(1 - 0.5) = loc + b·ln 2
        assertThat(Draws.laplace(new ScriptedRandom().uniforms(0.75), 5.0, 5.0)).isCloseTo(5 + 5 * Math.log(2),
                within(1e-12));
        assertThat(Draws.laplace(new ScriptedRandom().uniforms(0.25), 5.0, 5.0)).isCloseTo(5 - 5 * Math.log(2),
                within(1e-12));
    }

    @Test
    void gammaAndBetaHaveTheirMeans() {
        SplittableRandom random = new SplittableRandom(17);
        double gammaSum = 0;
        double smallShapeSum = 0;
        double betaSum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            gammaSum += Draws.gamma(random, 3.0);
            smallShapeSum += Draws.gamma(random, 0.5);
            betaSum += Draws.beta(random, 4.0, 2.0);
        }
        assertThat(gammaSum / n).isCloseTo(3.0, within(0.05));
        assertThat(smallShapeSum / n).isCloseTo(0.5, within(0.02));
        assertThat(betaSum / n).isCloseTo(4.0 / 6.0, within(0.01));
    }
}
