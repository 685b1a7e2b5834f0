package io.mvtrx.runtime.gentrx.server.model;

import io.mvtrx.runtime.gentrx.delta.ParameterLayout;
import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.checkpoint.Checkpoint;

import java.util.Objects;

/**
 * The canonical model: the weights every score of a round is measured against and every commit advances (the
 * reference reloads its scoring model from a file aggregation never writes, §11.2; here scoring follows the
 * published versions). Mutated only by the server's worker thread.
 */
public final class ModelHead {

    /** Written by the worker thread, read by HTTP threads (version). */
    private volatile Checkpoint checkpoint;
    private final ParameterLayout layout;

    public ModelHead(Checkpoint checkpoint) {
        this.checkpoint = Objects.requireNonNull(checkpoint, "checkpoint");
        this.layout = ParameterLayout.of(checkpoint.tensors());
    }

    public long version() {
        return checkpoint.modelVersion();
    }

    public TensorSet weights() {
        return checkpoint.tensors();
    }

    public ParameterLayout layout() {
        return layout;
    }

    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /** Installs committed weights as the next version. */
    public Checkpoint advance(TensorSet weights) {
        checkpoint = new Checkpoint(checkpoint.modelVersion() + 1, checkpoint.trainRegimeVersion(),
                checkpoint.modelConfig(), checkpoint.tokenizerConfig(), checkpoint.metadata(), weights);
        return checkpoint;
    }
}
