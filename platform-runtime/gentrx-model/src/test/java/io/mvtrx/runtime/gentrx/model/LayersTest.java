package io.mvtrx.runtime.gentrx.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class LayersTest {

    @Test
    void rmsNormOfATwoByFourInputMatchesTheHandComputedValues() {
        // Row 1: mean square (1+4+9+16)/4 = 7.5; row 2: (4+0+4+0)/4 = 2 → scale 1/sqrt(2 + 1e-6).
        float[] out = run(tf -> Layers.rmsNorm(tf, tf.constant(new float[][] {{1, 2, 3, 4}, {2, 0, -2, 0}}),
                tf.constant(new float[] {1, 1, 2, 0.5f}), 1e-6f), 8);
        double r1 = 1 / Math.sqrt(7.5 + 1e-6);
        double r2 = 1 / Math.sqrt(2 + 1e-6);
        assertThat(out).containsExactly(new float[] {(float) r1, (float) (2 * r1), (float) (6 * r1), (float) (2 * r1),
                (float) (2 * r2), 0f, (float) (-4 * r2), 0f}, within(1e-6f));
    }

    @Test
    void ropeRotatesEachHalfPairByPositionTimesFrequency() {
        // head dim 4: frequencies 1 and 10000^(-1/2) = 0.01; position 0 is the identity, position 1 rotates
        // (x0, x2) by 1 rad and (x1, x3) by 0.01 rad.
        float[][][] tables = Layers.ropeTables(2, 4, 10_000);
        float[] out = run(tf -> Layers.rope(tf, tf.constant(new float[][] {{1, 2, 3, 4}, {1, 2, 3, 4}}),
                tf.constant(tables[0]), tf.constant(tables[1]), tf.constant(Layers.rotateHalfMatrix(4)),
                tf.constant(new int[] {2, 4}), 4), 8);
        double c1 = Math.cos(1);
        double s1 = Math.sin(1);
        double c2 = Math.cos(0.01);
        double s2 = Math.sin(0.01);
        assertThat(out).containsExactly(new float[] {1, 2, 3, 4,
                (float) (1 * c1 - 3 * s1), (float) (2 * c2 - 4 * s2), (float) (3 * c1 + 1 * s1),
                (float) (4 * c2 + 2 * s2)}, within(1e-5f));
    }

    @Test
    void softTargetsOfAThreeBinFieldAndTheirCrossEntropy() {
        // σ = 1, label 0: weights e^0, e^-0.5, e^-2 normalised.
        float[][] table = Layers.softTargets(3, 1.0);
        double z = 1 + Math.exp(-0.5) + Math.exp(-2);
        assertThat(table[0]).containsExactly(new float[] {(float) (1 / z), (float) (Math.exp(-0.5) / z),
                (float) (Math.exp(-2) / z)}, within(1e-7f));
        assertThat(table[1][0]).isEqualTo(table[1][2]);
        assertThat(Layers.softTargets(3, 0)[2]).containsExactly(0f, 0f, 1f);

        // Logits (0, ln 2, 0): p = (1/4, 1/2, 1/4); loss = −Σ q·log p.
        float[] loss = run(tf -> Layers.softCrossEntropy(tf, tf.constant(new float[][] {{0, (float) Math.log(2), 0}}),
                tf.constant(new float[][] {table[0]})), 1);
        double expected = -(table[0][0] * Math.log(0.25) + table[0][1] * Math.log(0.5) + table[0][2] * Math.log(0.25));
        assertThat(loss[0]).isCloseTo((float) expected, within(1e-6f));
        assertThat(expected).isCloseTo(1.14493, within(1e-4));
    }

    private interface Build {
        Operand<TFloat32> on(Ops tf);
    }

    private static float[] run(Build build, int size) {
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Operand<TFloat32> output = build.on(Ops.create(graph));
            try (Result result = session.runner().fetch(output).run()) {
                float[] values = new float[size];
                ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
                return values;
            }
        }
    }
}
