package io.mvtrx.runtime.gentrx.miner.training;

import java.time.Duration;
import java.util.Objects;

/**
 * The miner's training settings ({@code gtx_*}, gentrx.md §7.2).
 *
 * @param minerUid      the miner's uid; gradients go to {@code gradients/<uid>/}
 * @param aggregatorUid whose checkpoints and deltas to follow ({@code gtx_aggregator_uid}, 0)
 * @param roundBudget   wall-clock training budget ({@code gtx_round_budget_s}, 240 s)
 * @param stepCap       optional step cap, 0 for none ({@code gtx_train_steps})
 * @param seqLen        window length in rows ({@code gtx_train_seq_len}, 512)
 * @param topKFraction  fraction of each tensor kept when the assignment gives no advice ({@code gtx_top_k_frac}, 0.10)
 * @param keepGradients gradients kept in the bucket, 0 disables pruning ({@code gtx_keep_gradients}, 50)
 */
public record TrainingConfig(int minerUid, int aggregatorUid, Duration roundBudget, int stepCap, int seqLen,
                             double topKFraction, int keepGradients) {

    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(240);
    public static final int DEFAULT_SEQ_LEN = 512;
    public static final double DEFAULT_TOP_K_FRACTION = 0.10;
    public static final int DEFAULT_KEEP_GRADIENTS = 50;

    public TrainingConfig {
        if (minerUid < 0 || aggregatorUid < 0) {
            throw new IllegalArgumentException("uids must be at least 0, got miner " + minerUid + " and aggregator "
                    + aggregatorUid);
        }
        Objects.requireNonNull(roundBudget, "roundBudget");
        if (roundBudget.isNegative() || roundBudget.isZero()) {
            throw new IllegalArgumentException("round budget must be positive, got " + roundBudget);
        }
        if (stepCap < 0) {
            throw new IllegalArgumentException("step cap must be at least 0, got " + stepCap);
        }
        if (seqLen < 1) {
            throw new IllegalArgumentException("seq_len must be at least 1, got " + seqLen);
        }
        if (!(topKFraction > 0 && topKFraction <= 1)) {
            throw new IllegalArgumentException("top-k fraction must be in (0, 1], got " + topKFraction);
        }
        if (keepGradients < 0) {
            throw new IllegalArgumentException("keep gradients must be at least 0, got " + keepGradients);
        }
    }

    /** The reference defaults for a miner uid. */
    public static TrainingConfig defaults(int minerUid) {
        return new TrainingConfig(minerUid, 0, DEFAULT_BUDGET, 0, DEFAULT_SEQ_LEN, DEFAULT_TOP_K_FRACTION,
                DEFAULT_KEEP_GRADIENTS);
    }
}
