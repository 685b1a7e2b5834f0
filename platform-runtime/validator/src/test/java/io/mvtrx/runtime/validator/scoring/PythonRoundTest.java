package io.mvtrx.runtime.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonRoundTest {

    @Test
    void roundsTheBinaryValueNotItsDecimalSpelling() {
        // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875: down.
        assertThat(PythonRound.round(2.675, 2)).isEqualTo(2.67);
        // 1.005 is stored as 1.00499999999999989341858963598497211933135986328125: down.
        assertThat(PythonRound.round(1.005, 2)).isEqualTo(1.0);
    }

    @Test
    void exactBinaryHalvesGoToEven() {
        assertThat(PythonRound.round(0.125, 2)).isEqualTo(0.12);
        assertThat(PythonRound.round(0.375, 2)).isEqualTo(0.38);
        assertThat(PythonRound.round(2.5, 0)).isEqualTo(2.0);
        assertThat(PythonRound.round(3.5, 0)).isEqualTo(4.0);
    }

    @Test
    void smallValuesRoundToSignedZero() {
        assertThat(PythonRound.round(-0.00004, 4)).isEqualTo(-0.0);
        assertThat(Double.doubleToRawLongBits(PythonRound.round(-0.00004, 4))).isNegative();
        assertThat(PythonRound.round(0.00005, 4)).isEqualTo(0.0001);
        assertThat(PythonRound.round(500000.0, 4)).isEqualTo(500000.0);
    }
}
