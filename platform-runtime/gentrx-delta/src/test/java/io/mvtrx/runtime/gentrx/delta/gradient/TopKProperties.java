package io.mvtrx.runtime.gentrx.delta.gradient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;

class TopKProperties {

    record Case(TensorSet before, TensorSet after, double fraction) {
    }

    /**
     * Decompressing keeps exactly the top k entries of each tensor's delta (ranked by |Δ| descending, then index
     * ascending) with their exact values, and zero everywhere else.
     */
    @Property(tries = 300)
    void decompressionKeepsExactlyTheTopKPerTensor(@ForAll("cases") Case c) {
        SparseDelta delta = TopK.compress(c.before(), c.after(), c.fraction());
        TensorSet dense = delta.toDense();

        for (int t = 0; t < c.before().tensors().size(); t++) {
            float[] before = c.before().tensors().get(t).values();
            float[] after = c.after().tensors().get(t).values();
            int n = before.length;
            float[] d = new float[n];
            for (int i = 0; i < n; i++) {
                d[i] = after[i] - before[i];
            }
            int k = TopK.count(n, c.fraction());
            List<Integer> expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -Math.abs(d[i])).thenComparing(i -> i))
                    .limit(k).sorted().toList();
            SparseTensor kept = delta.tensors().get(t);
            assertThat(kept.indices()).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
            float[] values = dense.tensors().get(t).values();
            for (int i = 0; i < n; i++) {
                float want = expected.contains(i) ? d[i] : 0f;
                assertThat(values[i]).as("tensor %d element %d", t, i).isEqualTo(want);
            }
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        // A quarter of the entries unchanged and a third moved by exactly ±1, so ties at the threshold are common.
        Arbitrary<List<Integer>> sizes = Arbitraries.integers().between(1, 300).list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0.001, 1.0).ofScale(4);
        return Combinators.combine(sizes, fraction, Arbitraries.longs()).as((ns, f, seed) -> {
            var random = new java.util.Random(seed);
            var before = new ArrayList<Tensor>();
            var after = new ArrayList<Tensor>();
            for (int t = 0; t < ns.size(); t++) {
                int n = ns.get(t);
                float[] b = new float[n];
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    b[i] = random.nextInt(4) == 0 ? 0f : (float) random.nextGaussian();
                    a[i] = switch (random.nextInt(3)) {
                        case 0 -> b[i];
                        case 1 -> b[i] + (random.nextBoolean() ? 1f : -1f);
                        default -> (float) (random.nextGaussian() * 3);
                    };
                }
                before.add(new Tensor("p" + t, new int[] {n}, b));
                after.add(new Tensor("p" + t, new int[] {n}, a));
            }
            return new Case(new TensorSet(before), new TensorSet(after), f);
        });
    }
}
