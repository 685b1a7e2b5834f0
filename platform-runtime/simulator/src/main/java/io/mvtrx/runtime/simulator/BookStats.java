package io.mvtrx.runtime.simulator;

/**
 * Cheap statistics of one book over a run, gathered while it runs: from the L3 stream (trades, volume, events) and
 * from the book at every step end (mid and spread, averaged over the steps where both sides had orders).
 *
 * @param bookId       canonical book id
 * @param trades       trades
 * @param volume       traded (leveraged) volume at the volume decimals
 * @param events       L3 events (orders placed, trades, cancellations)
 * @param lastPrice    last trade price at the price decimals (the initial price before any trade)
 * @param meanMid      mean mid price at step ends, in price ticks; 0 if never two-sided
 * @param meanSpread   mean spread at step ends, in price ticks; 0 if never two-sided
 * @param bestBid      best bid now, ticks (0 = none)
 * @param bestAsk      best ask now, ticks (0 = none)
 * @param restingOrders orders resting now
 */
public record BookStats(int bookId, long trades, long volume, long events, long lastPrice, double meanMid,
                        double meanSpread, long bestBid, long bestAsk, int restingOrders) {
}
