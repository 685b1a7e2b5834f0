package io.mvtrx.runtime.gentrx.server.round;

import java.time.Duration;

/**
 * The clock rules of rounds (gentrx.md §1.3 step 6, §1.6): a closing round drains once nobody is pending or
 * {@code grace} after the next push; without pushes the current round is force-closed after
 * {@code blocksPerRound × blockTime (× 1.5 when the model version rolled since delivery) + grace}.
 */
public record RoundTiming(int blocksPerRound, Duration blockTime, Duration grace) {

    public RoundTiming {
        if (blocksPerRound < 1) {
            throw new IllegalArgumentException("blocks per round must be at least 1, got " + blocksPerRound);
        }
        if (blockTime.isNegative() || blockTime.isZero() || grace.isNegative()) {
            throw new IllegalArgumentException("block time must be positive and grace at least 0");
        }
    }

    /** The reference's 25 blocks of 12 s and 30 s grace. */
    public static RoundTiming defaults() {
        return new RoundTiming(25, Duration.ofSeconds(12), Duration.ofSeconds(30));
    }

    /** How long a round may go without the next push before the fallback closes it (330 s by default). */
    public Duration heartbeatLimit(boolean versionRolled) {
        Duration round = blockTime.multipliedBy(blocksPerRound);
        if (versionRolled) {
            round = round.plus(round.dividedBy(2));
        }
        return round.plus(grace);
    }
}
