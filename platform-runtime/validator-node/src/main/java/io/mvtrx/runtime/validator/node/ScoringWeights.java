package io.mvtrx.runtime.validator.node;

/**
 * Parameters of the scoring pipeline, defaults as the reference validator's (protocol.md §11.1).
 *
 * @param kappaWeight         weight of the Kappa score in the trading score (0.79)
 * @param pnlWeight           weight of the PnL score (0.21); the two must sum to 1
 * @param normalizationMin    Kappa mapped to 0 (-2.5)
 * @param normalizationMax    Kappa mapped to 1 (2.5)
 * @param maxInactiveBooks    share of books allowed without a score before the rest count as 0 (0.375)
 * @param floorPercentile     soft-floor threshold percentile among positive scores (50)
 * @param floorSoftness       soft-floor taper width as a share of the threshold (0.5)
 * @param emaAlpha            moving-average weight of each new reward (2/241)
 */
record ScoringWeights(
        double kappaWeight,
        double pnlWeight,
        double normalizationMin,
        double normalizationMax,
        double maxInactiveBooks,
        double floorPercentile,
        double floorSoftness,
        double emaAlpha) {

    /** The reference validator's defaults. */
    public static final ScoringWeights REFERENCE =
            new ScoringWeights(0.79, 0.21, -2.5, 2.5, 0.375, 50, 0.5, 0.008298755);

    public ScoringWeights {
        if (Math.abs(kappaWeight + pnlWeight - 1) > 1e-6) {
            throw new IllegalArgumentException(
                    "kappaWeight + pnlWeight must be 1 (±1e-6), got " + kappaWeight + " + " + pnlWeight);
        }
        if (!(normalizationMax > normalizationMin)) {
            throw new IllegalArgumentException("normalizationMax must exceed normalizationMin, got "
                    + normalizationMin + " .. " + normalizationMax);
        }
        if (maxInactiveBooks < 0 || maxInactiveBooks > 1) {
            throw new IllegalArgumentException("maxInactiveBooks must be within [0, 1], got " + maxInactiveBooks);
        }
        if (emaAlpha <= 0 || emaAlpha > 1) {
            throw new IllegalArgumentException("emaAlpha must be within (0, 1], got " + emaAlpha);
        }
    }
}
