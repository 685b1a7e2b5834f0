package io.mvtrx.plugin.agents;

import java.util.random.RandomGenerator;

import io.mvtrx.plugin.agents.internal.Draws;

/**
 * What one stylized trader draws once (0.5.4 §7.2): its forecast weights {@code F, C, N = |Laplace(σ, σ)|}, and from
 * them its risk aversion {@code a = r_aversion·(1+σC)/(1+σF)·(1+F)/(1+C)}, its observation period and order lifetime
 * {@code τ = clamp(ceil(tau·(1+σC)/(1+σF)·(1+F)/(1+C)), 1 s, 1 h)} and its history length
 * {@code H = clamp(ceil(trunc(tauHist·(1+σC)/(1+σF))·(1+F)/(1+C)), 10, 1000)}.
 *
 * @param fundamentalist weight F
 * @param chartist       weight C
 * @param noise          weight N
 * @param riskAversion   a
 * @param tau            τ, ns
 * @param historySize    H
 */
record StylizedProfile(double fundamentalist, double chartist, double noise, double riskAversion, long tau,
                       int historySize) {

    static final long MIN_TAU = 1_000_000_000L;
    static final long MAX_TAU = 3_600_000_000_000L;
    static final int MIN_HISTORY = 10;
    static final int MAX_HISTORY = 1000;

    /** Draws a profile. */
    static StylizedProfile draw(StylizedTraderParameters parameters, RandomGenerator random) {
        double f = Math.abs(Draws.laplace(random, parameters.sigmaF(), parameters.sigmaF()));
        double c = Math.abs(Draws.laplace(random, parameters.sigmaC(), parameters.sigmaC()));
        double n = Math.abs(Draws.laplace(random, parameters.sigmaN(), parameters.sigmaN()));
        return derive(parameters, f, c, n);
    }

    /** The profile that follows from given weights. */
    static StylizedProfile derive(StylizedTraderParameters parameters, double f, double c, double n) {
        double population = (1 + parameters.sigmaC()) / (1 + parameters.sigmaF());
        double personal = (1 + f) / (1 + c);
        double aversion = parameters.riskAversion() * population * personal;
        long tau = Math.clamp((long) Math.ceil(parameters.tau() * population * personal), MIN_TAU, MAX_TAU);
        long steps = (long) (parameters.tauHist() * population);
        int history = Math.clamp((long) Math.ceil(steps * personal), MIN_HISTORY, MAX_HISTORY);
        return new StylizedProfile(f, c, n, aversion, tau, history);
    }

    /** {@code w = 1/(F + C + N)}. */
    double normaliser() {
        return 1 / (fundamentalist + chartist + noise);
    }

    /** The horizon multiplier {@code max(1, ln H)} of the forecast and of the order lifetime. */
    double horizon() {
        return Math.max(1.0, Math.log(historySize));
    }

    /** Lifetime of a limit order: {@code τ·max(1, ln H)}, ns. */
    long orderLifetime() {
        return (long) (tau * horizon());
    }

    /**
     * The forecast log return {@code r = clamp(w·(F·ln(pf/p)/tauF + C·Σr/H + N·ε), -1, 1)}.
     *
     * <p>The chartist term is the mean log return over the history, {@code Σr/H}. The reference 0.1.9 divided the sum
     * by the order lifetime in nanoseconds, which made the term about 10^-13 and the chartists blind; 0.5.4 divides
     * by H, the evident intent, and so do we.
     *
     * @param fundamental the fundamental price pf
     * @param price       the last observed mid p
     * @param tauF        the fundamentalist horizon
     * @param returnSum   Σr over the history
     * @param epsilon     the noise draw N(0, sigmaEps)
     */
    double forecastLogReturn(double fundamental, double price, double tauF, double returnSum, double epsilon) {
        double fundamentalTerm = Math.log(fundamental / price) / tauF;
        if (Double.isNaN(fundamentalTerm)) {
            fundamentalTerm = 0.0;
        }
        double chartistTerm = returnSum / historySize;
        double r = normaliser() * (fundamentalist * fundamentalTerm + chartist * chartistTerm + noise * epsilon);
        if (Double.isNaN(r)) {
            return 1e-7;
        }
        return Math.clamp(r, -1.0, 1.0);
    }
}
