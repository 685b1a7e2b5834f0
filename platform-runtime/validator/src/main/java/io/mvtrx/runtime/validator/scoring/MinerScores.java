package io.mvtrx.runtime.validator.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.mvtrx.api.spi.scoring.NumpyStats;
import io.mvtrx.api.spi.scoring.RealizedSeries;
import io.mvtrx.api.spi.scoring.ScoringMetric;

/**
 * One uid's Kappa score, PnL score and trading score from its history (protocol.md §7.2-7.4, the reference's
 * {@code calculate_kappa_score}, {@code calculate_pnl_score} and {@code score_uid}), in the reference's operation
 * order. {@link #kappaScore} updates the uid's activity and P&L factors, as the reference does in place.
 */
final class MinerScores {

    private MinerScores() {
    }

    /**
     * The Kappa score in [0, 1]; 0 without Kappa figures (the factors are then left as they are).
     */
    static double kappaScore(KappaResult kappa, UidHistory history, long now, ScoringConfig config,
            SimulationParams simulation) {
        if (kappa == null) {
            return 0.0;
        }
        int books = simulation.bookCount();
        ScoringConfig.Kappa k = config.kappa();
        ScoringConfig.Activity activity = config.activity();

        double range = k.normalizationMax() - k.normalizationMin();
        double rangeInverse = range != 0 ? 1.0 / range : 0.0;
        Double[] normalized = new Double[books];
        for (int b = 0; b < books; b++) {
            Double value = kappa.book(b);
            if (value != null) {
                normalized[b] = Math.max(0.0, Math.min(1.0, (value - k.normalizationMin()) * rangeInverse));
            }
        }

        double volumeCap = PythonRound.round(activity.capitalTurnoverCap() * simulation.minerWealth(),
                simulation.volumeDecimals());
        double volumeCapInverse = volumeCap > 0 ? 1.0 / volumeCap : 0.0;
        long lookback = k.lookback();
        long lookbackThreshold = now - lookback;
        long grace = activity.decayGracePeriod();
        double decayWindowIntervals = (double) lookback / config.interval() - (double) grace / config.interval();
        double baseDecay = decayWindowIntervals <= 0 ? 0.999 : Math.pow(2.0, -1 / decayWindowIntervals);
        baseDecay = Math.max(0.5, Math.min(0.9999, baseDecay));
        long decayWindow = lookback - grace;
        double decayWindowInverse = decayWindow > 0 ? 1.0 / decayWindow : 0.0;

        long sampling = activity.tradeVolumeSamplingInterval();
        long sampledNow = Math.floorDiv(now, sampling) * sampling;

        double[] factors = history.activityFactors();
        for (int b = 0; b < books; b++) {
            double lookbackVolume = 0.0;
            long latestTime = 0;
            double latestVolume = 0.0;
            LinkedHashMap<Long, Double> volumes = history.roundTripVolume().get(b);
            if (volumes != null && !volumes.isEmpty()) {
                for (Map.Entry<Long, Double> sample : volumes.entrySet()) {
                    long ts = sample.getKey();
                    double volume = sample.getValue();
                    if (ts >= lookbackThreshold) {
                        lookbackVolume += volume;
                    }
                    if (volume > 0 && ts <= sampledNow && ts > latestTime) {
                        latestTime = ts;
                    }
                }
                if (latestTime > 0 && latestTime >= sampledNow - sampling) {
                    latestVolume = volumes.get(latestTime);
                }
            }
            if (latestVolume > 0) {
                factors[b] = Math.min(1 + ((lookbackVolume * volumeCapInverse) * activity.impact()), 2.0);
            } else if (activity.decayRate() != 0.0) {
                long inactive = latestTime > 0 ? Math.max(0, now - latestTime) : now;
                double multiplier = Math.max(factors[b], 1.0);
                double acceleration;
                if (inactive <= grace) {
                    acceleration = 1.0;
                } else {
                    double ratio = (inactive - grace) * decayWindowInverse;
                    acceleration = 1 + Math.pow(ratio, 2.0) * activity.decayRate();
                }
                double total = Math.min(multiplier * acceleration, 100.0);
                double decay = Math.pow(baseDecay, total);
                factors[b] *= Double.isFinite(decay) ? decay : 0.0;
            }
        }

        double[] pnlFactors = history.pnlFactors();
        if (k.pnlImpact() > 0) {
            double reference = simulation.minerWealth() * ((double) lookback / ScoringConfig.DAY);
            double[] bookPnl = windowSums(history, lookbackThreshold, books);
            for (int b = 0; b < books; b++) {
                double ratio = bookPnl[b] / reference;
                double raw = Math.max(1.0 + ratio, 0.0);
                pnlFactors[b] = Math.min(1.0 + ((raw - 1.0) * k.pnlImpact()), 2.0);
            }
        } else {
            java.util.Arrays.fill(pnlFactors, 1.0);
        }

        List<Double> scored = new ArrayList<>(books);
        int withoutKappa = 0;
        for (int b = 0; b < books; b++) {
            if (normalized[b] == null) {
                withoutKappa++;
                continue;
            }
            double combined = factors[b] * pnlFactors[b];
            double nk = normalized[b];
            double weighted = combined < 1 || nk > 0.5 ? combined * nk : (2 - combined) * nk;
            scored.add(Math.min(weighted, 1));
        }
        double[] data = withInactiveTolerance(scored, withoutKappa, books, config.maxInactiveBooks());
        if (data.length == 0) {
            return 0.0;
        }
        double penalty = Math.abs(outlierPenalty(data));
        return Math.max(NumpyStats.median(data) - penalty, 0.0);
    }

