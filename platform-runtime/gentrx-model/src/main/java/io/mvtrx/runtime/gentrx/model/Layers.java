package io.mvtrx.runtime.gentrx.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * The building blocks of the order model as graph ops on {@code [rows, features]} activations. Only ops whose
 * gradients TensorFlow's C++ gradient registry provides are used, since training differentiates through all of them.
 */
final class Layers {

    private static final float INV_SQRT2 = (float) (1.0 / Math.sqrt(2.0));

    private Layers() {
    }

    /** {@code x · Wᵀ (+ b)} with a PyTorch-layout weight {@code [out, in]}. */
    static Operand<TFloat32> linear(Ops tf, Operand<TFloat32> x, Operand<TFloat32> weight, Operand<TFloat32> bias) {
        Operand<TFloat32> product = tf.linalg.matMul(x, weight, MatMul.transposeB(true));
        return bias == null ? product : tf.math.add(product, bias);
    }

    /** LayerNorm over the last axis with learned scale and shift (biased variance, like PyTorch). */
    static Operand<TFloat32> layerNorm(Ops tf, Operand<TFloat32> x, Operand<TFloat32> weight, Operand<TFloat32> bias,
                                       float eps) {
        Operand<TFloat32> mean = tf.math.mean(x, tf.constant(-1), Mean.keepDims(true));
        Operand<TFloat32> centred = tf.math.sub(x, mean);
        Operand<TFloat32> variance = tf.math.mean(tf.math.square(centred), tf.constant(-1), Mean.keepDims(true));
        Operand<TFloat32> normalised = tf.math.mul(centred, tf.math.rsqrt(tf.math.add(variance, tf.constant(eps))));
        return tf.math.add(tf.math.mul(normalised, weight), bias);
    }

    /** Llama RMSNorm: {@code x / sqrt(mean(x²) + eps) · w}. */
    static Operand<TFloat32> rmsNorm(Ops tf, Operand<TFloat32> x, Operand<TFloat32> weight, float eps) {
        Operand<TFloat32> meanSquare = tf.math.mean(tf.math.square(x), tf.constant(-1), Mean.keepDims(true));
        return tf.math.mul(tf.math.mul(x, tf.math.rsqrt(tf.math.add(meanSquare, tf.constant(eps)))), weight);
    }

    /** Exact (erf) GELU. */
    static Operand<TFloat32> gelu(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> cdf = tf.math.add(tf.constant(1f), tf.math.erf(tf.math.mul(x, tf.constant(INV_SQRT2))));
        return tf.math.mul(tf.math.mul(x, cdf), tf.constant(0.5f));
    }

    static Operand<TFloat32> silu(Ops tf, Operand<TFloat32> x) {
        return tf.math.mul(x, tf.math.sigmoid(x));
    }

    /**
     * Rotary position embedding, rotate-half convention: {@code x·cos + rotateHalf(x)·sin} on {@code [..., T, hd]}
     * with {@code cos}, {@code sin} of shape {@code [T, hd]}. The half rotation is a product with a constant signed
     * permutation, which keeps the op set to ones with registered gradients.
     */
    static Operand<TFloat32> rope(Ops tf, Operand<TFloat32> x, Operand<TFloat32> cos, Operand<TFloat32> sin,
                                  Operand<TFloat32> rotateHalf, Operand<?> fullShape, int headDim) {
        Operand<TFloat32> flat = tf.reshape(x, tf.constant(new int[] {-1, headDim}));
        @SuppressWarnings("unchecked")
        Operand<TFloat32> rotated = tf.reshape(tf.linalg.matMul(flat, rotateHalf),
                (Operand<org.tensorflow.types.TInt32>) fullShape);
        return tf.math.add(tf.math.mul(x, cos), tf.math.mul(rotated, sin));
    }

    /** The {@code [hd, hd]} matrix R with {@code x·R = cat(−x[half:], x[:half])}. */
    static float[][] rotateHalfMatrix(int headDim) {
        int half = headDim / 2;
        float[][] r = new float[headDim][headDim];
        for (int j = 0; j < half; j++) {
            r[j + half][j] = -1f;
            r[j][j + half] = 1f;
        }
        return r;
    }

    /** Rotary tables {@code [T, hd]}: angle {@code t · θ^(−2i/hd)}, the frequencies repeated for both halves. */
    static float[][][] ropeTables(int length, int headDim, double theta) {
        int half = headDim / 2;
        float[][] cos = new float[length][headDim];
        float[][] sin = new float[length][headDim];
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < half; i++) {
                float invFreq = (float) (1.0 / Math.pow(theta, (2.0 * i) / headDim));
                float angle = t * invFreq;
                cos[t][i] = cos[t][i + half] = (float) Math.cos(angle);
                sin[t][i] = sin[t][i + half] = (float) Math.sin(angle);
            }
        }
        return new float[][][] {cos, sin};
    }

    /** Additive causal mask {@code [T, T]}: 0 where key ≤ query, a large negative number above the diagonal. */
    static float[][] causalMask(int length) {
        float[][] mask = new float[length][length];
        for (int query = 0; query < length; query++) {
            for (int key = query + 1; key < length; key++) {
                mask[query][key] = -1e9f;
            }
        }
        return mask;
    }

    /** {@code −Σ_i q_i · log softmax(logits)_i} per row. */
    static Operand<TFloat32> softCrossEntropy(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> targets) {
        Operand<TFloat32> logProbabilities = tf.nn.logSoftmax(logits);
        return tf.math.neg(tf.sum(tf.math.mul(targets, logProbabilities), tf.constant(-1), Sum.keepDims(false)));
    }

    /**
     * Soft targets for every label of an {@code n}-class field: row y is {@code softmax_i(−(i − y)² / 2σ²)}; σ = 0 or a
     * nominal field gives one-hot rows (plain cross-entropy).
     */
    static float[][] softTargets(int classes, double sigma) {
        float[][] table = new float[classes][classes];
        for (int label = 0; label < classes; label++) {
            if (sigma <= 0) {
                table[label][label] = 1f;
                continue;
            }
            double[] logits = new double[classes];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < classes; i++) {
                logits[i] = -((double) (i - label) * (i - label)) / (2 * sigma * sigma);
                max = Math.max(max, logits[i]);
            }
            double total = 0;
            for (int i = 0; i < classes; i++) {
                logits[i] = Math.exp(logits[i] - max);
                total += logits[i];
            }
            for (int i = 0; i < classes; i++) {
                table[label][i] = (float) (logits[i] / total);
            }
        }
        return table;
    }
}
