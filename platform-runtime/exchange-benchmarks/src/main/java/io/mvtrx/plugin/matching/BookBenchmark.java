package io.mvtrx.plugin.matching;

import java.util.concurrent.TimeUnit;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.OrderBook;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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

/**
 * One book of the rule a subclass names under the exchange-core order-book mix ({@link BookWorkload}): about 1,000
 * resting orders over some 750 price levels, 1,000 agents, 60 % GTC limits near the touch, 25 % cancels, 10 %
 * IOC/market, 5 % FOK/post-only, every order STP CO. Each benchmark call plays one op of a pre-generated, seeded
 * cycle of 2<sup>20</sup> ops (generated against the same rule, which decides what survives). {@code throughput}
 * reports ops/s; {@code latency} samples single ops (read p50, p99, p99.9); run with {@code -prof gc} to see
 * allocation per op. JMH runs each concrete subclass, in its own fork, as a benchmark of its own; this abstract
 * class is not run.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class BookBenchmark {

    @Param("1000")
    int orders;

    @Param("1000")
    int agents;

    @Param("42")
    long seed;

    private BookWorkload.Replay replay;

    /** An empty book of the rule measured. */
    protected abstract OrderBook newBook(BookSpec spec);

    @Setup
    public void setUp() {
        BookSpec spec = new BookSpec(0, BookDecimals.REFERENCE, 2 * orders);
        BookWorkload workload = BookWorkload.generate(() -> newBook(spec), seed, 200_000, 1 << 20, orders, agents);
        replay = workload.replay(newBook(spec));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long throughput() {
        return replay.next();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long latency() {
        return replay.next();
    }

    /** Runs the benchmarks of {@code benchmark} only; for a subclass's {@code main}. */
    protected static void run(Class<? extends BookBenchmark> benchmark) throws RunnerException {
        new Runner(new OptionsBuilder().include(benchmark.getSimpleName()).build()).run();
    }
}
