package io.mvtrx.plugin.process.internal;

import io.mvtrx.api.snapshot.SplitMix64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MagneticFieldTest {

    private static final long MINUTE = 60_000_000_000L;

    @Test
    void livePathIsPinnedForSeed42() {
        MagneticField field = new MagneticField(32, 20.0, 0.5, 1.0, MINUTE, 0,
                Streams.of(42, "MagneticField", "magneticfield"));

        assertThat(field.value()).isEqualTo(0.015625);
        assertThat(field.advanceTo(MINUTE)).isEqualTo(0.0546875);
        assertThat(field.value(MagneticField.CHANGE)).isEqualTo(0.0390625);
        assertThat(field.advanceTo(5 * MINUTE)).isEqualTo(0.01171875);
        assertThat(field.advanceTo(20 * MINUTE)).isEqualTo(0.021484375);
        assertThat(field.value(MagneticField.CHANGE)).isEqualTo(0.017578125);
    }

    @Test
    void meanIsTheAverageSpinAndChangeIsTheDifferenceOfMeans() {
        MagneticField field = new MagneticField(8, 6.0, 0.667, 1.0, MINUTE, 0, new SplitMix64(4));
        double previous = field.value();
        for (int k = 1; k <= 30; k++) {
            field.advanceTo(k * MINUTE);
            double sum = 0;
            for (int site = 0; site < 64; site++) {
                double spin = field.value(MagneticField.SPINS + site);
                assertThat(spin).isIn(-1.0, 1.0);
                sum += spin;
            }
            assertThat(field.value()).isEqualTo(sum / 64);
            assertThat(field.value(MagneticField.CHANGE)).isEqualTo(field.value() - previous);
            previous = field.value();
        }
    }

    @Test
    void infiniteTemperatureLeavesTheFieldUnmagnetised() {
        MagneticField field = new MagneticField(32, 0, 0, 1.0, MINUTE, 0, new SplitMix64(8));
        field.advanceTo(10 * MINUTE);

        // Every spin is a fair coin: the mean of 1024 has standard deviation 1/32; 4σ = 0.125.
        assertThat(field.value()).isCloseTo(0.0, within(0.125));
    }

    @Test
    void lowTemperatureWithoutTheMinorityTermAlignsNeighbours() {
        MagneticField cold = new MagneticField(16, 0, 0.4, 1.0, MINUTE, 0, new SplitMix64(8));
        MagneticField hot = new MagneticField(16, 0, 0, 1.0, MINUTE, 0, new SplitMix64(8));
        cold.advanceTo(200 * MINUTE);
        hot.advanceTo(200 * MINUTE);

        // Domains may survive as stripes, so the test reads local order: 480 horizontal and vertical pairs;
        // at infinite temperature agreement is a fair coin (standard error 0.023).
        assertThat(agreement(cold)).isGreaterThan(0.85);
        assertThat(agreement(hot)).isCloseTo(0.5, within(0.1));
    }

    private static double agreement(MagneticField field) {
        int rows = field.rows();
        int pairs = 0;
        int agreeing = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < rows; c++) {
                double spin = field.value(MagneticField.SPINS + r * rows + c);
                if (c + 1 < rows) {
                    pairs++;
                    agreeing += spin == field.value(MagneticField.SPINS + r * rows + c + 1) ? 1 : 0;
                }
                if (r + 1 < rows) {
                    pairs++;
                    agreeing += spin == field.value(MagneticField.SPINS + (r + 1) * rows + c) ? 1 : 0;
                }
            }
        }
        return (double) agreeing / pairs;
    }

    /**
     * One spin, no neighbours: after {@code set(+1)} the Glauber step keeps +1 with probability
     * 1/(1 + e^{2βα|m̄|}), the minority term alone; |m̄| = 1 for a single spin.
     */
    @Test
    void settingASpinAppliesOneGlauberUpdateWithTheMinorityTerm() {
        MagneticField field = new MagneticField(1, 1.0, 0.5, 1.0, MINUTE, 0, new SplitMix64(12));
        int trials = 20_000;
        int up = 0;
        for (int i = 0; i < trials; i++) {
            field.set(MagneticField.SPINS, 1);
            up += field.value(MagneticField.SPINS) > 0 ? 1 : 0;
        }
        double p = 1 / (1 + Math.E);

        // Binomial standard error sqrt(p(1−p)/n) = 0.0031; 4σ = 0.0125.
        assertThat((double) up / trials).isCloseTo(p, within(0.0125));
        assertThat(Math.abs(field.value())).isEqualTo(1.0);
    }

    @Test
    void settingASpinLeavesTheMeanUntilTheNextUpdate() {
        MagneticField field = new MagneticField(4, 0, 0, 1.0, MINUTE, 0, new SplitMix64(2));
        double mean = field.value();
        for (int site = 0; site < 16; site++) {
            field.set(MagneticField.SPINS + site, -1);
        }

        assertThat(field.value()).isEqualTo(mean);
        assertThat(field.advanceTo(MINUTE - 1)).isEqualTo(mean);
    }

    @Test
    void rejectsInputThatIsNotASpin() {
        MagneticField field = new MagneticField(4, 0, 0, 1.0, MINUTE, 0, new SplitMix64(2));

        assertThatThrownBy(() -> field.set(MagneticField.SPINS + 3, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("spin 3 must be set to +1 or -1, got 0.5");
        assertThatThrownBy(() -> field.set(MagneticField.MEAN, 1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("component 0 of a 4x4 magnetic field: 0 mean, 1 change, 2..17 spins");
        assertThatThrownBy(() -> field.value(18)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
