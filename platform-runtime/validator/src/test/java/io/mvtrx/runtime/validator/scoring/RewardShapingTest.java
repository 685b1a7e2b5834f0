package io.mvtrx.runtime.validator.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class RewardShapingTest {

    private static final ScoringConfig.Rewarding REFERENCE = ScoringConfig.Rewarding.REFERENCE;

    @Test
    void theSoftFloorTapersScoresBelowTheMedianOfPositives() {
        // positives sorted {0.2, 0.3, 0.4, 0.6, 0.8}: thr = 0.4 (median), lo = 0.4·(1 - 0.5) = 0.2;
        // 0.2 -> factor 0; 0.3 -> (0.3 - 0.2)/(0.4 - 0.2) = 0.5 -> 0.15; 0.4 and above keep their value.
        double[] floored = RewardShaping.softFloor(new double[] {0, 0.2, 0.4, 0.6, 0.8, 0.3}, REFERENCE);
        assertThat(floored).containsExactly(new double[] {0, 0, 0.4, 0.6, 0.8, 0.15}, within(1e-15));
    }

    @Test
    void theSoftFloorIsANoOpWhenDisabledOrWithFewerThanTwoPositives() {
        ScoringConfig.Rewarding off = new ScoringConfig.Rewarding(ParetoMultipliers.REFERENCE_SEED, 1, 1, false, 50,
                0.5);
        assertThat(RewardShaping.softFloor(new double[] {0.1, 0.9}, off)).containsExactly(0.1, 0.9);
        assertThat(RewardShaping.softFloor(new double[] {0, 0.1, 0}, REFERENCE)).containsExactly(0, 0.1, 0);
    }

    @Test
    void fullSoftnessTapersFromZero() {
        ScoringConfig.Rewarding soft = new ScoringConfig.Rewarding(ParetoMultipliers.REFERENCE_SEED, 1, 1, true, 50,
                1.0);
        // thr = median{0.2, 0.4, 0.8} = 0.4, lo = 0: 0.2 -> 0.2·0.5 = 0.1
        assertThat(RewardShaping.softFloor(new double[] {0.2, 0.4, 0.8}, soft))
                .containsExactly(new double[] {0.1, 0.4, 0.8}, within(1e-15));
    }

    @Test
    void paretoMultipliersAreNumpysVector() throws Exception {
        float[] d = ParetoMultipliers.of(256, 1.0, 1.0);
        // numpy: sorted(default_rng(898746039182).pareto(1.0, 256)) as float32 (protocol.md §7.4 figures)
        assertThat(d[0]).isEqualTo(0.006117221433669329f);
        assertThat(d[1]).isEqualTo(0.006852191872894764f);
        assertThat(d[2]).isEqualTo(0.007118494249880314f);
        assertThat(d[253]).isEqualTo(175.3190155029297f);
        assertThat(d[254]).isEqualTo(177.044921875f);
        assertThat(d[255]).isEqualTo(211.6219024658203f);
        double sum = 0;
        for (float v : d) {
            sum += v;
        }
        assertThat(sum).isEqualTo(1532.0104974415153);
        // Every value for n = 2048, shapes 1 and 1.42: SHA-256 of the big-endian float32 vector computed by numpy.
        assertThat(sha256(ParetoMultipliers.of(2048, 1.0, 1.0)))
                .isEqualTo("723ed9d62dc174aefe36b3bfe48ac14fbc3b9c0e77dd85ca091cb3df848741a6");
        assertThat(sha256(ParetoMultipliers.of(2048, 1.42, 1.0)))
                .isEqualTo("9f3153047a2e6bb2647a1d072220135f0aa4499a5fa5f23e0dd283671b68eb1f");
    }

    @Test
    void paretoMultipliesRewardsByRankInFloat32() {
        // n = 3: d = {0.24622862, 0.45381799, 2.90802217} (numpy, float32). Ranks: 0 -> 0, 0.25 -> 1, 0.5 -> 2.
        float[] shaped = RewardShaping.pareto(new double[] {0, 0.5, 0.25}, REFERENCE);
        assertThat(shaped[0]).isZero();
        assertThat(shaped[1]).isEqualTo(2.908022165298462f * 0.5f);
        assertThat(shaped[2]).isEqualTo(0.4538179934024811f * 0.25f);
        // A reward is rounded to float32 before the product: 0.1 becomes 0.100000001490116...
        float[] tenth = RewardShaping.pareto(new double[] {0.1, 0, 0}, REFERENCE);
        assertThat(tenth[0]).isEqualTo(2.908022165298462f * 0.1f);
    }

    @Test
    void theMovingAverageRoundsEachStepToFloat32() {
        // f32(α) = 0.008298754692077637, f32(1 - α) = 0.9917012453079224;
        // 2·f32(α) = 0.016597509384155273 and 0.5·f32(1 - α) = 0.4958506226539612 are exact; their float32 sum is
        // 0.5124481320381165, where float64 arithmetic gives 0.5124481325.
        float[] ema = RewardShaping.movingAverage(new float[] {0.5f}, new float[] {2.0f}, 0.008298755);
        assertThat(ema[0]).isEqualTo(0.5124481320381165f);
        assertThat((double) ema[0]).isNotEqualTo(0.008298755 * 2 + (1 - 0.008298755) * 0.5);
    }

    @Test
    void weightsAreTheL1NormalisedScores() {
        assertThat(RewardShaping.weights(new float[] {1f, 3f, 0f})).containsExactly(0.25f, 0.75f, 0f);
        // a negative score shifts every score up by it first: {-1, 1} -> {0, 2} -> {0, 1}
        assertThat(RewardShaping.weights(new float[] {-1f, 1f})).containsExactly(0f, 1f);
        assertThat(RewardShaping.weights(new float[] {0f, 0f})).containsExactly(0f, 0f);
    }

    private static String sha256(float[] values) throws Exception {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4);
        for (float v : values) {
            bytes.putFloat(v);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    }
}
