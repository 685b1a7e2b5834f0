package io.mvtrx.api.spi.agentmodel;

import io.mvtrx.api.notice.Notice;

/**
 * A simulated trader. The simulator calls it on the thread of the block whose book it acts on; it never sees
 * another block mid-step. It reads shared book state and its own account when it wakes, and acts through the
 * environment; it receives no per-trade fan-out beyond its own notices.
 */
public interface BackgroundAgent {

    /** The simulation starts: schedule first wake-ups. */
    void onStart(AgentEnvironment environment);

    /** A wake-up scheduled for {@code bookId} fired. */
    void onWake(int bookId, AgentEnvironment environment);

    /** An outcome of one of this agent's own instructions (acceptance, rejection, fill, cancel). */
    default void onNotice(Notice notice, AgentEnvironment environment) {
    }
}
