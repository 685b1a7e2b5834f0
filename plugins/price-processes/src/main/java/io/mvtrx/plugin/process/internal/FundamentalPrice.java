package io.mvtrx.plugin.process.internal;

import io.mvtrx.api.snapshot.SplitMix64;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * The fundamental price: a Merton jump diffusion with a fractional Brownian component (the 0.5.4 reference, §8).
 *
 * <p>Time is measured in run durations: {@code dt = updatePeriod / duration} (1/2880 in production: 30 s updates
 * over a one-day run). After k updates, {@code t = k·dt} and
 * <pre>
 *   value = X0 · exp((μ − σ²/2)·t + σ·W(t) + ε·B_H(t) − ½·ε²·t^{2H} + J(t))
 * </pre>
 * where per update {@code W += √dt·Z}, {@code B_H += dt^H·X_k} with {@code X_k} exact unit-variance fractional
 * Gaussian noise ({@link FractionalGaussianNoise}; the reference's {@code N(0, N^{−H})} with N = duration/updatePeriod
 * is the same scale), and {@code J += Σ_{i<n} N(μJ, σJ)} with {@code n ~ Poisson(λ)} (λ per update, not per unit
 * time). The term {@code −½ε²t^{2H}} compensates the fractional one: {@code E[exp(ε·B_H(t) − ½ε²t^{2H})] = 1}.
 *
 * <p>Draws per update, in this order: one uniform (Poisson; two or more only for λ ≥ 10), one normal (jump size,
 * always drawn), one normal (fBm innovation, only when ε ≠ 0), one normal (W). The sum of n normal jumps is drawn
 * exactly as {@code n·μJ + σJ·√n·Z}.
 *
 * <p>Not thread-safe. Cost per update O(k) when ε ≠ 0 and H ≠ ½ (the fBm recursion), else O(1).
 */
public final class FundamentalPrice extends SteppedProcess {

    private final double initialValue;
    private final double mu;
    private final double sigma;
    private final double lambda;
    private final double muJump;
    private final double sigmaJump;
    private final double epsilon;
    private final double dt;
    private final double sqrtDt;
    private final double fbmScale;
    private final FractionalGaussianNoise noise;
    private final SplitMix64 random;

    private double t;
    private double brownian;
    private double fractional;
    private double jumpSum;
    private long jumps;
    private long jumpUpdates;
    private double value;

    /**
     * @param parameters the model parameters
     * @param initialValue X0, > 0
     * @param startTime    simulation start, ns
     * @param duration     run duration, ns (the time unit)
     * @param random       the process's own stream
     */
    public FundamentalPrice(Parameters parameters, double initialValue, long startTime, long duration,
                            SplitMix64 random) {
        super(startTime, parameters.updatePeriod());
        if (!(initialValue > 0) || Double.isInfinite(initialValue)) {
            throw new IllegalArgumentException("initial value must be finite and > 0, got " + initialValue);
        }
        this.initialValue = initialValue;
        this.mu = parameters.mu();
        this.sigma = parameters.sigma();
        this.lambda = parameters.lambda();
        this.muJump = parameters.muJump();
        this.sigmaJump = parameters.sigmaJump();
        this.epsilon = parameters.epsilon();
        this.dt = (double) parameters.updatePeriod() / duration;
        this.sqrtDt = Math.sqrt(dt);
        this.fbmScale = Math.pow(dt, parameters.hurst());
        this.noise = new FractionalGaussianNoise(parameters.hurst());
        this.random = random;
        this.value = initialValue;
    }

    @Override
    protected void update(long time) {
        t += dt;
        long n = Poisson.sample(random, lambda);
        double jumpNormal = random.nextGaussian();
        if (n > 0) {
            jumps += n;
            jumpUpdates++;
            jumpSum += n * muJump + sigmaJump * Math.sqrt(n) * jumpNormal;
        }
        if (epsilon != 0) {
            fractional += fbmScale * noise.next(random.nextGaussian());
        }
        brownian += sqrtDt * random.nextGaussian();
        double hurstTerm = epsilon == 0 ? 0 : 0.5 * epsilon * epsilon * Math.pow(t, 2 * noise.hurst());
        value = initialValue * Math.exp((mu - 0.5 * sigma * sigma) * t + sigma * brownian
                + epsilon * fractional - hurstTerm + jumpSum);
    }

    @Override
    protected void writeProcessState(StateWriter out) {
        out.writeRandom(random);
        out.writeDouble(t);
        out.writeDouble(brownian);
        out.writeDouble(fractional);
        out.writeDouble(jumpSum);
        out.writeLong(jumps);
        out.writeLong(jumpUpdates);
        out.writeDouble(value);
        noise.writeState(out);
    }

    @Override
    protected void readProcessState(StateReader in) {
        in.readRandom(random);
        t = in.readDouble();
        brownian = in.readDouble();
        fractional = in.readDouble();
        jumpSum = in.readDouble();
        jumps = in.readLong();
        jumpUpdates = in.readLong();
        value = in.readDouble();
        noise.readState(in);
    }

    @Override
    public double value() {
        return value;
    }

    /** Elapsed model time t = updates·dt, in run durations. */
    public double time() {
        return t;
    }

    /** The standard Brownian component W(t). */
    public double brownian() {
        return brownian;
    }

    /** The fractional Brownian component B_H(t) (0 while ε = 0). */
    public double fractional() {
        return fractional;
    }

    /** The cumulative jump J(t). */
    public double jumpSum() {
        return jumpSum;
    }

    /** Number of jumps so far (the sum of the Poisson counts). */
    public long jumps() {
        return jumps;
    }

    /** Number of updates with at least one jump. */
    public long jumpUpdates() {
        return jumpUpdates;
    }

    /**
     * The parameters of a fundamental price.
     *
     * @param updatePeriod ns between updates, > 0
     * @param mu           drift per run duration
     * @param sigma        volatility per √(run duration), >= 0
     * @param lambda       mean number of jumps per update, >= 0
     * @param muJump       mean log jump
     * @param sigmaJump    standard deviation of a log jump, >= 0
     * @param hurst        Hurst exponent of the fractional component, within (0, 1)
     * @param epsilon      weight of the fractional component
     */
    public record Parameters(long updatePeriod, double mu, double sigma, double lambda, double muJump,
                             double sigmaJump, double hurst, double epsilon) {

        public Parameters {
            if (updatePeriod <= 0) {
                throw new IllegalArgumentException("updatePeriod must be > 0 ns, got " + updatePeriod);
            }
            requireFinite("mu", mu);
            requireNonNegative("sigma", sigma);
            requireNonNegative("lambda", lambda);
            requireFinite("muJump", muJump);
            requireNonNegative("sigmaJump", sigmaJump);
            if (!(hurst > 0 && hurst < 1)) {
                throw new IllegalArgumentException("Hurst must be within (0, 1), got " + hurst);
            }
            requireFinite("epsilon", epsilon);
        }

        private static void requireFinite(String name, double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + " must be finite, got " + value);
            }
        }

        private static void requireNonNegative(String name, double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
            }
        }
    }
}
