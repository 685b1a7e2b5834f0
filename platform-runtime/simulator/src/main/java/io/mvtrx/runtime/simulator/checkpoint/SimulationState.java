package io.mvtrx.runtime.simulator.checkpoint;

import java.util.List;

import io.mvtrx.runtime.simulator.log.EventLogWriter;

/**
 * A simulation's whole state between two steps, in memory: what {@code Simulation.capture()} returns and
 * {@code Simulation.resume} continues from. {@link CheckpointStore} writes it to disk.
 *
 * @param step       steps completed
 * @param time       simulation time at that barrier, ns
 * @param eventLog   where the event log stood (its bytes were flushed to the stream)
 * @param simulation the simulation's own state: the run's shape, the step count, notices for remote agents
 * @param blocks     each block's state, in block order
 */
public record SimulationState(long step, long time, EventLogWriter.Position eventLog, byte[] simulation,
                              List<byte[]> blocks) {

    /**
     * The layout version of {@link #simulation} and {@link #blocks} (the version their readers are given). Bump it
     * when the simulator's own layout changes; plugins version their sections themselves.
     */
    public static final int FORMAT = 2;

    public SimulationState {
        blocks = List.copyOf(blocks);
    }

    /** Bytes held, all blocks together. */
    public long size() {
        long total = simulation.length;
        for (byte[] block : blocks) {
            total += block.length;
        }
        return total;
    }
}
