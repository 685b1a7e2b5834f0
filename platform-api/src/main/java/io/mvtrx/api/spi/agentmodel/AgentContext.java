package io.mvtrx.api.spi.agentmodel;

import io.mvtrx.api.number.BookDecimals;

/**
 * One background agent's identity.
 *
 * @param agentId       exchange account id (negative for background agents)
 * @param instanceIndex index among the instances of its model, 0..instanceCount-1
 * @param name          instance name, e.g. {@code STYLIZED_TRADER_AGENT_17}
 * @param bookCount     books the agent trades (ids 0..bookCount-1)
 * @param decimals      the exchange's decimals
 * @param seed          seed of the agent's own random stream
 */
public record AgentContext(int agentId, int instanceIndex, String name, int bookCount, BookDecimals decimals,
                           long seed) {
}
