package io.mvtrx.api.instruction;

import java.util.List;

/**
 * Resets remote accounts to fresh starting balances, cancelling their orders. Sent by validators only, when a
 * uid changes hands.
 *
 * @param agentIds accounts to reset
 * @param delay    extra delay, ns
 */
public record ResetAgents(List<Integer> agentIds, long delay) implements Instruction {

    public ResetAgents {
        agentIds = List.copyOf(agentIds);
        InstructionChecks.requireDelay(delay);
    }
}
