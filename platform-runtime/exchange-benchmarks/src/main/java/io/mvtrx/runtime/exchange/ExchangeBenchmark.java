package io.mvtrx.runtime.exchange;

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

/**
 * The whole exchange on one core — intake, reservation, matching on a {@code PriceTime} book, settlement with fees,
 * release — on exchange-core's order-book benchmark mix (STYLE.md §23):
 *
 * <ul>
 *   <li>one book at the production decimals (P 2, V 4, B 4, Q 10) around 300.00, started with about
 *       {@value #TARGET_ORDERS} resting orders over some 750 price levels, 1,000 funded accounts (agents 0..999, so
 *       all count as miners for the dynamic policy);</li>
 *   <li>60 % GTC limit orders near the touch: while the book holds fewer than {@value #TARGET_ORDERS} orders they
 *       join their own side 0–9 ticks behind the touch (half of them anywhere within 900 ticks), otherwise they
 *       cross the touch by 0–2 ticks, trade, and rest what is left;</li>
 *   <li>25 % full cancels of a remembered resting order (one that has filled since is a cheap reject, and the next
 *       remembered order is tried, up to four);</li>
 *   <li>10 % IOC limit orders at the touch and market orders (half each);</li>
 *   <li>5 % FOK orders at the touch (2 %) and post-only orders behind it (3 %);</li>
 *   <li>sizes 1–10 base, STP CO, the clock advancing 1 µs per operation, fees by the {@code fees} parameter:
 *       {@code tiered} (the reference's production tiers) or {@code dynamic} (simulator-054.md §4.11 production
 *       values).</li>
 * </ul>
 *
 * The operations come from {@link OrderMixStream} (the venue is {@link ExchangeVenue}), generated on the fly from a
 * seeded xorshift, so each measured call also pays a few nanoseconds of generation; the exchange-core comparison
 * module feeds exchange-core from the same stream. {@link #throughput} reports operations per second;
 * {@link #latency} samples single operations (p50/p99/p99.9). Run with {@code -prof gc} for allocation per
 * operation.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ExchangeBenchmark {

    static final int TARGET_ORDERS = OrderMixStream.TARGET_ORDERS;

    /** Fee policy: {@code tiered} or {@code dynamic}. */
    @Param({"tiered", "dynamic"})
    public String fees;

    private OrderMixStream stream;
    private ExchangeVenue venue;

    @Setup(Level.Trial)
    public void setUp() {
        stream = new OrderMixStream();
        venue = new ExchangeVenue(fees, stream);
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

    /** Runs only this benchmark (the shaded JAR's main runs whatever the command line selects). */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ExchangeBenchmark.class.getSimpleName()).build()).run();
    }
}
