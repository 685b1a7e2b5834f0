package io.mvtrx.runtime.gentrx.delta.gradient;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.ReferenceModelLayout;
import io.mvtrx.runtime.gentrx.delta.Tensor;
import io.mvtrx.runtime.gentrx.delta.TensorSet;

/**
 * A miner's upload path and a validator's intake path for one full-model delta of the reference GenTRX model
 * (gentrx.md §4.2 layout, 120 tensors, 12,058,801 elements): weights {@code before ~ N(0, 0.02²)}, delta
 * {@code after − before ~ N(0, 0.001²)}, seeded, top-k at {@code fraction} per tensor.
 * <ul>
 *   <li>{@link #compress}: Δ and per-tensor top-k ({@link TopK#compress}), the step the reference times at
 *       0.165 s (PyTorch, 2 threads, this machine);</li>
 *   <li>{@link #encode}: the compressed delta to {@code .grad} bytes;</li>
 *   <li>{@link #decode}: bytes back to a delta with every check a validator runs on an untrusted file;</li>
 *   <li>{@link #decompress}: the delta to a dense set of 12.06 M floats.</li>
 * </ul>
 * The encoded size is printed once per trial ({@code .grad bytes: N}). Single thread; 1 fork, 3 × 2 s warm-up,
 * 5 × 2 s measurement, average time per operation.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DeltaCompressionBenchmark {

    /** Fraction of each tensor kept. */
    @Param({"0.10"})
    double fraction;

    private ParameterLayout layout;
    private TensorSet before;
    private TensorSet after;
    private SparseDelta delta;
    private byte[] encoded;
    private Gradient gradient;

    @Setup(Level.Trial)
    public void setUp() {
        layout = ReferenceModelLayout.orderModel();
        var random = new SplittableRandom(79);
        List<Tensor> b = new ArrayList<>();
        List<Tensor> a = new ArrayList<>();
        for (ParameterLayout.Parameter parameter : layout.parameters()) {
            var w = new float[parameter.elements()];
            var w2 = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (0.02 * random.nextGaussian());
                w2[i] = w[i] + (float) (0.001 * random.nextGaussian());
            }
            b.add(new Tensor(parameter.name(), parameter.shape(), w));
            a.add(new Tensor(parameter.name(), parameter.shape(), w2));
        }
        before = new TensorSet(b);
        after = new TensorSet(a);
        delta = TopK.compress(before, after, fraction);
        gradient = new Gradient(new GradientMetadata(1234, 12, 60, 2.5, 2.4, List.of(2.5, 2.4), 6), delta);
        encoded = GradientCodec.encode(gradient);
        System.out.printf("%n.grad bytes: %,d (%d tensors, %,d elements, %,d kept)%n", encoded.length,
                layout.size(), layout.totalElements(), delta.count());
    }

    @Benchmark
    public SparseDelta compress() {
        return TopK.compress(before, after, fraction);
    }

    @Benchmark
    public byte[] encode() {
        return GradientCodec.encode(gradient);
    }

    @Benchmark
    public Gradient decode() {
        return GradientCodec.decode(encoded, layout, "benchmark");
    }

    @Benchmark
    public TensorSet decompress() {
        return delta.toDense();
    }

    /** Runs only this benchmark (the shaded JAR's main runs whatever the command line selects). */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(DeltaCompressionBenchmark.class.getSimpleName()).build()).run();
    }
}
