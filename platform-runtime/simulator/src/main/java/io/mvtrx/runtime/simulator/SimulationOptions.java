package io.mvtrx.runtime.simulator;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a run changes from its configuration, and how it runs. Zero means "as configured" for the counts and the
 * duration.
 *
 * @param duration      simulated ns, or 0 for the configuration's {@code duration}
 * @param seed          root seed, or empty for the configuration's {@code seed}
 * @param booksPerBlock books per block, or 0 for {@code Books instanceCount}
 * @param blockCount    blocks, or 0 for {@code blockCount}
 * @param threads       worker threads, or 0 for {@code min(blocks, available processors)}
 * @param eventLog      where to write the L3 event log ({@code events.l3}); empty to only hash it
 * @param parquetLogs   folder of the Parquet logs the configuration's {@code <Logging>} asks for; empty for none
 * @param remote        the remote agents to publish to; empty for a headless run (remote accounts still exist and
 *                      are funded, nothing is published)
 */
public record SimulationOptions(long duration, OptionalLong seed, int booksPerBlock, int blockCount, int threads,
                                Optional<Path> eventLog, Optional<Path> parquetLogs, Optional<RemoteAgents> remote) {

    public SimulationOptions {
        if (duration < 0) {
            throw new IllegalArgumentException("duration must be > 0 ns (or 0 for the configured one), got "
                    + duration);
        }
        if (booksPerBlock < 0) {
            throw new IllegalArgumentException("booksPerBlock must be >= 1 (or 0 for the configured count), got "
                    + booksPerBlock);
        }
        if (blockCount < 0) {
            throw new IllegalArgumentException("blockCount must be >= 1 (or 0 for the configured count), got "
                    + blockCount);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 1 (or 0 for automatic), got " + threads);
        }
    }

    /** Everything as configured, headless, no log files. */
    public static SimulationOptions defaults() {
        return new SimulationOptions(0, OptionalLong.empty(), 0, 0, 0, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** With another duration, ns. */
    public SimulationOptions withDuration(long nanos) {
        return new SimulationOptions(nanos, seed, booksPerBlock, blockCount, threads, eventLog, parquetLogs, remote);
    }

    /** With another root seed. */
    public SimulationOptions withSeed(long value) {
        return new SimulationOptions(duration, OptionalLong.of(value), booksPerBlock, blockCount, threads, eventLog,
                parquetLogs, remote);
    }

    /** With another number of books per block. */
    public SimulationOptions withBooksPerBlock(int books) {
        return new SimulationOptions(duration, seed, books, blockCount, threads, eventLog, parquetLogs, remote);
    }

    /** With another number of blocks. */
    public SimulationOptions withBlockCount(int blocks) {
        return new SimulationOptions(duration, seed, booksPerBlock, blocks, threads, eventLog, parquetLogs, remote);
    }

    /** With another number of worker threads. */
    public SimulationOptions withThreads(int count) {
        return new SimulationOptions(duration, seed, booksPerBlock, blockCount, count, eventLog, parquetLogs, remote);
    }

    /** Writing the event log to {@code file}. */
    public SimulationOptions withEventLog(Path file) {
        return new SimulationOptions(duration, seed, booksPerBlock, blockCount, threads, Optional.of(file),
                parquetLogs, remote);
    }

    /** Writing the Parquet logs under {@code folder}. */
    public SimulationOptions withParquetLogs(Path folder) {
        return new SimulationOptions(duration, seed, booksPerBlock, blockCount, threads, eventLog,
                Optional.of(folder), remote);
    }

    /** Publishing to {@code agents}. */
    public SimulationOptions withRemote(RemoteAgents agents) {
        return new SimulationOptions(duration, seed, booksPerBlock, blockCount, threads, eventLog, parquetLogs,
                Optional.of(agents));
    }
}
