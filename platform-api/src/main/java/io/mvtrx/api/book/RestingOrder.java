package io.mvtrx.api.book;

/**
 * One order inside a detailed level, in queue order.
 *
 * @param orderId   exchange order id
 * @param agentId   owner
 * @param volume    remaining traded (leveraged) volume at the volume decimals
 * @param timestamp arrival time, ns
 */
public record RestingOrder(long orderId, int agentId, long volume, long timestamp) {
}
