package io.mvtrx.api.notice;

/**
 * A simulation ended; accounts will be reset for the next.
 *
 * @param timestamp    ns
 * @param simulationId id of the run
 */
public record SimulationEnded(long timestamp, String simulationId) implements Notice {
}
