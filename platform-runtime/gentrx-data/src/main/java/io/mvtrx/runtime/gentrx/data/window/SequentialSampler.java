package io.mvtrx.runtime.gentrx.data.window;

/**
 * The scoring order: every window in index order, no shuffle (a batch of 64 is 64 consecutive, overlapping windows
 * from the start of the first file), as the reference scores.
 */
public final class SequentialSampler {

    private SequentialSampler() {
    }

    /** Window numbers {@code 0 .. windows - 1}, at most {@code limit} of them. */
    public static long[] order(WindowIndex index, long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        int n = (int) Math.min(index.windows(), limit);
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
