package io.mvtrx.runtime.exchange;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/**
 * An A/B comparison of {@link ExchangeBenchmark}'s workload across builds that stays readable on a shared, busy
 * machine, where JMH's wall-clock throughput moves by tens of percent with the neighbours. Each benchmark JAR
 * (this module's shaded {@code exchange-benchmarks.jar} of some commit) gets a class loader of its own, so its
 * exchange is compiled by the JIT as a separate copy; one JVM then plays {@link OrderMixStream} on each build's
 * {@link ExchangeVenue} in alternating batches (order reversed every other round), timing each batch in the thread's
 * CPU time. Neighbours that slow the machine down slow every build alike within a few hundred milliseconds, and time
 * spent descheduled is not counted.
 *
 * {@snippet lang = "shell" :
 * java -cp exchange-benchmarks.jar io.mvtrx.runtime.exchange.PairedRun tiered 20 2000000 base.jar new.jar
 * }
 *
 * <p>Output: per build the median and quartiles of CPU ns per operation over the rounds, and per build after the
 * first the median and quartiles of its per-round ratio to the first. The ratio is the figure to read; two copies of
 * the same JAR differ by a few percent (heap placement, JIT decisions), so compare both orders before trusting a
 * difference that small. Thread CPU time still includes what a busy sibling hyper-thread takes from the core, so
 * absolute figures are not throughputs; JMH on a quiet machine gives those.
 */
public final class PairedRun {

    private static final int WARM_UP_ROUNDS = 6;

    private PairedRun() {
    }

    /**
     * Plays one build's stream: the class is loaded anew, against the build's own classes, in each build's loader.
     */
    public static final class Driver implements LongUnaryOperator {

        private final OrderMixStream stream;
        private final ExchangeVenue venue;

        /** A seeded exchange with fees by {@code fees}, as {@link ExchangeBenchmark} builds it. */
        public Driver(String fees) {
            stream = new OrderMixStream();
            venue = new ExchangeVenue(fees, stream);
            stream.seed(venue);
        }

        /** Plays {@code operations} operations; returns a fold of the answers (so that none is dead code). */
        @Override
        public long applyAsLong(long operations) {
            long fold = 0;
            for (long i = 0; i < operations; i++) {
                fold += stream.next(venue);
            }
            return fold;
        }
    }

    /**
     * Runs the comparison.
     *
     * @param args {@code FEES ROUNDS OPERATIONS JAR JAR...}: the fee policy ({@code tiered} or {@code dynamic}), the
     *             measured rounds, the operations per batch, and two or more benchmark JARs, the first the baseline
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: PairedRun FEES ROUNDS OPERATIONS BASELINE.jar OTHER.jar...");
            System.exit(2);
        }
        String fees = args[0];
        int rounds = Integer.parseInt(args[1]);
        long operations = Long.parseLong(args[2]);
        int builds = args.length - 3;
        URL self = PairedRun.class.getProtectionDomain().getCodeSource().getLocation();
        LongUnaryOperator[] drivers = new LongUnaryOperator[builds];
        String[] names = new String[builds];
        for (int b = 0; b < builds; b++) {
            Path jar = Path.of(args[3 + b]);
            if (!Files.isRegularFile(jar)) {
                System.err.printf("PairedRun: %s: no such JAR%n", jar);
                System.exit(2);
            }
            names[b] = jar.toString();
            drivers[b] = driver(jar, self, fees);
        }
        double[][] nanos = measure(drivers, rounds, operations);
        System.out.printf("fees %s, %d rounds of %,d operations, CPU ns per operation (median [p25, p75]):%n", fees,
                rounds, operations);
        for (int b = 0; b < builds; b++) {
            System.out.printf("  %-60s %s%n", names[b], summary(nanos[b]));
        }
        for (int b = 1; b < builds; b++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = nanos[b][r] / nanos[0][r];
            }
            System.out.printf("  ratio %s / %s: %s%n", names[b], names[0], summary(ratio));
        }
    }

    /** CPU ns per operation of each driver in each round, after {@value #WARM_UP_ROUNDS} unmeasured rounds. */
    static double[][] measure(LongUnaryOperator[] drivers, int rounds, long operations) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fold = 0;
        for (int r = 0; r < WARM_UP_ROUNDS; r++) {
            for (LongUnaryOperator driver : drivers) {
                fold += driver.applyAsLong(operations);
            }
        }
        double[][] nanos = new double[drivers.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < drivers.length; k++) {
                int b = r % 2 == 0 ? k : drivers.length - 1 - k;
                long start = threads.getCurrentThreadCpuTime();
                fold += drivers[b].applyAsLong(operations);
                nanos[b][r] = (threads.getCurrentThreadCpuTime() - start) / (double) operations;
            }
        }
        if (fold == 42) {
            System.out.println("(fold " + fold + ")");
        }
        return nanos;
    }

    /** {@code median [p25, p75]} of the values, three decimals. */
    static String summary(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("%.3f [%.3f, %.3f]", quantile(sorted, 0.5), quantile(sorted, 0.25),
                quantile(sorted, 0.75));
    }

    /** The {@code q} quantile of sorted values, interpolated between neighbours. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    private static LongUnaryOperator driver(Path jar, URL self, String fees) throws ReflectiveOperationException,
            MalformedURLException {
        // the build's own classes first; Driver itself only exists in this JAR, and links against the build's
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL(), self},
                ClassLoader.getPlatformClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        return (LongUnaryOperator) loader.loadClass(Driver.class.getName()).getConstructor(String.class)
                .newInstance(fees);
    }
}
