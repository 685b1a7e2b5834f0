package io.mvtrx.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

    private static final long[] SEEDS = {0, 1, 42, -7, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123_4567_89AB_CDEFL};

    /** Every kind of draw the simulation's components make, interleaved, 300 rounds. */
    private static List<Object> draws(RandomGenerator random) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            out.add(random.nextLong());
            out.add(random.nextInt());
            out.add(random.nextInt(17));
            out.add(random.nextInt(-5, 1000));
            out.add(random.nextLong(1_000_000_000_000L));
            out.add(random.nextDouble());
            out.add(random.nextDouble(2.0, 3.0));
            out.add(random.nextBoolean());
            out.add(random.nextGaussian());
            out.add(random.nextGaussian(10.0, 3.0));
            out.add(random.nextExponential());
            out.add(random.nextFloat());
        }
        return out;
    }

    @Test
    void drawsExactlyWhatSplittableRandomDrawsForTheSameSeed() {
        for (long seed : SEEDS) {
            assertThat(draws(new SplitMix64(seed))).as("seed %d", seed).isEqualTo(draws(new SplittableRandom(seed)));
        }
    }

    @Test
    void aRestoredStateRepeatsTheDrawsThatFollowed() {
        SplitMix64 original = new SplitMix64(99);
        draws(original);
        long saved = original.state();
        List<Object> after = draws(original);

        SplitMix64 restored = new SplitMix64(0);
        restored.state(saved);

        assertThat(draws(restored)).isEqualTo(after);
        assertThat(new SplitMix64(5).state()).isEqualTo(5);
    }
}
