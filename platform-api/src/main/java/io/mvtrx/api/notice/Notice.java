package io.mvtrx.api.notice;

/**
 * A message to one agent about its own activity or the simulation's life cycle. The set is closed; switch over it
 * without a default.
 */
public sealed interface Notice
        permits SimulationStarted, SimulationEnded, OrderAccepted, OrderRejected, CancelReport, TradeNotice,
                PositionCloseReport, AgentReset {

    /** Simulation time, ns. */
    long timestamp();
}
