package io.mvtrx.plugin.agents.internal;

/**
 * A trader's desired base position as a function of the price, and the two prices the reference's traders derive
 * from it with {@link Newton} started at 1.0: the <em>indifference</em> price where the desired position equals the
 * base held, and the <em>minimum</em> price where buying up to the desired position would spend exactly the free
 * quote ({@code q·(x(q) - base) = quote}). Subclasses hold the forecast; one instance per agent is reused for every
 * decision (the residuals are allocated once). Not thread-safe.
 */
public abstract class Demand {

    private double freeBase;
    private double freeQuote;
    private final Newton.Residual indifference = price -> position(price) - freeBase;
    private final Newton.Residual minimum = price -> price * (position(price) - freeBase) - freeQuote;

    /** The desired base position at {@code price}. */
    public abstract double position(double price);

    /** Sets the holdings the two prices refer to. */
    protected final void holdings(double base, double quote) {
        this.freeBase = base;
        this.freeQuote = quote;
    }

    /** Free base the decision uses. */
    public final double freeBase() {
        return freeBase;
    }

    /** Free quote the decision uses. */
    public final double freeQuote() {
        return freeQuote;
    }

    /** The indifference price, NaN if Newton does not converge. */
    public final double indifferencePrice() {
        return Newton.solve(indifference, 1.0);
    }

    /** The minimum price, NaN if Newton does not converge. */
    public final double minimumPrice() {
        return Newton.solve(minimum, 1.0);
    }
}
