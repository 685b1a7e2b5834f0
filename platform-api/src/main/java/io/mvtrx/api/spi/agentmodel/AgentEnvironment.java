package io.mvtrx.api.spi.agentmodel;

import java.util.random.RandomGenerator;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.spi.process.PriceProcess;

/**
 * What a background agent may see and do. Provided by the simulator, valid only during the callback it is passed to.
 * Reads are of the state at {@link #now()}; effects are scheduled events, never immediate.
 */
public interface AgentEnvironment {

    /** Current simulation time, ns. */
    long now();

    /** The agent's own random stream (seeded from {@link AgentContext#seed()}; never shared). */
    RandomGenerator random();

    /** A book of the agent's block. */
    MarketView market(int bookId);

    /** The agent's account on a book. */
    AccountView account(int bookId);

    /**
     * A named process of a book as configured under {@code <Processes>} by its {@code name} attribute (e.g.
     * {@code fundamental}), already advanced to {@link #now()}.
     *
     * @throws IllegalArgumentException if the book has no process with that name
     */
    PriceProcess process(int bookId, String name);

    /**
     * Sends an instruction that reaches the exchange {@code latency} ns from now (plus the instruction's own delay).
     *
     * @param latency {@code >= 0}
     */
    void submit(Instruction instruction, long latency);

    /**
     * Schedules {@link BackgroundAgent#onWake} of this agent.
     *
     * @param bookId    the book passed back
     * @param timestamp absolute time, {@code > now()}
     * @param kind      agent-defined, passed back
     */
    void wakeAt(int bookId, long timestamp, int kind);

    /** Schedules a wake-up of kind 0. */
    default void wakeAt(int bookId, long timestamp) {
        wakeAt(bookId, timestamp, 0);
    }

    /**
     * Schedules {@link BackgroundAgent#onWake} of another instance (or this one) of the same population: the
     * reference's turn passing, where the acting instance hands the next decision on a book to a random peer.
     *
     * @param instanceIndex the peer, {@code 0..instanceCount-1}
     * @param bookId        the book passed back
     * @param timestamp     absolute time, {@code > now()}
     * @param kind          agent-defined, passed back
     */
    void wakeInstance(int instanceIndex, int bookId, long timestamp, int kind);
}
