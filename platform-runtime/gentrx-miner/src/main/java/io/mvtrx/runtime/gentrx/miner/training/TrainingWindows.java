package io.mvtrx.runtime.gentrx.miner.training;

import java.util.List;

import io.mvtrx.runtime.gentrx.data.token.TokenizedPage;
import io.mvtrx.runtime.gentrx.data.window.Window;
import io.mvtrx.runtime.gentrx.data.window.WindowIndex;

/**
 * The round's training data: tokenised pages (each longer than the sequence length), their window index, and the
 * order to visit windows in (the interleaved, recency-weighted order of gentrx.md §4.4).
 *
 * @param pages the pages, in the index's file order
 * @param index windows of {@code index.seqLen()} rows that never span two pages
 * @param order window numbers in training order
 */
public record TrainingWindows(List<TokenizedPage> pages, WindowIndex index, long[] order) {

    public TrainingWindows {
        pages = List.copyOf(pages);
        if (pages.size() != index.files()) {
            throw new IllegalArgumentException("index covers " + index.files() + " pages, got " + pages.size());
        }
        order = order.clone();
    }

    @Override
    public long[] order() {
        return order.clone();
    }

    /** Windows available. */
    public int size() {
        return order.length;
    }

    /** The {@code i}-th window in training order. */
    public Window window(int i) {
        return index.window(order[i]);
    }
}
