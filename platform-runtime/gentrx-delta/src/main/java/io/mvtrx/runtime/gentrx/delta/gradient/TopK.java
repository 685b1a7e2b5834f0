package io.mvtrx.runtime.gentrx.delta.gradient;

import java.util.ArrayList;
import java.util.Arrays;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;

/**
 * Per-tensor top-k compression of a parameter delta (gentrx.md §5): for each parameter, Δ = after − before in
 * float32, {@code k = min(n, max(1, floor(n × fraction)))} with the product taken in double as the reference does,
 * and the k entries of largest |Δ| are kept.
 *
 * <p><b>Ties</b>: entries are ranked by |Δ| descending, then by flat index ascending, so among entries whose |Δ|
 * equals the k-th largest the lowest indices are kept. The result depends only on the inputs. +0.0 and −0.0 rank
 * equal.
 *
 * <p><b>Cost</b>: three linear passes per tensor (a 15-bit then a 16-bit histogram of |Δ|'s IEEE bits find the
 * k-th largest exactly, then one pass collects the kept entries in index order), no sorting, O(k) output plus
 * 384 KiB of histograms. Stateless; safe from any thread.
 */
public final class TopK {

    private static final int HIGH_BUCKETS = 1 << 15;
    private static final int LOW_BUCKETS = 1 << 16;

    private TopK() {
    }

    /** Entries kept from a tensor of {@code elements} at {@code fraction}. */
    public static int count(int elements, double fraction) {
        requireFraction(fraction);
        return (int) Math.min(elements, Math.max(1, (long) Math.floor(elements * fraction)));
    }

    /**
     * Compresses {@code after − before}.
     *
     * @throws IllegalArgumentException when the sets' layouts differ, the fraction is outside (0, 1], or a
     *                                  difference is not finite (such a delta must not be uploaded)
     */
    public static SparseDelta compress(TensorSet before, TensorSet after, double fraction) {
        requireFraction(fraction);
        if (!before.sameLayout(after)) {
            throw new IllegalArgumentException("before and after do not have the same tensor layout");
        }
        var high = new int[HIGH_BUCKETS];
        var low = new int[LOW_BUCKETS];
        var kept = new ArrayList<SparseTensor>(before.tensors().size());
        for (int t = 0; t < before.tensors().size(); t++) {
            Tensor b = before.tensors().get(t);
            Tensor a = after.tensors().get(t);
            kept.add(compress(b.name(), b.shape(), b.values(), a.values(), fraction, high, low));
        }
        return new SparseDelta(ParameterLayout.of(before), kept);
    }

    private static SparseTensor compress(String name, int[] shape, float[] before, float[] after, double fraction,
                                         int[] high, int[] low) {
        int n = before.length;
        int k = count(n, fraction);
        Arrays.fill(high, 0);
        for (int i = 0; i < n; i++) {
            float d = after[i] - before[i];
            if (!Float.isFinite(d)) {
                throw new IllegalArgumentException("tensor " + name + ": delta at element " + i + " is " + d
                        + " (before " + before[i] + ", after " + after[i] + ")");
            }
            high[magnitude(d) >>> 16]++;
        }
        // The bucket of high bits that holds the k-th largest magnitude, and how many lie strictly above it.
        int above = 0;
        int highBucket = HIGH_BUCKETS - 1;
        while (above + high[highBucket] < k) {
            above += high[highBucket--];
        }
        Arrays.fill(low, 0);
        for (int i = 0; i < n; i++) {
            int m = magnitude(after[i] - before[i]);
            if (m >>> 16 == highBucket) {
                low[m & 0xFFFF]++;
            }
        }
        int lowBucket = LOW_BUCKETS - 1;
        while (above + low[lowBucket] < k) {
            above += low[lowBucket--];
        }
        int threshold = highBucket << 16 | lowBucket;
        int equalToTake = k - above;

        var indices = new int[k];
        var values = new float[k];
        int taken = 0;
        for (int i = 0; i < n && taken < k; i++) {
            float d = after[i] - before[i];
            int m = magnitude(d);
            if (m > threshold || (m == threshold && equalToTake-- > 0)) {
                indices[taken] = i;
                values[taken++] = d;
            }
        }
        return new SparseTensor(name, shape, indices, values);
    }

    /** |d| as its IEEE bits: a non-negative int that orders like |d| for finite d. */
    private static int magnitude(float d) {
        return Float.floatToRawIntBits(d) & 0x7FFF_FFFF;
    }

    private static void requireFraction(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("top-k fraction must be in (0, 1], got " + fraction);
        }
    }
}
