package io.mvtrx.testkit.book;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;

/**
 * One step of a generated book script, as {@link BookScript} applies it. Scripts carry no order ids: the script
 * numbers orders by the position of the step that created them, and a {@link Reduce} names a step.
 */
public sealed interface BookOp {

    /** A GTC limit order: match within {@code price}, rest what is left (unless STP ended it). */
    record Place(int agentId, Side side, long price, long quantity, StpMode stp) implements BookOp {
    }

    /** An IOC (or market, {@code limitPrice} = NO_PRICE) order: match, discard what is left. */
    record Take(int agentId, Side side, long limitPrice, long quantity, StpMode stp) implements BookOp {
    }

    /** A (partial) cancel of the order created by step {@code step}; may name a gone or never-rested order. */
    record Reduce(int step, long quantity) implements BookOp {
    }
}
