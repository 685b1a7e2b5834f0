package io.mvtrx.runtime.gentrx.data.tick;

import java.util.List;
import java.util.Optional;

/**
 * One state tick as the validator pushes it to the gradient server (reference gentrx.md §3.1).
 *
 * @param step      the validator's tick counter
 * @param ts        simulation time of the tick, nanoseconds
 * @param books     the books of the tick, in packet order
 * @param simEvents simulation markers carried by the tick ({@value #SIM_START}, {@value #SIM_END})
 * @param config    scales and simulation id
 * @param simId     the {@code sim_id} field, when present
 */
public record TickPacket(long step, long ts, List<BookTick> books, List<String> simEvents, TickConfig config,
                         Optional<String> simId) {

    /** Simulation start marker. */
    public static final String SIM_START = "ESS";
    /** Simulation end marker. */
    public static final String SIM_END = "ESE";

    public TickPacket {
        books = List.copyOf(books);
        simEvents = List.copyOf(simEvents);
    }

    /** Whether the tick marks a simulation's start. */
    public boolean simStart() {
        return simEvents.contains(SIM_START);
    }

    /** Whether the tick marks a simulation's end. */
    public boolean simEnd() {
        return simEvents.contains(SIM_END);
    }

    /** The simulation this tick belongs to: {@code sim_id}, else {@code config.simulation_id}, else empty. */
    public Optional<String> simulation() {
        return simId.isPresent() ? simId : config.simulationId();
    }
}
