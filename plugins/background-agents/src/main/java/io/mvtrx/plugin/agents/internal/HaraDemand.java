package io.mvtrx.plugin.agents.internal;

/**
 * The stylized trader's demand (0.5.4 §7.2): {@code x(q) = ln(p̂/q) / (σ²·q) · ((base·q + quote)/a + HARA)}, a
 * CARA/HARA investor with forecast {@code p̂}, return variance {@code σ²}, risk aversion {@code a} and a constant
 * absolute-risk-tolerance term {@code HARA} (0 gives the 0.1.9 wealth-proportional CRRA-like form).
 */
public final class HaraDemand extends Demand {

    private double forecast;
    private double variance;
    private double riskAversion;
    private double hara;

    /** Sets the forecast, the variance, the preferences and the holdings; returns this. */
    public HaraDemand set(double forecastPrice, double returnVariance, double aversion, double haraConstant,
                          double base, double quote) {
        this.forecast = forecastPrice;
        this.variance = returnVariance;
        this.riskAversion = aversion;
        this.hara = haraConstant;
        holdings(base, quote);
        return this;
    }

    @Override
    public double position(double price) {
        return Math.log(forecast / price) / (variance * price)
                * ((freeBase() * price + freeQuote()) / riskAversion + hara);
    }
}
