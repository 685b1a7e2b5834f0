/** Scoring: FIFO realized P&L per miner and book, Kappa and PnL scores, trading score shaping, latency delays. */
package io.mvtrx.runtime.validator.scoring;
