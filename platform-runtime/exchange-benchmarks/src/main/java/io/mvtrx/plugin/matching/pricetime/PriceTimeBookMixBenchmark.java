package io.mvtrx.plugin.matching.pricetime;

import java.util.concurrent.TimeUnit;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.plugin.matching.OrderBookVenue;
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
 * One {@link PriceTimeBook} alone — no accounts, reservations or fees — fed by {@link OrderMixStream}, the stream
 * {@code ExchangeBenchmark} and the exchange-core comparison use (about 1,000 resting orders over some 750 levels,
 * 1,000 agents, 60 % GTC near the touch, 25 % cancels, 10 % IOC/market, 5 % FOK/post-only, sizes 1–10 lots, STP
 * CO), through {@link OrderBookVenue}. It is the counterpart of exchange-core's {@code OrderBookDirectImpl} fed the
 * same stream; {@link PriceTimeBookBenchmark} measures the same book on the recorded {@code BookWorkload} cycle
 * instead. Each call plays one operation generated on the fly (a few ns of xorshift included).
 *
 * {@snippet lang=shell :
 * java -jar platform-runtime/exchange-benchmarks/target/exchange-benchmarks.jar PriceTimeBookMix -prof gc
 * }
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PriceTimeBookMixBenchmark {

    private OrderMixStream stream;
    private OrderBookVenue venue;

    @Setup(Level.Trial)
    public void setUp() {
        stream = new OrderMixStream();
        BookSpec spec = new BookSpec(0, BookDecimals.REFERENCE, 4 * OrderMixStream.TARGET_ORDERS);
        venue = new OrderBookVenue(new PriceTimeBook(spec), stream);
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
        new Runner(new OptionsBuilder().include(PriceTimeBookMixBenchmark.class.getSimpleName()).build()).run();
    }
}
