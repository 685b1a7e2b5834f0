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
 * exchange-core 0.5.3's {@code OrderBookDirectImpl} alone (no risk check, no settlement) fed the operation stream
 * of our exchange benchmarks ({@link OrderMixStream}: one book around 300.00 with about 1,000 resting orders over
 * some 750 levels, 1,000 agents, 60 % GTC near the touch, 25 % cancels, 10 % IOC/market, 5 % FOK/post-only, sizes
 * 1–10 lots), mapped as {@link ExchangeCoreVenue} describes. The counterpart of our
 * {@code PriceTimeBookMixBenchmark} (same stream, same JVM flags). Each call plays one operation generated on the
 * fly (a few ns of xorshift included); the harness reads the touch from the book's private best-order fields and
 * counts resting orders from the events.
 *
 * <p>Setup first runs {@link SameStreamCheck} (BOOK) and prints both books' trade counts.
 *
 * {@snippet lang=shell :
 * java -jar platform-runtime/exchange-core-comparison/target/exchange-core-comparison.jar ExchangeCoreBook -prof gc
 * }
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExchangeCoreBookBenchmark {

    private OrderMixStream stream;
    private ExchangeCoreBookVenue venue;

    @Setup(Level.Trial)
    public void setUp() {
        SameStreamCheck.runIsolated(SameStreamCheck.Subject.BOOK);
        stream = new OrderMixStream();
        venue = new ExchangeCoreBookVenue(stream);
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
        new Runner(new OptionsBuilder().include(ExchangeCoreBookBenchmark.class.getSimpleName()).build()).run();
    }
}
