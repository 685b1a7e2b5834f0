package io.mvtrx.runtime.gentrx.model;

/**
 * Optimiser and loss settings of a training window (gentrx.md §4.3–4.4).
 *
 * @param learningRate AdamW step size
 * @param weightDecay  decoupled weight decay, applied to every parameter like PyTorch's AdamW over
 *                     {@code model.parameters()}
 * @param beta1        first-moment decay
 * @param beta2        second-moment decay
 * @param epsilon      denominator guard
 * @param clipNorm     global gradient-norm limit
 * @param labelSigma   width of the ordinal soft targets ({@code label_smooth_sigma}); 0 gives plain cross-entropy
 */
public record TrainingSettings(float learningRate, float weightDecay, float beta1, float beta2, float epsilon,
                               float clipNorm, float labelSigma) {

    public TrainingSettings {
        if (!(learningRate > 0) || !(weightDecay >= 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)
                || !(epsilon > 0) || !(clipNorm > 0) || !(labelSigma >= 0)) {
            throw new IllegalArgumentException("training settings out of range: lr " + learningRate + ", wd "
                    + weightDecay + ", betas " + beta1 + "/" + beta2 + ", eps " + epsilon + ", clip " + clipNorm
                    + ", sigma " + labelSigma);
        }
    }

    /** The miner window's live values: AdamW lr 1e-4, wd 0.01, betas 0.9/0.999, eps 1e-8, clip 1.0, σ 1.0. */
    public static TrainingSettings reference() {
        return new TrainingSettings(1e-4f, 0.01f, 0.9f, 0.999f, 1e-8f, 1.0f, 1.0f);
    }

    public TrainingSettings withLearningRate(float rate) {
        return new TrainingSettings(rate, weightDecay, beta1, beta2, epsilon, clipNorm, labelSigma);
    }
}
