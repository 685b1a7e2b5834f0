package io.mvtrx.api.book;

import java.util.List;

/**
 * A price level.
 *
 * @param price  at the price decimals
 * @param volume total resting (leveraged) volume at the volume decimals
 * @param orders the level's orders in queue order for detailed levels; empty for broad levels
 */
public record Level(long price, long volume, List<RestingOrder> orders) {

    public Level {
        orders = List.copyOf(orders);
    }

    /** A broad level: price and volume only. */
    public static Level broad(long price, long volume) {
        return new Level(price, volume, List.of());
    }
}
