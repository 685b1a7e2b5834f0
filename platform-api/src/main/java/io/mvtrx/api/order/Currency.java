package io.mvtrx.api.order;

/** The currency an order's size is given in: BASE (a quantity) or QUOTE (a notional). Wire codes 0 and 1. */
public enum Currency {
    BASE,
    QUOTE
}
