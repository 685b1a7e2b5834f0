package io.mvtrx.plugin.agents.internal;

import java.util.random.RandomGenerator;

import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * An autoregressive conditional duration (ACD) clock, the reference's "decision-making delay" of the stylized and
 * noise traders (0.5.4 §6): {@code ψ' = ω + α·ℓ + β·ψ + extra}, delay {@code = clamp(e^ψ'·Exp(1), min, max)} ns, then
 * {@code ℓ := ln(delay)}, {@code ψ := ψ'}. Starts at the stationary mean {@code ψ = ℓ = ω/(1-α-β)}.
 *
 * <p>One clock per book and population: the turn passed between instances carries it. Not thread-safe.
 */
public final class AcdClock {

    private final double omega;
    private final double alpha;
    private final double beta;
    private final long minDelay;
    private final long maxDelay;
    private double lastLogDelay;
    private double psi;

    public AcdClock(double omega, double alpha, double beta, long minDelay, long maxDelay) {
        if (alpha < 0 || beta < 0 || alpha + beta > 1) {
            throw new IllegalArgumentException(String.format(
                    "ACD needs alpha >= 0, beta >= 0 and alpha + beta <= 1, got alpha %s, beta %s", alpha, beta));
        }
        if (minDelay < 1 || maxDelay < minDelay) {
            throw new IllegalArgumentException(String.format(
                    "ACD needs 1 <= minDMD <= maxDMD, got %d, %d", minDelay, maxDelay));
        }
        this.omega = omega;
        this.alpha = alpha;
        this.beta = beta;
        this.minDelay = minDelay;
        this.maxDelay = maxDelay;
        reset();
    }

    /** The stationary log-duration {@code ω/(1-α-β)}. */
    public double stationary() {
        return omega / (1 - alpha - beta);
    }

    /** Back to the stationary state. */
    public void reset() {
        lastLogDelay = stationary();
        psi = stationary();
    }

    /** The current conditional log-duration ψ. */
    public double psi() {
        return psi;
    }

    /** The last log-delay ℓ. */
    public double lastLogDelay() {
        return lastLogDelay;
    }

    /**
     * Draws the next delay and advances the state.
     *
     * @param extra added to ψ' (the noise trader's {@code γ·ln(1-|m̄|)}; 0 otherwise)
     * @return the delay, ns, within {@code [minDMD, maxDMD]}
     */
    /** Saves the recursion's memory: the last log-delay and the last expected log-delay. */
    public void writeState(StateWriter out) {
        out.writeDouble(lastLogDelay);
        out.writeDouble(psi);
    }

    /** Restores what {@link #writeState} saved. */
    public void readState(StateReader in) {
        lastLogDelay = in.readDouble();
        psi = in.readDouble();
    }

    public long next(RandomGenerator random, double extra) {
        double next = omega + alpha * lastLogDelay + beta * psi + extra;
        if (Double.isNaN(next)) {
            next = stationary();
        }
        double raw = Math.exp(next) * Draws.exponential(random);
        long delay = raw >= maxDelay ? maxDelay : Math.max(minDelay, (long) raw);
        lastLogDelay = Math.log(delay);
        psi = next;
        return delay;
    }
}
