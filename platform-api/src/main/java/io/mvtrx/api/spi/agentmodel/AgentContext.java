package io.mvtrx.api.spi.agentmodel;

/**
 * One background agent's identity within its population.
 *
 * @param agentId       exchange account id (negative for background agents)
 * @param instanceIndex index among the instances of its population, {@code 0..instanceCount-1}
 * @param name          instance name, e.g. {@code STYLIZED_TRADER_AGENT_17}
 * @param seed          seed of the agent's own random stream (what {@link AgentEnvironment#random()} is seeded with)
 */
public record AgentContext(int agentId, int instanceIndex, String name, long seed) {

    public AgentContext {
        if (instanceIndex < 0) {
            throw new IllegalArgumentException("instanceIndex must be >= 0, got " + instanceIndex);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("agent name is required");
        }
    }
}
