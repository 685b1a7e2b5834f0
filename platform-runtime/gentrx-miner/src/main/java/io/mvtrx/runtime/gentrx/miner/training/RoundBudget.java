package io.mvtrx.runtime.gentrx.miner.training;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** The wall-clock training budget of one round (gentrx.md §4.4: checked before each optimiser step). */
public final class RoundBudget {

    private final InstantSource clock;
    private final Instant deadline;

    private RoundBudget(InstantSource clock, Instant deadline) {
        this.clock = clock;
        this.deadline = deadline;
    }

    /** A budget that starts now. */
    public static RoundBudget starting(InstantSource clock, Duration budget) {
        return new RoundBudget(clock, clock.instant().plus(budget));
    }

    /** Whether the budget is spent: no further step may start. */
    public boolean exhausted() {
        return !clock.instant().isBefore(deadline);
    }

    /** When the budget ends. */
    public Instant deadline() {
        return deadline;
    }
}
