package io.mvtrx.api.notice;

/**
 * A simulation began.
 *
 * @param timestamp    ns
 * @param simulationId id of the run
 */
public record SimulationStarted(long timestamp, String simulationId) implements Notice {
}
