package io.mvtrx.runtime.gentrx.model;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;

/**
 * A slow, loop-by-loop double-precision forward pass written straight from gentrx.md §4.2–4.3, one window and one
 * row at a time, to check the TensorFlow graph's wiring (parameter order, transposes, head split, RoPE, causal mask,
 * FiLM placement, heads, soft targets) against.
 */
final class ReferenceForward {

    private final ModelConfig config;
    private final Map<String, float[]> parameters = new HashMap<>();

    ReferenceForward(ModelConfig config, TensorSet tensors) {
        this.config = config;
        for (Tensor tensor : tensors.tensors()) {
            parameters.put(tensor.name(), tensor.values());
        }
    }

    Map<Field, double[]> rowLosses(TokenBatch batch, double sigma) {
        int d = config.dModel();
        int length = batch.length();
        var losses = new EnumMap<Field, double[]>(Field.class);
        for (Field field : Field.values()) {
            losses.put(field, new double[batch.rows()]);
        }
        for (int w = 0; w < batch.batch(); w++) {
            double[][] h = new double[length][];
            double[][] cond = new double[length][];
            for (int t = 0; t < length; t++) {
                int row = w * length + t;
                double[] x = new double[d];
                for (Field field : Field.values()) {
                    addRow(x, field.embeddingName() + ".weight", batch.inputs().of(field)[row]);
                }
                double angle = 2 * Math.PI * (batch.timeBucket()[row] * 5.0) / 86_400.0;
                double[] time = {Math.sin(angle), Math.cos(angle)};
                add(x, linear(gelu(linear(time, "time_proj.0")), "time_proj.2"));
                double[] lob = new double[config.lobDim()];
                for (int i = 0; i < lob.length; i++) {
                    lob[i] = batch.lob()[row * config.lobDim() + i];
                }
                add(x, layerNorm(linear(lob, "lob_proj.0"), "lob_proj.1"));
                addRow(x, "emb_mid_delta.weight", batch.midDeltaBucket()[row]);
                h[t] = x;
                cond[t] = new double[config.condDim()];
                cond[t][0] = time[0];
                cond[t][1] = time[1];
                System.arraycopy(lob, 0, cond[t], 2, lob.length);
            }
            for (int layer = 0; layer < config.nLayers(); layer++) {
                String prefix = "backbone.model.layers." + layer + ".";
                double[][] attended = attention(h, prefix);
                for (int t = 0; t < length; t++) {
                    add(h[t], matVec(attended[t], prefix + "self_attn.o_proj.weight"));
                    double[] m = rmsNorm(h[t], prefix + "post_attention_layernorm.weight");
                    double[] gate = matVec(m, prefix + "mlp.gate_proj.weight");
                    double[] up = matVec(m, prefix + "mlp.up_proj.weight");
                    for (int i = 0; i < gate.length; i++) {
                        gate[i] = gate[i] / (1 + Math.exp(-gate[i])) * up[i];
                    }
                    add(h[t], matVec(gate, prefix + "mlp.down_proj.weight"));
                    if (config.filmLayers().contains(layer)) {
                        double[] mod = linear(gelu(linear(cond[t], "film." + layer + ".proj.0")),
                                "film." + layer + ".proj.2");
                        for (int i = 0; i < d; i++) {
                            h[t][i] = mod[i] * h[t][i] + mod[d + i];
                        }
                    }
                }
            }
            for (int t = 0; t < length; t++) {
                double[] out = rmsNorm(h[t], "backbone.model.norm.weight");
                int row = w * length + t;
                for (Field field : Field.values()) {
                    String head = "heads." + field.referenceName();
                    double[] logits = linear(layerNorm(out, head + ".0"), head + ".1");
                    double max = Double.NEGATIVE_INFINITY;
                    for (double logit : logits) {
                        max = Math.max(max, logit);
                    }
                    double sum = 0;
                    for (double logit : logits) {
                        sum += Math.exp(logit - max);
                    }
                    double logZ = max + Math.log(sum);
                    float[] target = Layers.softTargets(logits.length, field.ordinalBins() ? sigma : 0)
                            [batch.labels().of(field)[row]];
                    double loss = 0;
                    for (int i = 0; i < logits.length; i++) {
                        loss -= target[i] * (logits[i] - logZ);
                    }
                    losses.get(field)[row] = loss;
                }
            }
        }
        return losses;
    }

