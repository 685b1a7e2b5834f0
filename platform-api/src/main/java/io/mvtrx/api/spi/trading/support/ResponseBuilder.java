package io.mvtrx.api.spi.trading.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.state.AgentResponse;

/**
 * Collects one step's instructions, in the order the exchange should see them, into an {@link AgentResponse}.
 * Not thread-safe; one per step.
 */
public final class ResponseBuilder {

    private final int agentId;
    private final List<Instruction> instructions = new ArrayList<>();

    /** A response for {@code agentId} (the miner's uid). */
    public ResponseBuilder(int agentId) {
        this.agentId = agentId;
    }

    /** Appends an instruction. */
    public ResponseBuilder add(Instruction instruction) {
        if (instruction == null) {
            throw new IllegalArgumentException("instruction is null");
        }
        instructions.add(instruction);
        return this;
    }

    /** The agent the response is for. */
    public int agentId() {
        return agentId;
    }

    /** The instructions so far, in order (read-only). */
    public List<Instruction> instructions() {
        return Collections.unmodifiableList(instructions);
    }

    /** The response. */
    public AgentResponse build() {
        return new AgentResponse(agentId, instructions);
    }
}
