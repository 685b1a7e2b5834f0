package io.mvtrx.runtime.gentrx.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mvtrx.api.spi.storage.StorageBackend;
import io.mvtrx.runtime.gentrx.data.page.PageColumns;
import io.mvtrx.runtime.gentrx.data.page.PageReader;
import io.mvtrx.runtime.gentrx.data.token.TokenizedPage;
import io.mvtrx.runtime.gentrx.data.token.Tokenizer;
import io.mvtrx.runtime.gentrx.data.window.SequentialSampler;
import io.mvtrx.runtime.gentrx.data.window.Window;
import io.mvtrx.runtime.gentrx.data.window.WindowIndex;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.model.OrderModel;
import io.mvtrx.runtime.gentrx.server.scoring.Evaluator;

/**
 * The order model's loss on pages, as the gradient server scores with it (gentrx.md §6.1): the pages read from the
 * validator's bucket and tokenised, sequential windows (the scoring sampler) in batches of {@code batchSize}, the mean
 * of the finite batch losses.
 *
 * <p>Not thread-safe: the server's scoring thread owns it.
 */
public final class OrderModelEvaluator implements Evaluator {

    private final OrderModel model;
    private final StorageBackend pages;
    private final int batchSize;
    private final int seqLen;

    public OrderModelEvaluator(OrderModel model, StorageBackend pages, int batchSize, int seqLen) {
        if (batchSize < 1 || seqLen < 1 || seqLen > model.config().maxSeqLen()) {
            throw new IllegalArgumentException("batch " + batchSize + " and sequence length " + seqLen
                    + " must be at least 1, the length at most the model's " + model.config().maxSeqLen());
        }
        this.model = model;
        this.pages = pages;
        this.batchSize = batchSize;
        this.seqLen = seqLen;
    }

    @Override
    public double loss(TensorSet weights, List<String> pageKeys, int maxBatches) throws IOException {
        List<TokenizedPage> tokenized = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (String key : pageKeys) {
            Optional<PageColumns> columns = PageReader.read(pages, key);
            if (columns.isEmpty()) {
                continue;
            }
            TokenizedPage page = Tokenizer.tokenize(columns.get());
            if (page.rows() > seqLen) {
                tokenized.add(page);
                rows.add(page.rows());
            }
        }
        if (tokenized.isEmpty() || maxBatches < 1) {
            return 0;
        }
        WindowIndex index = new WindowIndex(rows, seqLen);
        long[] order = SequentialSampler.order(index, (long) maxBatches * batchSize);
        if (order.length < batchSize) {
            return 0;
        }
        model.load(weights);
        double sum = 0;
        int finite = 0;
        for (int from = 0; from + batchSize <= order.length; from += batchSize) {
            List<Window> batch = new ArrayList<>(batchSize);
            for (int i = from; i < from + batchSize; i++) {
                batch.add(index.window(order[i]));
            }
            double loss = model.evaluate(WindowBatches.batch(tokenized, batch, seqLen)).loss();
            if (Double.isFinite(loss)) {
                sum += loss;
                finite++;
            }
        }
        return finite == 0 ? Double.NaN : sum / finite;
    }
}
