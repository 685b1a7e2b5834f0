package io.mvtrx.api.spi.agentmodel;

import java.util.random.RandomGenerator;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.spi.process.PriceProcess;

/**
 * What a background agent may see and do. Provided by the simulator, valid only during the callback it is passed to.
 */
public interface AgentEnvironment {

    /** Current simulation time, ns. */
    long now();

    /** The agent's own random stream (seeded from its context; never shared). */
    RandomGenerator random();

    /** A book. */
    MarketView market(int bookId);

    /** The agent's account on a book. */
    AccountView account(int bookId);

    /** A named process of a book as configured under {@code <Processes>} (e.g. {@code fundamental}). */
    PriceProcess process(int bookId, String name);

    /** Sends an instruction that reaches the exchange after {@code latency} ns (plus the instruction's own delay). */
    void submit(Instruction instruction, long latency);

    /** Schedules {@link BackgroundAgent#onWake} for {@code bookId} at absolute time {@code timestamp}. */
    void wakeAt(int bookId, long timestamp);
}
