package io.mvtrx.runtime.gentrx.server.model;

/**
 * Commit or roll back an applied aggregate (gentrx.md §6.5): roll back when the new loss is not finite, or when
 * rollback is on (off in warm-up) and the new loss is above the baseline. Equal losses commit.
 */
public final class CommitRule {

    private CommitRule() {
    }

    public static boolean commits(double baseline, double newLoss, boolean rollbackEnabled) {
        if (!Double.isFinite(newLoss)) {
            return false;
        }
        return !rollbackEnabled || !(newLoss > baseline);
    }
}
