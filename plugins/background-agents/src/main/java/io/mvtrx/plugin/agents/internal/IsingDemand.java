package io.mvtrx.plugin.agents.internal;

/**
 * The noise trader's demand (0.5.4 §7.3): {@code x(q) = (ln(p̂/q) + v) / (v·q)}, a risk-neutral-like position with a
 * forecast {@code p̂} and a variance {@code v} (the process's {@code sigmaExp}); no risk aversion, no wealth term.
 */
public final class IsingDemand extends Demand {

    private double forecast;
    private double variance;

    /** Sets the forecast, the variance and the holdings; returns this. */
    public IsingDemand set(double forecastPrice, double forecastVariance, double base, double quote) {
        this.forecast = forecastPrice;
        this.variance = forecastVariance;
        holdings(base, quote);
        return this;
    }

    @Override
    public double position(double price) {
        return (Math.log(forecast / price) + variance) / (variance * price);
    }
}
