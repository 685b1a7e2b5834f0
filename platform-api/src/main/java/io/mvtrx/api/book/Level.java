package io.mvtrx.api.book;

import java.util.List;

import io.mvtrx.api.collect.DeferredList;

/**
 * A price level.
 *
 * @param price  at the price decimals
 * @param volume total resting (leveraged) volume at the volume decimals
 * @param orders the level's orders in queue order for detailed levels; empty for broad levels
 */
public record Level(long price, long volume, List<RestingOrder> orders) {

    public Level {
        // a DeferredList is immutable already: kept as it is, unbuilt until read
        orders = orders instanceof DeferredList<RestingOrder> deferred ? deferred : List.copyOf(orders);
    }

    /** A broad level: price and volume only. */
    public static Level broad(long price, long volume) {
        return new Level(price, volume, List.of());
    }
}
