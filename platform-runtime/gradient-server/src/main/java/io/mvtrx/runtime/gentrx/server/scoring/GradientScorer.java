package io.mvtrx.runtime.gentrx.server.scoring;

import io.mvtrx.runtime.gentrx.delta.TensorSet;
import io.mvtrx.runtime.gentrx.delta.gradient.Gradient;
import io.mvtrx.runtime.gentrx.delta.gradient.SparseDelta;
import io.mvtrx.runtime.gentrx.server.model.Weights;
import io.mvtrx.runtime.gentrx.server.round.Assignment;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Scores one gradient against the scoring model (gentrx.md §6.1): {@code scoreOwn} on the miner's pages,
 * {@code scoreHeld} on the round's held-out pages, each the loss before minus the loss after adding the delta.
 */
public final class GradientScorer {

    /** Stand-in loss after a delta that makes a weight non-finite, or when no batch stays finite. */
    public static final double BROKEN_LOSS = 10_000;

    private final Evaluator evaluator;
    private final AcceptanceRules rules;
    private final int heldBatches;
    private final int ownBatches;

    /** @param maxValBatches held-out batches (10); the own-page check reads {@code max(4, maxValBatches / 4)} */
    public GradientScorer(Evaluator evaluator, AcceptanceRules rules, int maxValBatches) {
        if (maxValBatches < 1) {
            throw new IllegalArgumentException("max validation batches must be at least 1, got " + maxValBatches);
        }
        this.evaluator = evaluator;
        this.rules = rules;
        this.heldBatches = maxValBatches;
        this.ownBatches = Math.max(4, maxValBatches / 4);
    }

    public AcceptanceRules rules() {
        return rules;
    }

    /** The held-out baseline of {@code base}. */
    public HeldOut heldOut(TensorSet base, List<String> pageKeys) throws IOException {
        return new HeldOut(pageKeys, pageKeys.isEmpty() ? 0 : evaluator.loss(base, pageKeys, heldBatches));
    }

    /** The loss of {@code weights} on held-out pages, {@link #BROKEN_LOSS} when not finite. */
    public double heldLoss(TensorSet weights, List<String> pageKeys) throws IOException {
        if (!Weights.allFinite(weights)) {
            return BROKEN_LOSS;
        }
        double loss = evaluator.loss(weights, pageKeys, heldBatches);
        return Double.isFinite(loss) ? loss : BROKEN_LOSS;
    }

    public ScoreCard score(Assignment assignment, Gradient gradient, TensorSet base, HeldOut held, boolean warmup)
            throws IOException {
        int uid = assignment.minerUid();
        SparseDelta delta = gradient.delta();
        double norm = Weights.norm(delta);
        if (!(norm <= rules.maxGradNorm())) {
            return ScoreCard.zero(uid, assignment.books(), "gradient norm " + norm + " exceeds " + rules.maxGradNorm());
        }
        boolean mismatched = rules.versionMismatched(gradient.metadata().modelVersionTrained(),
                assignment.modelVersion());
        TensorSet after = Weights.plus(base, delta);
        boolean broken = !Weights.allFinite(after);
        double ownBefore = evaluator.loss(base, assignment.dataKeys(), ownBatches);
        double scoreOwn = improvement(ownBefore, broken ? Double.NaN
                : evaluator.loss(after, assignment.dataKeys(), ownBatches));
        double scoreHeld = held.empty() ? 0 : improvement(held.baseline(), broken ? Double.NaN
                : evaluator.loss(after, held.pageKeys(), heldBatches));
        boolean noHeld = held.empty();
        double score = noHeld ? scoreOwn : scoreHeld;
        boolean overfitting = !noHeld && rules.overfitting(scoreOwn, scoreHeld);
        boolean accepted = rules.accepts(score, mismatched, noHeld, warmup);
        return new ScoreCard(uid, score, scoreOwn, scoreHeld, overfitting, mismatched, noHeld, accepted, false, norm,
                assignment.books(), Optional.empty());
    }

    /** {@code before − after}; a non-finite after counts as {@link #BROKEN_LOSS}. */
    static double improvement(double before, double after) {
        double base = Double.isFinite(before) ? before : 0;
        return base - (Double.isFinite(after) ? after : BROKEN_LOSS);
    }
}
