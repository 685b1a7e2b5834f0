package io.mvtrx.runtime.gentrx.data.tick;

/**
 * One event of a book's log within a tick, in log order. Prices and quantities are decimal; {@link #ts()} is
 * simulation nanoseconds (Unix seconds in exchange mode, where the ingest stamps the tick's time instead).
 */
public sealed interface TickEvent {

    /** When the event happened. */
    long ts();

    /**
     * A new order ({@code "y":"o"}); {@code remaining} is what rests after its immediate fills.
     *
     * @param side      buy or sell
     * @param orderId   the simulator's order id ({@code i})
     * @param price     limit price ({@code p})
     * @param remaining quantity left resting ({@code q})
     * @param ts        event time ({@code t})
     */
    record Order(Side side, long orderId, double price, double remaining, long ts) implements TickEvent {
    }

    /**
     * A fill ({@code "y":"t"}).
     *
     * @param takerId  the aggressing order's id ({@code Ti})
     * @param makerId  the resting order's id ({@code Mi})
     * @param price    fill price ({@code p})
     * @param quantity fill quantity ({@code q})
     * @param ts       event time ({@code t})
     * @param side     the taker's side ({@code s})
     */
    record Trade(long takerId, long makerId, double price, double quantity, long ts, Side side) implements TickEvent {
    }

    /**
     * A cancellation ({@code "y":"c"}).
     *
     * @param side     side of the cancelled order
     * @param orderId  its id ({@code i})
     * @param price    its price ({@code p})
     * @param quantity quantity cancelled ({@code q})
     * @param ts       event time ({@code t})
     */
    record Cancel(Side side, long orderId, double price, double quantity, long ts) implements TickEvent {
    }
}
