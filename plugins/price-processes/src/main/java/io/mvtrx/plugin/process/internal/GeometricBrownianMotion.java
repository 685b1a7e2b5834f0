package io.mvtrx.plugin.process.internal;

import io.mvtrx.api.snapshot.SplitMix64;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * Geometric Brownian motion, sampled exactly at update times: each update multiplies the value by
 * {@code exp((μ − σ²/2)·dt + σ·√dt·Z)}, {@code dt = updatePeriod / duration} (time in run durations, like the
 * fundamental price). One normal per update.
 *
 * <p>Not thread-safe. O(1) per update.
 */
public final class GeometricBrownianMotion extends SteppedProcess {

    private final double drift;
    private final double diffusion;
    private final SplitMix64 random;
    private double logValue;
    private double value;

    /**
     * @param mu           drift per run duration
     * @param sigma        volatility per √(run duration), >= 0
     * @param updatePeriod ns between updates
     * @param initialValue X0, > 0
     * @param startTime    simulation start, ns
     * @param duration     run duration, ns
     * @param random       the process's own stream
     */
    public GeometricBrownianMotion(double mu, double sigma, long updatePeriod, double initialValue, long startTime,
                                   long duration, SplitMix64 random) {
        super(startTime, updatePeriod);
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite, got " + mu);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        if (!(initialValue > 0) || Double.isInfinite(initialValue)) {
            throw new IllegalArgumentException("initial value must be finite and > 0, got " + initialValue);
        }
        double dt = (double) updatePeriod / duration;
        this.drift = (mu - 0.5 * sigma * sigma) * dt;
        this.diffusion = sigma * Math.sqrt(dt);
        this.random = random;
        this.logValue = Math.log(initialValue);
        this.value = initialValue;
    }

    @Override
    protected void update(long time) {
        logValue += drift + diffusion * random.nextGaussian();
        value = Math.exp(logValue);
    }

    @Override
    protected void writeProcessState(StateWriter out) {
        out.writeRandom(random);
        out.writeDouble(logValue);
        out.writeDouble(value);
    }

    @Override
    protected void readProcessState(StateReader in) {
        in.readRandom(random);
        logValue = in.readDouble();
        value = in.readDouble();
    }

    @Override
    public double value() {
        return value;
    }
}
