/**
 * Helpers for writing a {@link io.mvtrx.api.spi.trading.TradingAgent}, JDK only: unit conversions with explicit
 * rounding ({@link io.mvtrx.api.spi.trading.support.Units}), instruction builders
 * ({@link io.mvtrx.api.spi.trading.support.Instructions}), read-only views of books and accounts
 * ({@link io.mvtrx.api.spi.trading.support.BookView}, {@link io.mvtrx.api.spi.trading.support.Holdings},
 * {@link io.mvtrx.api.spi.trading.support.StateView}), a bounded event history kept across steps
 * ({@link io.mvtrx.api.spi.trading.support.EventHistory}), seeded random streams
 * ({@link io.mvtrx.api.spi.trading.support.Seeds}) and a base class that ties them together
 * ({@link io.mvtrx.api.spi.trading.support.TradingAgentBase}).
 */
package io.mvtrx.api.spi.trading.support;
