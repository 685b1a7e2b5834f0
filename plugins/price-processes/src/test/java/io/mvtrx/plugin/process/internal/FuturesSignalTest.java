package io.mvtrx.plugin.process.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mvtrx.api.snapshot.SplitMix64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FuturesSignalTest {

    private static final long TEN_SECONDS = 10_000_000_000L;
    private static final long DAY = 86_400_000_000_000L;

    @TempDir
    Path directory;

    @Test
    void aSilentSignalStaysAtTheInitialValue() {
        FuturesSignal signal = signal(new FuturesSignal.Source.Silent(), TEN_SECONDS, 0.001155);

        assertThat(signal.advanceTo(DAY)).isEqualTo(300.0);
        assertThat(signal.value(FuturesSignal.RETURN)).isZero();
        assertThat(signal.value(FuturesSignal.FACTOR)).isEqualTo(1.0);
        assertThat(signal.value(FuturesSignal.SAMPLES)).isZero();
    }

    @Test
    void theFirstRecordedSampleIsABaselineAndLaterOnesGiveReturns() throws IOException {
        FuturesSignal signal = signal(recorded("5000000000,310\n25000000000,320\n26000000000,330\n"
                + "60000000000,330\n"), TEN_SECONDS, 0.1);

        assertThat(signal.advanceTo(TEN_SECONDS)).isEqualTo(310.0);
        assertThat(signal.value(FuturesSignal.RETURN)).isZero();
        assertThat(signal.value(FuturesSignal.FACTOR)).isEqualTo(1.0);
        assertThat(signal.value(FuturesSignal.SAMPLES)).isEqualTo(1.0);
        assertThat(signal.value(FuturesSignal.DECAY)).isEqualTo(1.0);

        assertThat(signal.advanceTo(2 * TEN_SECONDS)).isEqualTo(310.0);
        assertThat(signal.value(FuturesSignal.DECAY)).isEqualTo(Math.exp(-0.1));

        assertThat(signal.advanceTo(3 * TEN_SECONDS)).isEqualTo(330.0);
        assertThat(signal.value(FuturesSignal.RETURN)).isEqualTo(Math.log(330.0 / 310.0));
        assertThat(signal.value(FuturesSignal.FACTOR)).isCloseTo(330.0 / 310.0, within(1e-12));
        assertThat(signal.value(FuturesSignal.SAMPLES)).isEqualTo(2.0);
        assertThat(signal.value(FuturesSignal.DECAY)).isEqualTo(1.0);

        assertThat(signal.advanceTo(5 * TEN_SECONDS)).isEqualTo(330.0);
        assertThat(signal.value(FuturesSignal.DECAY)).isEqualTo(Math.exp(-0.2));
        assertThat(signal.advanceTo(6 * TEN_SECONDS)).isEqualTo(330.0);
        assertThat(signal.value(FuturesSignal.RETURN)).isZero();
        assertThat(signal.value(FuturesSignal.SAMPLES)).isEqualTo(3.0);
    }

    @Test
    void theVolumeFactorIsCappedAtTwo() throws IOException {
        FuturesSignal signal = signal(recorded("1,100\n10000000001,400\n"), TEN_SECONDS, 0);
        signal.advanceTo(2 * TEN_SECONDS);

        assertThat(signal.value(FuturesSignal.RETURN)).isEqualTo(Math.log(4));
        assertThat(signal.value(FuturesSignal.FACTOR)).isEqualTo(2.0);
    }

    @Test
    void theSourceIsPolledOnlyEverySeedInterval() throws IOException {
        FuturesSignal signal = new FuturesSignal(recorded("1,301\n10000000001,302\n20000000001,303\n"),
                TEN_SECONDS, 3 * TEN_SECONDS, 0, 300.0, 0, DAY, new SplitMix64(1));

        assertThat(signal.advanceTo(2 * TEN_SECONDS)).isEqualTo(300.0);
        assertThat(signal.advanceTo(3 * TEN_SECONDS)).isEqualTo(303.0);
        assertThat(signal.value(FuturesSignal.SAMPLES)).isEqualTo(1.0);
    }

    @Test
    void theStandInLogReturnsHaveTheConfiguredVolatility() {
        int samples = 20_000;
        FuturesSignal signal = new FuturesSignal(new FuturesSignal.Source.StandIn(1.0), TEN_SECONDS, TEN_SECONDS,
                0, 300.0, 0, samples * TEN_SECONDS, new SplitMix64(21));
        double dt = 1.0 / samples;
        double sum = 0;
        double sumSquares = 0;
        for (int k = 1; k <= samples; k++) {
            signal.advanceTo(k * TEN_SECONDS);
            double r = signal.value(FuturesSignal.RETURN);
            assertThat(signal.value(FuturesSignal.FACTOR)).isEqualTo(Math.min(2, Math.exp(Math.abs(r))));
            sum += r;
            sumSquares += r * r;
        }
        double mean = sum / samples;

        assertThat(signal.value(FuturesSignal.SAMPLES)).isEqualTo(samples);
        assertThat(mean).isCloseTo(-0.5 * dt, within(4 * Math.sqrt(dt / samples)));
        assertThat(sumSquares / samples - mean * mean).isCloseTo(dt, within(4 * dt * Math.sqrt(2.0 / samples)));
    }

    private FuturesSignal signal(FuturesSignal.Source source, long seedInterval, double lambda) {
        return new FuturesSignal(source, TEN_SECONDS, seedInterval, lambda, 300.0, 0, DAY, new SplitMix64(1));
    }

    private FuturesSignal.Source recorded(String rows) throws IOException {
        Path file = Files.writeString(directory.resolve("external.csv"), rows);
        return new FuturesSignal.Source.Recorded(PriceSeries.read(file, "/FuturesSignal"));
    }
}
