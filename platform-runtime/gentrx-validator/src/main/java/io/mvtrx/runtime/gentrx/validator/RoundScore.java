package io.mvtrx.runtime.gentrx.validator;

/**
 * One miner's result for a GenTRX round, as the gradient server's {@code /scores} reports it (gentrx.md §6.8).
 *
 * @param uid      miner uid
 * @param score    held-out loss improvement (the reward basis)
 * @param accepted whether the gradient entered aggregation; only accepted gradients are paid
 */
public record RoundScore(int uid, double score, boolean accepted) {
}
