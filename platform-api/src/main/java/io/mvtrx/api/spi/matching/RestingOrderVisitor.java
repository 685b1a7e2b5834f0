package io.mvtrx.api.spi.matching;

/** Visits resting orders in matching priority; return false to stop the walk. */
@FunctionalInterface
public interface RestingOrderVisitor {

    /**
     * @param orderId  resting order
     * @param agentId  its owner
     * @param price    its price
     * @param quantity its remaining quantity
     * @return whether to continue
     */
    boolean visit(long orderId, int agentId, long price, long quantity);
}
