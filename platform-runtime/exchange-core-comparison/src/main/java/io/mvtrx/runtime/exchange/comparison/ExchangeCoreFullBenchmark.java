package io.mvtrx.runtime.exchange.comparison;

import java.util.concurrent.TimeUnit;

import io.mvtrx.runtime.exchange.OrderMixStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * exchange-core 0.5.3's risk check + matching + settlement with fees on one thread ({@link ExchangeCoreFullVenue}:
 * {@code RiskEngine.preProcessCommand} → {@code MatchingEngineRouter.processOrder} → {@code
 * RiskEngine.handlerRiskRelease}, as {@code ExchangeCore} wires them, without the Disruptor between them), 1,000
 * funded users, one currency pair with maker and taker fees, fed the operation stream of our exchange benchmarks
 * ({@link OrderMixStream}), mapped as {@link ExchangeCoreVenue} describes. The counterpart of our
 * {@code ExchangeBenchmark} (same stream, same JVM flags). Each call plays one operation generated on the fly (a
 * few ns of xorshift included).
 *
 * <p>Setup first runs {@link SameStreamCheck} (FULL) and prints both exchanges' trade counts.
 *
 * {@snippet lang=shell :
 * java -jar platform-runtime/exchange-core-comparison/target/exchange-core-comparison.jar ExchangeCoreFull -prof gc
 * }
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExchangeCoreFullBenchmark {

    private OrderMixStream stream;
    private ExchangeCoreFullVenue venue;

    @Setup(Level.Trial)
    public void setUp() {
        SameStreamCheck.runIsolated(SameStreamCheck.Subject.FULL);
        stream = new OrderMixStream();
        venue = new ExchangeCoreFullVenue(stream);
        stream.seed(venue);
    }

    /** Operations per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long throughput() {
        return stream.next(venue);
    }

    /** Sampled time of single operations. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long latency() {
        return stream.next(venue);
    }

    /** Runs this benchmark only. */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ExchangeCoreFullBenchmark.class.getSimpleName()).build()).run();
    }
}
