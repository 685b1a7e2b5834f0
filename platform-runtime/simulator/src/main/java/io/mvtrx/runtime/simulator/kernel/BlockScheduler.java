package io.mvtrx.runtime.simulator.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Advances blocks step by step on a bounded pool: every block runs its step on some pool thread, and
 * {@link #step} returns only when all have finished (the barrier). With one thread the blocks run in order on the
 * caller's thread, with no pool at all.
 *
 * <p>One caller at a time. A block that throws stops the step: the failure is rethrown naming the block and the
 * cutoff, after the other blocks of the step have finished.
 */
public final class BlockScheduler implements AutoCloseable {

    private final int threads;
    private final ExecutorService pool;

    /**
     * @param threads worker threads, >= 1; more threads than blocks gain nothing
     */
    public BlockScheduler(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mvtrx-block-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Worker threads. */
    public int threads() {
        return threads;
    }

    /**
     * Runs one step of every block up to {@code cutoff} and waits for all of them.
     *
     * @throws BlockFailedException if a block threw
     */
    public void step(List<? extends Steppable> blocks, long cutoff) {
        if (pool == null) {
            for (Steppable block : blocks) {
                runOne(block, cutoff);
            }
            return;
        }
        List<Future<?>> futures = new ArrayList<>(blocks.size());
        for (Steppable block : blocks) {
            futures.add(pool.submit(() -> runOne(block, cutoff)));
        }
        BlockFailedException failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof BlockFailedException b
                            ? b : new BlockFailedException("a block failed at cutoff " + cutoff, e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BlockFailedException("interrupted while waiting for blocks at cutoff " + cutoff, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Applies {@code task} to every block on the pool (on the caller's thread with one thread) and returns the
     * results in block order; used between steps, e.g. to save every block for a checkpoint in parallel.
     *
     * @throws RuntimeException the first block's failure, as thrown
     */
    public <B, R> List<R> map(List<B> blocks, Function<? super B, ? extends R> task) {
        List<R> results = new ArrayList<>(blocks.size());
        if (pool == null) {
            for (B block : blocks) {
                results.add(task.apply(block));
            }
            return results;
        }
        List<Future<? extends R>> futures = new ArrayList<>(blocks.size());
        for (B block : blocks) {
            futures.add(pool.submit(() -> task.apply(block)));
        }
        RuntimeException failure = null;
        for (Future<? extends R> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause().toString(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for blocks", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private static void runOne(Steppable block, long cutoff) {
        try {
            block.step(cutoff);
        } catch (RuntimeException | Error e) {
            throw new BlockFailedException(block.name() + " failed in the step ending at " + cutoff + " ns: " + e, e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** A block threw during a step; the run cannot continue from this state. */
    public static final class BlockFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BlockFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
