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
 * <p><b>Cost</b>: two linear passes per tensor and no sorting. The first computes |Δ|'s IEEE bits (which order
 * like |Δ|) and a histogram of their top 15 bits, which locates the bucket holding the k-th largest; the second
 * splits the indices into those above that bucket (kept) and those in it (candidates). A 16-bit histogram over the
 * candidates alone then fixes the exact threshold. Scratch: three int arrays the size of the largest tensor and
 * 384 KiB of histograms per call. Stateless; safe from any thread.
 */
public final class TopK {

    private static final int HIGH_BUCKETS = 1 << 15;
    private static final int LOW_BUCKETS = 1 << 16;
    private static final int INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);

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
        int largest = 0;
        for (Tensor tensor : before.tensors()) {
            largest = Math.max(largest, tensor.size());
        }
        var scratch = new Scratch(largest);
        var kept = new ArrayList<SparseTensor>(before.tensors().size());
        for (int t = 0; t < before.tensors().size(); t++) {
            Tensor b = before.tensors().get(t);
            Tensor a = after.tensors().get(t);
            kept.add(compress(b.name(), b.shape(), b.values(), a.values(), fraction, scratch));
        }
        return new SparseDelta(ParameterLayout.of(before), kept);
    }

    /** Work arrays sized for the largest tensor, reused for every tensor of one call. */
    private static final class Scratch {
        final int[] high = new int[HIGH_BUCKETS];
        final int[] low = new int[LOW_BUCKETS];
        final int[] magnitudes;
        final int[] sure;
        final int[] candidates;

        Scratch(int largest) {
            magnitudes = new int[largest];
            sure = new int[largest + 1];
            candidates = new int[largest + 1];
        }
    }

    private static SparseTensor compress(String name, int[] shape, float[] before, float[] after, double fraction,
                                         Scratch scratch) {
        int n = before.length;
        int k = count(n, fraction);
        int[] high = scratch.high;
        int[] magnitudes = scratch.magnitudes;
        // Magnitudes first, in a loop the JIT can vectorise; a NaN or infinity shows as a magnitude at or above
        // the bits of +Infinity.
        int largest = 0;
        for (int i = 0; i < n; i++) {
            int m = magnitude(after[i] - before[i]);
            magnitudes[i] = m;
            largest = Math.max(largest, m);
        }
        if (largest >= INFINITY_BITS) {
            requireFinite(name, before, after);
        }
        Arrays.fill(high, 0);
        for (int i = 0; i < n; i++) {
            high[magnitudes[i] >>> 16]++;
        }
        // The bucket of high bits that holds the k-th largest magnitude, and how many lie strictly above it.
        int above = 0;
        int highBucket = HIGH_BUCKETS - 1;
        while (above + high[highBucket] < k) {
            above += high[highBucket--];
        }
        // One pass splits indices into sure (above the bucket) and candidates (in it), both in index order.
        // The stores are unconditional and only the counters depend on the comparison, so the loop has no
        // unpredictable branch.
        int[] sure = scratch.sure;
        int[] candidates = scratch.candidates;
        int sureCount = 0;
        int candidateCount = 0;
        for (int i = 0; i < n; i++) {
            int h = magnitudes[i] >>> 16;
            sure[sureCount] = i;
            sureCount += h > highBucket ? 1 : 0;
            candidates[candidateCount] = i;
            candidateCount += h == highBucket ? 1 : 0;
        }
        int needed = k - above;
        int lowThreshold = -1;
        int equalToTake = needed;
        if (needed < candidateCount) {
            int[] low = scratch.low;
            Arrays.fill(low, 0);
            for (int c = 0; c < candidateCount; c++) {
                low[magnitudes[candidates[c]] & 0xFFFF]++;
            }
            int taken = 0;
            lowThreshold = LOW_BUCKETS - 1;
            while (taken + low[lowThreshold] < needed) {
                taken += low[lowThreshold--];
            }
            equalToTake = needed - taken;
        }

        var indices = new int[k];
        var values = new float[k];
        int out = 0;
        int s = 0;
        int remaining = needed;
        for (int c = 0; c < candidateCount && remaining > 0; c++) {
            int index = candidates[c];
            int lowBits = magnitudes[index] & 0xFFFF;
            if (lowThreshold >= 0 && lowBits < lowThreshold) {
                continue;
            }
            if (lowThreshold >= 0 && lowBits == lowThreshold) {
                if (equalToTake == 0) {
                    continue;
                }
                equalToTake--;
            }
            remaining--;
            while (s < sureCount && sure[s] < index) {
                int i = sure[s++];
                indices[out] = i;
                values[out++] = after[i] - before[i];
            }
            indices[out] = index;
            values[out++] = after[index] - before[index];
        }
        while (s < sureCount) {
            int i = sure[s++];
            indices[out] = i;
            values[out++] = after[i] - before[i];
        }
        return new SparseTensor(name, shape, indices, values);
    }

    private static void requireFinite(String name, float[] before, float[] after) {
        for (int i = 0; i < before.length; i++) {
            float d = after[i] - before[i];
            if (!Float.isFinite(d)) {
                throw new IllegalArgumentException("tensor " + name + ": delta at element " + i + " is " + d
                        + " (before " + before[i] + ", after " + after[i] + ")");
            }
        }
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
