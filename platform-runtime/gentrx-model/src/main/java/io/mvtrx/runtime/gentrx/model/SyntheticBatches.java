package io.mvtrx.runtime.gentrx.model;

import java.util.SplittableRandom;

/**
 * Uniformly random token batches of a given shape, for throughput measurements where only the shape matters (every
 * op of the model costs the same whatever the bin values are).
 */
public final class SyntheticBatches {

    private SyntheticBatches() {
    }

    public static TokenBatch random(ModelConfig config, int batch, int length, long seed) {
        var random = new SplittableRandom(seed);
        int rows = Math.multiplyExact(batch, length);
        float[] lob = new float[rows * config.lobDim()];
        for (int i = 0; i < lob.length; i++) {
            lob[i] = (float) random.nextDouble(0, 50);
        }
        int[] time = new int[rows];
        int[] mid = new int[rows];
        for (int row = 0; row < rows; row++) {
            time[row] = random.nextInt(ModelConfig.TIME_BUCKETS);
            mid[row] = random.nextInt(config.midDeltaBuckets());
        }
        return new TokenBatch(batch, length, fields(config, rows, random), lob, time, mid,
                fields(config, rows, random));
    }

    private static FieldTokens fields(ModelConfig config, int rows, SplittableRandom random) {
        int[][] values = new int[Field.values().length][rows];
        for (Field field : Field.values()) {
            for (int row = 0; row < rows; row++) {
                values[field.ordinal()][row] = random.nextInt(config.classes(field));
            }
        }
        return new FieldTokens(values[0], values[1], values[2], values[3], values[4]);
    }
}
