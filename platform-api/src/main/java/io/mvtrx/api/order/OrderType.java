package io.mvtrx.api.order;

/** Limit or market. The reference has no stop, iceberg or pegged orders. */
public enum OrderType {
    LIMIT,
    MARKET
}
