package io.mvtrx.api.spi.matching;

/** Visits price levels best first; return false to stop. */
@FunctionalInterface
public interface LevelVisitor {

    /**
     * @param price    level price
     * @param quantity total resting quantity of the level
     * @param orders   number of orders in the level
     * @return whether to continue
     */
    boolean visit(long price, long quantity, int orders);
}
