package io.mvtrx.runtime.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.mvtrx.api.settings.Settings;

/**
 * The books of each block: {@code <Books instanceCount maxDepth detailedDepth algorithm>} with its
 * {@code <Processes>}.
 *
 * @param instanceCount books per block
 * @param maxDepth      price levels per side published to remote agents
 * @param detailedDepth leading levels published with their resting orders, at most {@code maxDepth}
 * @param algorithm     matching rule, resolved to a {@link io.mvtrx.api.spi.matching.MatchingRuleProvider}
 * @param processes     processes every book runs, in document order, instance names unique
 * @param settings      the {@code <Books>} element, handed to the matching rule
 */
public record BooksConfig(int instanceCount, int maxDepth, int detailedDepth, String algorithm,
                          List<ProcessConfig> processes, Settings settings) {

    /** The matching rule used when {@code algorithm} is absent. */
    public static final String DEFAULT_ALGORITHM = "PriceTime";

    /** Published levels per side when {@code maxDepth} is absent (reference v0.5.4). */
    public static final int DEFAULT_MAX_DEPTH = 21;

    /** Detailed levels when {@code detailedDepth} is absent (reference v0.5.4). */
    public static final int DEFAULT_DETAILED_DEPTH = 5;

    public BooksConfig {
        Checks.atLeast("Books instanceCount", instanceCount, 1);
        Checks.atLeast("Books maxDepth", maxDepth, 1);
        Checks.within("Books detailedDepth", detailedDepth, 0, maxDepth);
        Checks.text("Books algorithm", algorithm);
        processes = List.copyOf(processes);
        Checks.present("Books settings", settings);
        Set<String> names = new HashSet<>();
        for (ProcessConfig process : processes) {
            if (!names.add(process.name())) {
                throw new IllegalArgumentException(String.format(
                        "process names must be unique, got '%s' twice", process.name()));
            }
        }
    }
}
