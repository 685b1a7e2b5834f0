package io.mvtrx.runtime.gentrx.server.round;

import io.mvtrx.runtime.gentrx.server.scoring.ScoreCard;

import java.util.Objects;
import java.util.Optional;

/**
 * One miner's assignment with its state and, once scored, its score card. Immutable: transitions return a new slot.
 */
public record MinerSlot(Assignment assignment, AssignmentState state, Optional<ScoreCard> score) {

    public MinerSlot {
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(score, "score");
        if ((state == AssignmentState.SCORED) != score.isPresent()) {
            throw new IllegalArgumentException("a score card belongs to SCORED slots only, state " + state);
        }
    }

    static MinerSlot delivered(Assignment assignment) {
        return new MinerSlot(assignment, AssignmentState.DELIVERED, Optional.empty());
    }

    /** True while the round still waits on this miner. */
    public boolean open() {
        return state != AssignmentState.SCORED;
    }
}