    /**
     * The PnL score in [-0.5, 0.5]: half the median over books of {@code clamp(P/ref, min, max)}, {@code P} the
     * book's P&L over the window as the {@code pnl} metric sums it, books without P&L tolerated up to
     * {@code int(max_inactive_books × books)} and the rest counted as 0.
     */
    static double pnlScore(UidHistory history, long now, ScoringConfig config, SimulationParams simulation,
            ScoringMetric pnlMetric) {
        ScoringConfig.Pnl pnl = config.pnl();
        int books = simulation.bookCount();
        double reference = simulation.minerWealth() * ((double) pnl.lookback() / ScoringConfig.DAY);
        if (reference == 0) {
            return 0.0;
        }
        long threshold = now - pnl.lookback();
        List<Long> window = new ArrayList<>();
        for (Long ts : history.realizedPnl().keySet()) {
            if (ts >= threshold) {
                window.add(ts);
            }
        }
        List<Double> active = new ArrayList<>(books);
        int inactive = 0;
        for (int b = 0; b < books; b++) {
            OptionalDouble total = pnlMetric.evaluate(series(history, window, b));
            if (total.isEmpty() || total.getAsDouble() == 0.0) {
                inactive++;
            } else {
                double ratio = total.getAsDouble() / reference;
                active.add(Math.max(pnl.minDailyReturn(), Math.min(pnl.maxDailyReturn(), ratio)));
            }
        }
        double[] data = withInactiveTolerance(active, inactive, books, config.maxInactiveBooks());
        return data.length == 0 ? 0.0 : NumpyStats.median(data) / 2.0;
    }

    /** {@code clamp(kappaWeight·kappa + pnlWeight·pnl, 0, 1)}. */
    static double tradingScore(double kappaScore, double pnlScore, ScoringConfig config) {
        double score = (config.kappa().weight() * kappaScore) + (config.pnl().weight() * pnlScore);
        return Math.max(0.0, Math.min(1.0, score));
    }

    /**
     * The 1.5×IQR left-tail penalty: values below {@code q1 - 1.5·max(IQR, 0.01)} are outliers; if their median is
     * under 0.5 the penalty is {@code ((0.5 - median)/1.5)·(1 - e^(-5·IQR))}, else 0.
     */
    static double outlierPenalty(double[] data) {
        double q1 = NumpyStats.percentile(data, 25);
        double q3 = NumpyStats.percentile(data, 75);
        double iqr = q3 - q1;
        double lower = q1 - 1.5 * Math.max(iqr, 0.01);
        List<Double> outliers = new ArrayList<>();
        for (double v : data) {
            if (v < lower) {
                outliers.add(v);
            }
        }
        if (outliers.isEmpty()) {
            return 0;
        }
        double median = NumpyStats.median(toArray(outliers));
        if (!(median < 0.5)) {
            return 0;
        }
        return ((0.5 - median) / 1.5) * (1.0 - Math.exp(-5 * iqr));
    }

    private static RealizedSeries series(UidHistory history, List<Long> window, int book) {
        long[] timestamps = new long[window.size()];
        double[] values = new double[window.size()];
        for (int i = 0; i < timestamps.length; i++) {
            timestamps[i] = window.get(i);
            Double value = history.realizedPnl().get(timestamps[i]).get(book);
            values[i] = value == null ? 0.0 : value;
        }
        // Recorded order, which is time order; RealizedSeries checks it.
        return new RealizedSeries(timestamps, values);
    }

    private static double[] windowSums(UidHistory history, long threshold, int books) {
        double[] sums = new double[books];
        for (Map.Entry<Long, LinkedHashMap<Integer, Double>> entry : history.realizedPnl().entrySet()) {
            if (entry.getKey() >= threshold) {
                for (Map.Entry<Integer, Double> book : entry.getValue().entrySet()) {
                    if (book.getKey() < books) {
                        sums[book.getKey()] += book.getValue();
                    }
                }
            }
        }
        return sums;
    }

    private static double[] withInactiveTolerance(List<Double> values, int missing, int books, double ratio) {
        int tolerated = (int) (ratio * books);
        List<Double> data = new ArrayList<>(values);
        for (int i = tolerated; i < missing; i++) {
            data.add(0.0);
        }
        return toArray(data);
    }

    private static double[] toArray(List<Double> values) {
        double[] a = new double[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
