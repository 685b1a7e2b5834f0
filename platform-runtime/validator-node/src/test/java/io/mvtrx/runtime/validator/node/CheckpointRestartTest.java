package io.mvtrx.runtime.validator.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.runtime.simulator.Simulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.mvtrx.runtime.validator.node.Fixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kill and restart: a validator stopped without warning (no final checkpoint, a torn temporary file left behind)
 * resumes from its last checkpoint with the scores, histories and counters it had there, and its moving averages
 * continue from those values.
 */
class CheckpointRestartTest {

    private static Map<Integer, TradingAgent> traders() {
        return Map.of(0, new TestTraderProvider.Trader(2_500), 1, new TestTraderProvider.Trader(5_000),
                2, new TestTraderProvider.Trader(7_500));
    }

    private static ValidatorLoop loop(Path state) {
        ValidatorSettings settings = Fixtures.settings();
        return new ValidatorLoop(settings, Fixtures.inProcess(traders()), Roster.fixed(Fixtures.neurons(0, 1, 2)),
                Optional.empty(), Optional.of(state), ValidatorLoop.metric(Fixtures.PLUGINS, settings.scoring()));
    }

    @Test
    void aKilledValidatorResumesFromItsLastCheckpointAndContinuesItsScores(@TempDir Path dir) throws IOException {
        Path state = dir.resolve("validator-state.bin");
        double[][] atCheckpoint = new double[1][];
        long[] publishesAtCheckpoint = new long[1];
        double[] volumeAtCheckpoint = new double[1];
        ValidatorLoop first = loop(state);
        first.addListener(stats -> {
            if (stats.checkpoints() > 0 && stats.timestamp() % (5 * SECOND) == 0) {
                atCheckpoint[0] = first.scoring().scores();
                publishesAtCheckpoint[0] = stats.publishes();
                volumeAtCheckpoint[0] = first.tradedVolume(1, 0);
            }
        });
        try (Simulation simulation = Fixtures.attach(first, Fixtures.small(), 300 * SECOND, 42)) {
            // killed at 153 s: the last checkpoint is the scoring at 150 s, three publishes are lost
            while (simulation.time() < 153 * SECOND) {
                simulation.step();
            }
        }
        first.close();
        Files.writeString(dir.resolve("validator-state.bin.tmp"), "torn write");
        assertThat(first.stats().checkpoints()).isEqualTo(19);
        assertThat(publishesAtCheckpoint[0]).isEqualTo(91);
        assertThat(java.util.Arrays.stream(atCheckpoint[0]).max().orElseThrow()).isPositive();

        ValidatorLoop second = loop(state);
        second.resume(state);
        assertThat(second.stats().publishes()).isEqualTo(91);
        assertThat(second.stats().scorings()).isEqualTo(19);
        assertThat(second.stats().timestamp()).isEqualTo(150 * SECOND);
        try (second; Simulation simulation = Fixtures.attach(second, Fixtures.small(), 300 * SECOND, 43)) {
            assertThat(second.scoring().scores()).containsExactly(atCheckpoint[0]);
            // the traded volume carries over too (the new clock starts at 0; the 24 h window still holds it)
            simulation.step();
            assertThat(second.tradedVolume(1, 0)).isEqualTo(volumeAtCheckpoint[0]);
            while (simulation.time() < 60 * SECOND) {
                simulation.step();
            }
            // the first scoring of the new run folds one reward into the resumed averages, in float32 as the
            // pipeline does: f32(alpha)·reward + f32(1 - alpha)·score
            double alpha = Fixtures.settings().scoring().movingAverageAlpha();
            for (int uid = 0; uid < 3; uid++) {
                MinerReport report = second.scoring().report(uid);
                float fresh = (float) alpha * (float) report.reward();
                float old = (float) (1 - alpha) * (float) atCheckpoint[0][uid];
                assertThat(report.score()).isEqualTo((double) (fresh + old));
            }
            assertThat(second.stats().publishes()).isEqualTo(92);
            assertThat(second.stats().simulations()).isEqualTo(2);
        }
    }

    @Test
    void aDamagedStateFileIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path state = dir.resolve("validator-state.bin");
        ValidatorLoop loop = loop(state);
        try (Simulation simulation = Fixtures.attach(loop, Fixtures.small(), 65 * SECOND, 42)) {
            while (!simulation.finished()) {
                simulation.step();
            }
        }
        loop.close();
        byte[] bytes = Files.readAllBytes(state);
        bytes[20] ^= 1;
        Files.write(state, bytes);

        assertThatThrownBy(() -> loop(state).resume(state)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(state + " is corrupt: checksum");
        Files.writeString(state, "not a state");
        assertThatThrownBy(() -> loop(state).resume(state)).hasMessage(state + " is not a validator state file");
    }
}
