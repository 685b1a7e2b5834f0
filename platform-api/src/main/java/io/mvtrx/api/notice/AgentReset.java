package io.mvtrx.api.notice;

/**
 * An account was reset to fresh starting balances.
 *
 * @param timestamp ns
 * @param agentId   account
 */
public record AgentReset(long timestamp, int agentId) implements Notice {
}
