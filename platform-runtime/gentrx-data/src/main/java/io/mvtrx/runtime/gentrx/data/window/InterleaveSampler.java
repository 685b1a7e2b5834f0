package io.mvtrx.runtime.gentrx.data.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The miner's sampling order (reference {@code InterleaveSampler}, gentrx.md §4.4): windows are shuffled inside
 * each file, cut into blocks of {@code blockSize} (1024), and the blocks of all files are ordered by a weighted
 * shuffle key {@code u^(1/w)}, highest first, with {@code u} uniform in (0, 1) and
 * {@code w = exp(recency · f / (files - 1))} for file f, so later files (newer pages, given files sorted by path)
 * tend to come first. The whole order is a function of the seed. Stateless apart from its settings.
 */
public final class InterleaveSampler {

    /** Windows per block. */
    public static final int DEFAULT_BLOCK = 1024;
    /** Recency weight. */
    public static final double DEFAULT_RECENCY = 1.0;

    private final int blockSize;
    private final double recency;

    public InterleaveSampler(int blockSize, double recency) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be >= 1, got " + blockSize);
        }
        if (!Double.isFinite(recency)) {
            throw new IllegalArgumentException("recency must be finite, got " + recency);
        }
        this.blockSize = blockSize;
        this.recency = recency;
    }

    /** The reference settings: blocks of 1024, recency 1.0. */
    public static InterleaveSampler defaults() {
        return new InterleaveSampler(DEFAULT_BLOCK, DEFAULT_RECENCY);
    }

    private record Block(long[] windows, double key, int order) {
    }

    /** Every window of the index exactly once, in sampling order for {@code seed}. */
    public long[] order(WindowIndex index, long seed) {
        if (index.windows() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many windows for one order: " + index.windows());
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Block> blocks = new ArrayList<>();
        int files = index.files();
        for (int f = 0; f < files; f++) {
            int n = index.windowsIn(f);
            long[] windows = new long[n];
            long first = index.firstWindow(f);
            for (int i = 0; i < n; i++) {
                windows[i] = first + i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                long t = windows[i];
                windows[i] = windows[j];
                windows[j] = t;
            }
            double weight = files > 1 ? Math.exp(recency * f / (files - 1)) : 1.0;
            for (int from = 0; from < n; from += blockSize) {
                long[] block = new long[Math.min(blockSize, n - from)];
                System.arraycopy(windows, from, block, 0, block.length);
                double u = 1.0 - random.nextDouble();
                blocks.add(new Block(block, Math.pow(u, 1.0 / weight), blocks.size()));
            }
        }
        blocks.sort(Comparator.comparingDouble(Block::key).reversed().thenComparingInt(Block::order));
        long[] order = new long[(int) index.windows()];
        int at = 0;
        for (Block block : blocks) {
            System.arraycopy(block.windows(), 0, order, at, block.windows().length);
            at += block.windows().length;
        }
        return order;
    }
}
