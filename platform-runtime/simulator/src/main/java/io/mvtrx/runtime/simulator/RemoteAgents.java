package io.mvtrx.runtime.simulator;

import java.util.Map;

import io.mvtrx.api.state.AgentResponse;

/**
 * The remote (miner) agents as the simulation sees them: at every publish it hands them the state and takes their
 * answers. A validator implements it over the network; tests implement it in memory.
 *
 * <p>Called on the simulation's thread at the step barrier, with every block stopped: the simulated clock stands
 * still until it returns.
 */
@FunctionalInterface
public interface RemoteAgents {

    /**
     * Delivers a publication and returns the answers received, keyed by the account id each answer came from.
     * Answers are checked by {@link Simulation#respond}: an answer whose {@code agentId} differs from its key, or
     * whose key is not a remote account, is refused; an instruction for a book that does not exist is rejected with
     * a notice to the agent; the other instructions are queued to reach the exchange {@code delay} ns after the
     * publish.
     */
    Map<Integer, AgentResponse> onPublish(Publication publication);
}
