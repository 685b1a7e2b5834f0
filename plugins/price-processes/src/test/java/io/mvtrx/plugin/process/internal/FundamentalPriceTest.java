package io.mvtrx.plugin.process.internal;

import io.mvtrx.api.snapshot.SplitMix64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FundamentalPriceTest {

    private static final long PERIOD = 30_000_000_000L;
    private static final long DAY = 86_400_000_000_000L;
    private static final FundamentalPrice.Parameters LIVE =
            new FundamentalPrice.Parameters(PERIOD, 0.0, 0.034, 0.000206, 0.0, 0.025, 0.75, 0.07);

    @Test
    void livePathIsPinnedForSeed42() {
        FundamentalPrice price = new FundamentalPrice(LIVE, 300.0, 0, DAY, Streams.of(42, "FundamentalPrice",
                "fundamental"));

        assertThat(price.advanceTo(PERIOD)).isEqualTo(300.02028633223034);
        assertThat(price.advanceTo(10 * PERIOD)).isEqualTo(300.1486547013465);
        assertThat(price.advanceTo(100 * PERIOD)).isEqualTo(303.37823231945504);
        assertThat(price.advanceTo(2880 * PERIOD)).isEqualTo(317.24324332624326);
        assertThat(price.jumps()).isZero();
        assertThat(price.time()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void timeIsCountedInRunDurations() {
        FundamentalPrice price = new FundamentalPrice(LIVE, 300.0, 0, 4 * PERIOD, new SplitMix64(1));
        price.advanceTo(4 * PERIOD);

        assertThat(price.time()).isEqualTo(1.0);
        assertThat(price.updates()).isEqualTo(4);
    }

    @Test
    void valueComposesDriftBrownianFractionalAndJumpTerms() {
        FundamentalPrice.Parameters parameters =
                new FundamentalPrice.Parameters(PERIOD, 0.1, 0.3, 0.2, 0.01, 0.05, 0.7, 0.4);
        FundamentalPrice price = new FundamentalPrice(parameters, 250.0, 0, 50 * PERIOD, new SplitMix64(3));
        double value = price.advanceTo(37 * PERIOD);
        double t = 37.0 / 50;

        assertThat(value).isCloseTo(250.0 * Math.exp((0.1 - 0.045) * t + 0.3 * price.brownian()
                + 0.4 * price.fractional() - 0.08 * Math.pow(t, 1.4) + price.jumpSum()), within(1e-9));
        assertThat(price.jumps()).isPositive();
    }

    /** B_H(t) = ln(V/X0) + ½ε²t^{2H} with ε = 1 has variance t^{2H}: checks the dt^H scaling of the fBm steps. */
    @Test
    void fractionalComponentHasVarianceTToTheTwoH() {
        FundamentalPrice.Parameters parameters =
                new FundamentalPrice.Parameters(PERIOD, 0, 0, 0, 0, 0, 0.75, 1.0);
        int paths = 2000;
        double[] quarter = new double[paths];
        double[] whole = new double[paths];
        for (int p = 0; p < paths; p++) {
            FundamentalPrice price = new FundamentalPrice(parameters, 100.0, 0, 64 * PERIOD,
                    Streams.of(p, "FundamentalPrice", "fbm"));
            quarter[p] = Math.log(price.advanceTo(16 * PERIOD) / 100.0) + 0.5 * Math.pow(0.25, 1.5);
            assertThat(quarter[p]).isCloseTo(price.fractional(), within(1e-9));
            whole[p] = Math.log(price.advanceTo(64 * PERIOD) / 100.0) + 0.5;
        }
        // Relative standard error of a variance estimate from 2000 normal samples: sqrt(2/2000) = 3.2 %; 4σ = 12.6 %.
        assertThat(secondMoment(quarter)).isCloseTo(0.125, within(0.125 * 0.126));
        assertThat(secondMoment(whole)).isCloseTo(1.0, within(0.126));
    }

    /** With μ = 0 and no jumps, the compensators make V(t)/X0 a mean-one martingale. */
    @Test
    void compensatedPriceHasMeanOneAtTheEndOfTheRun() {
        FundamentalPrice.Parameters parameters =
                new FundamentalPrice.Parameters(PERIOD, 0, 0.3, 0, 0, 0, 0.75, 0.3);
        int paths = 4000;
        double sum = 0;
        for (int p = 0; p < paths; p++) {
            FundamentalPrice price = new FundamentalPrice(parameters, 1.0, 0, 32 * PERIOD,
                    Streams.of(p, "FundamentalPrice", "mean"));
            sum += price.advanceTo(32 * PERIOD);
        }
        // Var(V) = e^{σ² + ε²} − 1 = 0.197; standard error over 4000 paths 0.0070; 4σ = 0.028.
        assertThat(sum / paths).isCloseTo(1.0, within(0.028));
    }

    @Test
    void jumpsArriveAtLambdaPerUpdate() {
        FundamentalPrice.Parameters parameters =
                new FundamentalPrice.Parameters(PERIOD, 0, 0, 0.05, 0.01, 0, 0.5, 0);
        FundamentalPrice price = new FundamentalPrice(parameters, 300.0, 0, DAY, new SplitMix64(5));
        int updates = 20_000;
        price.advanceTo(updates * PERIOD);

        // Jumps ~ Poisson(1000): 4σ = 126. Updates with a jump: p = 1 − e^{−0.05} = 0.04877, 4σ = 0.0061·20000.
        assertThat(price.jumps()).isCloseTo(1000L, within(126L));
        assertThat((double) price.jumpUpdates() / updates).isCloseTo(1 - Math.exp(-0.05), within(0.0061));
        assertThat(price.jumpSum()).isCloseTo(0.01 * price.jumps(), within(1e-9));
    }

    @Test
    void aJumpOfSeveralArrivalsSumsTheirSizes() {
        FundamentalPrice.Parameters parameters =
                new FundamentalPrice.Parameters(PERIOD, 0, 0, 4.0, 0.0, 0.1, 0.5, 0);
        int paths = 3000;
        double squares = 0;
        long jumps = 0;
        for (int p = 0; p < paths; p++) {
            FundamentalPrice price = new FundamentalPrice(parameters, 1.0, 0, DAY,
                    Streams.of(p, "FundamentalPrice", "jumps"));
            price.advanceTo(PERIOD);
            squares += price.jumpSum() * price.jumpSum();
            jumps += price.jumps();
        }
        // A compound Poisson sum of N(0, σJ) has variance λ·σJ² = 0.04 (the reference's n·N(0, σJ) would give
        // σJ²·E[n²] = 0.2); standard error of the estimate ≈ 0.04·sqrt(2/3000)·2 = 0.0021.
        assertThat(squares / paths).isCloseTo(0.04, within(0.004));
        assertThat((double) jumps / paths).isCloseTo(4.0, within(0.15));
    }

    private static double secondMoment(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return sum / values.length;
    }
}
