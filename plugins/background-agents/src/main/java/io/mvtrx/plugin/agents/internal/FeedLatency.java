package io.mvtrx.plugin.agents.internal;

import java.util.random.RandomGenerator;

/**
 * A folded, capped normal delay: {@code min(|N(mean, std)|, mean + 3·std)}, truncated to whole ns. The reference uses
 * it for the market-feed latency (MFLmean/MFLstd) and for decision delays (delayMean/delaySTD,
 * updateInterval/updateSTD).
 *
 * @param mean ns
 * @param std  ns
 */
public record FeedLatency(double mean, double std) {

    public FeedLatency {
        if (!(mean >= 0) || !(std >= 0)) {
            throw new IllegalArgumentException(String.format(
                    "delay mean and std must be >= 0, got mean %s, std %s", mean, std));
        }
    }

    /** The cap, {@code mean + 3·std}. */
    public double cap() {
        return mean + 3 * std;
    }

    /** Draws a delay, ns. */
    public long sample(RandomGenerator random) {
        return (long) Math.min(Math.abs(Draws.normal(random, mean, std)), cap());
    }
}
