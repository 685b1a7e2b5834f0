package io.mvtrx.api.spi.trading;

import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

/**
 * A miner's strategy. Called by one thread at a time: {@link #start} once per simulation, {@link #respond} once per
 * publish interval, {@link #onNotice} for notices delivered between publishes, {@link #end} when the simulation ends,
 * {@link #onAssignment} when a validator assigns GenTRX training work.
 */
public interface TradingAgent {

    /** A simulation starts; {@code agentId} is the miner's uid. */
    void start(int agentId, SimulationInfo simulation);

    /** Answers a state update. Must return within the validator's timeout; late answers are dropped. */
    AgentResponse respond(StateUpdate state);

    /** A notice that arrived outside a state update. */
    default void onNotice(Notice notice) {
    }

    /**
     * A validator assigned GenTRX training work for a round. Agents that do not train ignore it (the default); those
     * that do must only queue it here and train on a thread of their own, because this call shares the thread that
     * answers state updates.
     */
    default void onAssignment(TrainingAssignment assignment) {
    }

    /** The simulation ended. */
    default void end() {
    }
}
