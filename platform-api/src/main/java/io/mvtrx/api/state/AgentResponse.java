package io.mvtrx.api.state;

import java.util.List;

import io.mvtrx.api.instruction.Instruction;

/**
 * An agent's answer to a state update.
 *
 * @param agentId      the answering agent
 * @param instructions what it wants done, in order
 */
public record AgentResponse(int agentId, List<Instruction> instructions) {

    public AgentResponse {
        instructions = List.copyOf(instructions);
    }

    /** An answer that does nothing. */
    public static AgentResponse empty(int agentId) {
        return new AgentResponse(agentId, List.of());
    }
}
