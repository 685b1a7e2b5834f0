package io.mvtrx.runtime.simulator.kernel;

/**
 * A unit of parallelism: a block of books with its own clock, queue, random streams and agents. Blocks never
 * interact except at the step barrier, which is why running them on any number of threads gives the same result.
 */
public interface Steppable {

    /** Processes every message arriving strictly before {@code cutoff}, then sets the block's time to it. */
    void step(long cutoff);

    /** A short name for messages, e.g. {@code block 3}. */
    String name();
}
