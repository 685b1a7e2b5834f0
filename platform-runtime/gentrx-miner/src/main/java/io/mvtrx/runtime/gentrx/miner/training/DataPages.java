package io.mvtrx.runtime.gentrx.miner.training;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.data.page.PageColumns;
import io.mvtrx.runtime.gentrx.data.page.PageReader;
import io.mvtrx.runtime.gentrx.data.token.TokenizedPage;
import io.mvtrx.runtime.gentrx.data.token.Tokenizer;
import io.mvtrx.runtime.gentrx.data.window.InterleaveSampler;
import io.mvtrx.runtime.gentrx.data.window.WindowIndex;
import io.mvtrx.runtime.gentrx.storage.StorageLayout;

/** Reads an assignment's pages and turns them into training windows. Stateless. */
final class DataPages {

    /**
     * What was read.
     *
     * @param windows the windows, empty when no page had more than seq_len rows
     * @param used    pages trained on
     * @param skipped pages absent or too short
     */
    record Loaded(Optional<TrainingWindows> windows, int used, int skipped) {
    }

    private DataPages() {
    }

    /**
     * Reads the pages in key order (the reference sorts files by path; recency weighting relies on that order),
     * keeping those with more than {@code seqLen} rows.
     *
     * @param relativeKeys page keys relative to the shard prefix
     * @param seed         the sampler seed
     */
    static Loaded load(StorageBackend bucket, StorageLayout layout, List<String> relativeKeys, int seqLen, long seed)
            throws IOException {
        List<TokenizedPage> pages = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        int skipped = 0;
        for (String relative : relativeKeys.stream().sorted().toList()) {
            String key = layout.full(relative);
            Optional<PageColumns> page = PageReader.read(bucket, key);
            if (page.isEmpty() || page.get().rows() <= seqLen) {
                skipped++;
                continue;
            }
            pages.add(Tokenizer.tokenize(page.get()));
            rows.add(page.get().rows());
        }
        if (pages.isEmpty()) {
            return new Loaded(Optional.empty(), 0, skipped);
        }
        WindowIndex index = new WindowIndex(rows, seqLen);
        long[] order = InterleaveSampler.defaults().order(index, seed);
        return new Loaded(Optional.of(new TrainingWindows(pages, index, order)), pages.size(), skipped);
    }
}
