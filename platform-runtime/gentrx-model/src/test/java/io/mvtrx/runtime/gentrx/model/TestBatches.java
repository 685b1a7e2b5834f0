package io.mvtrx.runtime.gentrx.model;

import java.util.SplittableRandom;

/** Fixed synthetic order windows with learnable structure (a repeating type/price cycle plus noise). */
final class TestBatches {

    private TestBatches() {
    }

    static TokenBatch fixed(ModelConfig config, int batch, int length, long seed) {
        var random = new SplittableRandom(seed);
        int rows = batch * length;
        int total = rows + batch; // one extra row per window supplies the last label
        int[][] fields = new int[5][batch * (length + 1)];
        for (int w = 0; w < batch; w++) {
            int phase = random.nextInt(4);
            for (int i = 0; i <= length; i++) {
                int at = w * (length + 1) + i;
                int cycle = (i + phase) % 4;
                fields[0][at] = cycle;
                fields[1][at] = 40 + 5 * cycle + random.nextInt(2);
                fields[2][at] = 10 + cycle;
                fields[3][at] = random.nextInt(config.nVolDecBins());
                fields[4][at] = 20 + 2 * cycle;
            }
        }
        int[][] inputs = new int[5][rows];
        int[][] labels = new int[5][rows];
        for (int f = 0; f < 5; f++) {
            for (int w = 0; w < batch; w++) {
                System.arraycopy(fields[f], w * (length + 1), inputs[f], w * length, length);
                System.arraycopy(fields[f], w * (length + 1) + 1, labels[f], w * length, length);
            }
        }
        float[] lob = new float[rows * config.lobDim()];
        for (int i = 0; i < lob.length; i++) {
            lob[i] = (float) random.nextDouble(0, 2);
        }
        int[] time = new int[rows];
        int[] mid = new int[rows];
        for (int row = 0; row < rows; row++) {
            time[row] = 6000 + row;
            mid[row] = config.maxMidDelta() + random.nextInt(-3, 4);
        }
        assert total > 0;
        return new TokenBatch(batch, length, tokens(inputs), lob, time, mid, tokens(labels));
    }

    private static FieldTokens tokens(int[][] fields) {
        return new FieldTokens(fields[0], fields[1], fields[2], fields[3], fields[4]);
    }
}
