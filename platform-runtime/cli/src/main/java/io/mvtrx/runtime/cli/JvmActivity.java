package io.mvtrx.runtime.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * What this JVM spent outside the application's own threads so far, for {@code bench fanout} to tell the publishes a
 * collector pause or the JIT fell in from the others: a tail percentile over a few dozen publishes is often one of
 * them. Readings are cumulative; a publish's share is the difference of two.
 *
 * <p>Collector time counts the pausing collectors only: G1's "G1 Concurrent GC" and ZGC's "... Cycles" beans count
 * work done beside the application, which does not stop it. JIT time is the compilers' total, summed over their
 * threads, so it can exceed the wall time of the publish it fell in.
 */
final class JvmActivity {

    private final List<GarbageCollectorMXBean> pausing;
    private final CompilationMXBean compiler;

    JvmActivity() {
        this.pausing = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(collector -> pauses(collector.getName()))
                .toList();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        this.compiler = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit : null;
    }

    /** Whether the named collector's time is time the application stood still. */
    static boolean pauses(String collectorName) {
        return !collectorName.contains("Concurrent") && !collectorName.endsWith("Cycles");
    }

    /** The cumulative readings now. */
    Reading read() {
        long pauseMillis = 0;
        long collections = 0;
        for (GarbageCollectorMXBean collector : pausing) {
            pauseMillis += Math.max(0, collector.getCollectionTime());
            collections += Math.max(0, collector.getCollectionCount());
        }
        long jitMillis = compiler == null ? 0 : compiler.getTotalCompilationTime();
        return new Reading(pauseMillis, collections, jitMillis);
    }

    /**
     * Cumulative readings.
     *
     * @param pauseMillis collector pause time, ms (the beans' resolution)
     * @param collections pausing collections
     * @param jitMillis   JIT compilation time over all compiler threads, ms (0 when the JVM does not measure it)
     */
    record Reading(long pauseMillis, long collections, long jitMillis) {

        /** What happened between {@code earlier} and this reading. */
        Reading since(Reading earlier) {
            return new Reading(pauseMillis - earlier.pauseMillis, collections - earlier.collections,
                    jitMillis - earlier.jitMillis);
        }
    }
}
