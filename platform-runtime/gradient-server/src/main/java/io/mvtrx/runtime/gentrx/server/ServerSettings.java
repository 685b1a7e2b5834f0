package io.mvtrx.runtime.gentrx.server;

import io.mvtrx.runtime.gentrx.server.model.PublishPolicy;
import io.mvtrx.runtime.gentrx.server.round.RoundTiming;
import io.mvtrx.runtime.gentrx.server.scoring.AcceptanceRules;

import java.util.Objects;

/**
 * The gradient server's tunables (reference defaults, gentrx.md §2.2, in {@link #defaults(int)}).
 *
 * @param validatorUid     this validator's uid: the folders it publishes under
 * @param aggregator       publishes model versions (uid 0 in the reference); others publish proposals only
 * @param timing           round cadence, grace and heartbeat-loss limit
 * @param rules            acceptance numbers
 * @param maxValBatches    held-out batches per evaluation (10)
 * @param maxGradientBytes gradients above this many bytes are refused unread (20 MiB)
 * @param aggTopKFraction  fraction kept when re-compressing the aggregate (1.0)
 * @param rollback         roll back an aggregate that raises the held-out loss (outside warm-up)
 * @param publish          checkpoint interval and keep counts
 */
public record ServerSettings(int validatorUid, boolean aggregator, RoundTiming timing, AcceptanceRules rules,
                             int maxValBatches, long maxGradientBytes, double aggTopKFraction, boolean rollback,
                             PublishPolicy publish) {

    /** Most recent pages per held-out book used when no page overlaps the round's windows. */
    public static final int FALLBACK_HELD_PAGES = 8;
    /** Scores payloads kept for {@code GET /scores}. */
    public static final int STASHED_ROUNDS = 16;

    public ServerSettings {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(publish, "publish");
        if (validatorUid < 0 || maxValBatches < 1 || maxGradientBytes < 1) {
            throw new IllegalArgumentException("validator uid must be at least 0, validation batches and gradient "
                    + "byte cap at least 1: " + validatorUid + ", " + maxValBatches + ", " + maxGradientBytes);
        }
    }

    public static ServerSettings defaults(int validatorUid) {
        return new ServerSettings(validatorUid, validatorUid == 0, RoundTiming.defaults(), AcceptanceRules.defaults(),
                10, 20L << 20, 1.0, true, PublishPolicy.defaults());
    }
}