    private double[][] attention(double[][] h, String prefix) {
        int length = h.length;
        int heads = config.nHeads();
        int hd = config.headDim();
        int half = hd / 2;
        double[][] q = new double[length][];
        double[][] k = new double[length][];
        double[][] v = new double[length][];
        for (int t = 0; t < length; t++) {
            double[] a = rmsNorm(h[t], prefix + "input_layernorm.weight");
            q[t] = rope(matVec(a, prefix + "self_attn.q_proj.weight"), t, heads, hd);
            k[t] = rope(matVec(a, prefix + "self_attn.k_proj.weight"), t, heads, hd);
            v[t] = matVec(a, prefix + "self_attn.v_proj.weight");
        }
        assert half > 0;
        double[][] out = new double[length][config.dModel()];
        for (int head = 0; head < heads; head++) {
            int base = head * hd;
            for (int t = 0; t < length; t++) {
                double[] scores = new double[t + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s <= t; s++) {
                    double dot = 0;
                    for (int i = 0; i < hd; i++) {
                        dot += q[t][base + i] * k[s][base + i];
                    }
                    scores[s] = dot / Math.sqrt(hd);
                    max = Math.max(max, scores[s]);
                }
                double total = 0;
                for (int s = 0; s <= t; s++) {
                    scores[s] = Math.exp(scores[s] - max);
                    total += scores[s];
                }
                for (int s = 0; s <= t; s++) {
                    for (int i = 0; i < hd; i++) {
                        out[t][base + i] += scores[s] / total * v[s][base + i];
                    }
                }
            }
        }
        return out;
    }

    private static double[] rope(double[] x, int position, int heads, int hd) {
        int half = hd / 2;
        double[] out = new double[x.length];
        for (int head = 0; head < heads; head++) {
            int base = head * hd;
            for (int i = 0; i < half; i++) {
                double angle = position * Math.pow(10_000, -2.0 * i / hd);
                double a = x[base + i];
                double b = x[base + i + half];
                out[base + i] = a * Math.cos(angle) - b * Math.sin(angle);
                out[base + i + half] = b * Math.cos(angle) + a * Math.sin(angle);
            }
        }
        return out;
    }

    private double[] matVec(double[] x, String weightName) {
        float[] w = parameters.get(weightName);
        int in = x.length;
        int outputs = w.length / in;
        double[] y = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            double sum = 0;
            for (int i = 0; i < in; i++) {
                sum += w[o * in + i] * x[i];
            }
            y[o] = sum;
        }
        return y;
    }

    private double[] linear(double[] x, String prefix) {
        double[] y = matVec(x, prefix + ".weight");
        float[] bias = parameters.get(prefix + ".bias");
        for (int i = 0; i < y.length; i++) {
            y[i] += bias[i];
        }
        return y;
    }

    private double[] layerNorm(double[] x, String prefix) {
        double mean = 0;
        for (double value : x) {
            mean += value / x.length;
        }
        double variance = 0;
        for (double value : x) {
            variance += (value - mean) * (value - mean) / x.length;
        }
        float[] w = parameters.get(prefix + ".weight");
        float[] b = parameters.get(prefix + ".bias");
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - mean) / Math.sqrt(variance + 1e-5) * w[i] + b[i];
        }
        return y;
    }

    private double[] rmsNorm(double[] x, String weightName) {
        double meanSquare = 0;
        for (double value : x) {
            meanSquare += value * value / x.length;
        }
        float[] w = parameters.get(weightName);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] / Math.sqrt(meanSquare + 1e-6) * w[i];
        }
        return y;
    }

    private static double[] gelu(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.5 * x[i] * (1 + erf(x[i] / Math.sqrt(2)));
        }
        return y;
    }

    /** erf by its Maclaurin series (|x| ≤ 3) or the asymptotic complement: far below float precision for tests. */
    private static double erf(double x) {
        double ax = Math.abs(x);
        if (ax > 5) {
            return Math.signum(x);
        }
        double term = ax;
        double sum = ax;
        for (int n = 1; n < 200; n++) {
            term *= -ax * ax / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17) {
                break;
            }
        }
        return Math.signum(x) * 2 / Math.sqrt(Math.PI) * sum;
    }

    private void addRow(double[] x, String table, int index) {
        float[] values = parameters.get(table);
        int d = x.length;
        for (int i = 0; i < d; i++) {
            x[i] += values[index * d + i];
        }
    }

    private static void add(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            x[i] += y[i];
        }
    }
}
