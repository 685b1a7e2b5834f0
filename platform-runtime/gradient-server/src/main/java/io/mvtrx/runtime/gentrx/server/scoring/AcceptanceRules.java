package io.mvtrx.runtime.gentrx.server.scoring;

/**
 * The acceptance numbers (gentrx.md §6.1, §6.2; reference defaults in {@link #defaults()}).
 *
 * @param minScore       a score must exceed this outside warm-up (−0.1)
 * @param overfitRatio   {@code scoreOwn > scoreHeld × ratio} flags overfitting (3.0, diagnostic)
 * @param rejectUntagged an untagged gradient (model version 0) counts as version-mismatched (true)
 * @param maxGradNorm    gradients with a larger L2 norm are refused ({@code +∞} = off)
 * @param warmupRounds   rounds after a fresh start in which any score is accepted and rollback is off (5)
 */
public record AcceptanceRules(double minScore, double overfitRatio, boolean rejectUntagged, double maxGradNorm,
                              int warmupRounds) {

    public AcceptanceRules {
        if (Double.isNaN(minScore) || !(overfitRatio > 0) || !(maxGradNorm > 0) || warmupRounds < 0) {
            throw new IllegalArgumentException("acceptance rules out of range: min score " + minScore
                    + ", overfit ratio " + overfitRatio + ", max grad norm " + maxGradNorm + ", warm-up rounds "
                    + warmupRounds);
        }
    }

    public static AcceptanceRules defaults() {
        return new AcceptanceRules(-0.1, 3.0, true, Double.POSITIVE_INFINITY, 5);
    }

    /** Trained from another version than assigned, or untagged when untagged is refused. */
    public boolean versionMismatched(long trained, long assigned) {
        if (trained == 0) {
            return rejectUntagged;
        }
        return assigned != 0 && trained != assigned;
    }

    /** {@code accepted ⇔ score > min_eff ∧ (warm-up ∨ ¬mismatched) ∧ (warm-up ∨ ¬noHeld)}; min_eff is −∞ in warm-up. */
    public boolean accepts(double score, boolean mismatched, boolean noHeld, boolean warmup) {
        if (!Double.isFinite(score)) {
            return false;
        }
        if (warmup) {
            return true;
        }
        return score > minScore && !mismatched && !noHeld;
    }

    /** The overfitting flag; only meaningful with held-out pages. */
    public boolean overfitting(double scoreOwn, double scoreHeld) {
        return scoreOwn > scoreHeld * overfitRatio;
    }
}
