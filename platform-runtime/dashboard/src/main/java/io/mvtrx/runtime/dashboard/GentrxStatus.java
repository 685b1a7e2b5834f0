package io.mvtrx.runtime.dashboard;

/**
 * GenTRX at a glance: the open round and what the last scored one did to the shared model.
 *
 * @param round             the open round, -1 before the first
 * @param scoredRound       the last round whose scores came back, -1 before the first
 * @param modelVersion      the model version the scored round trained
 * @param assigned          miners assigned in the scored round
 * @param accepted          of them, gradients accepted into the aggregate
 * @param heldOutLossBefore held-out loss of the model before the scored round's aggregate ({@code NaN}: none)
 * @param heldOutLossAfter  held-out loss with the aggregate applied ({@code NaN}: none)
 * @param rolledBack        whether the aggregate raised the loss and was not committed
 */
public record GentrxStatus(long round, long scoredRound, long modelVersion, int assigned, int accepted,
                           double heldOutLossBefore, double heldOutLossAfter, boolean rolledBack) {
}
