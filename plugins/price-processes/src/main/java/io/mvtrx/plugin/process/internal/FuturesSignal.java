package io.mvtrx.plugin.process.internal;

import io.mvtrx.api.snapshot.SplitMix64;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * The external futures signal futures traders follow (the 0.5.4 reference's {@code FuturesSignal}, §8): a sampled
 * outside price, its last log return and a volume factor. The value starts at X0 and changes only when the source
 * delivers a new sample; the source is polled at update times at least {@code seedInterval} after the previous
 * poll.
 *
 * <p>On a new sample p: {@code r = ln(p / previous)}, {@code factor = min(2, e^{|r|})}, value = p, count + 1. The
 * reference measured the first real sample against X0 (a spurious return of the gap between the configured
 * initial price and the first market price); here the first sample of a recorded file is a baseline with r = 0.
 *
 * <p>Sources ({@link Source}): silent (the reference without a validator feed: the value stays X0 and futures
 * traders stay idle), a recorded {@link PriceSeries} (every new row passed is a new sample), or an offline
 * stand-in geometric Brownian motion of volatility σ per √(run duration) started at X0, sampled at every poll.
 *
 * <p>Components: 0 value, 1 last log return r, 2 volume factor, 3 number of samples taken, 4 decay
 * {@code e^{−λ·m}} with m the updates since the last sample (the 0.1.9 traders faded their volume with it; the 0.5.4
 * reference declares λ but never applies it, so agents choose).
 *
 * <p>Not thread-safe. O(1) per update (amortised for a file).
 */
public final class FuturesSignal extends SteppedProcess {

    /** Component of the last log return. */
    public static final int RETURN = 1;
    /** Component of the volume factor min(2, e^|r|). */
    public static final int FACTOR = 2;
    /** Component of the number of samples taken. */
    public static final int SAMPLES = 3;
    /** Component of the decay e^(−λ·updates since the last sample). */
    public static final int DECAY = 4;

    private final Source source;
    private final long seedInterval;
    private final double lambda;
    private final long duration;
    private final PriceSeries.Cursor cursor;
    private final SplitMix64 random;
    private long lastPoll;
    private int lastRow = -1;
    private double standIn;
    private double value;
    private double logReturn;
    private double factor = 1;
    private long samples;
    private long sinceSample;

    /**
     * @param source       where samples come from
     * @param updatePeriod ns between updates
     * @param seedInterval minimum ns between two polls of the source, > 0
     * @param lambda       decay rate per update, >= 0
     * @param initialValue X0, > 0
     * @param startTime    simulation start, ns
     * @param duration     run duration, ns (time unit of the stand-in)
     * @param random       the process's own stream (used by the stand-in only)
     */
    public FuturesSignal(Source source, long updatePeriod, long seedInterval, double lambda, double initialValue,
                         long startTime, long duration, SplitMix64 random) {
        super(startTime, updatePeriod);
        if (seedInterval <= 0) {
            throw new IllegalArgumentException("seedInterval must be > 0 ns, got " + seedInterval);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be finite and >= 0, got " + lambda);
        }
        if (!(initialValue > 0) || Double.isInfinite(initialValue)) {
            throw new IllegalArgumentException("initial value must be finite and > 0, got " + initialValue);
        }
        this.source = source;
        this.seedInterval = seedInterval;
        this.lambda = lambda;
        this.duration = duration;
        this.cursor = source instanceof Source.Recorded recorded ? recorded.series().cursor() : null;
        this.random = random;
        this.lastPoll = startTime;
        this.standIn = initialValue;
        this.value = initialValue;
    }

    @Override
    protected void update(long time) {
        sinceSample++;
        if (time - lastPoll < seedInterval) {
            return;
        }
        long elapsed = time - lastPoll;
        lastPoll = time;
        switch (source) {
            case Source.Silent silent -> {
            }
            case Source.Recorded recorded -> {
                int row = cursor.seek(time);
                if (row > lastRow) {
                    lastRow = row;
                    sample(recorded.series().price(row), samples == 0);
                }
            }
            case Source.StandIn standInSource -> {
                double dt = (double) elapsed / duration;
                double sigma = standInSource.sigma();
                standIn *= Math.exp(-0.5 * sigma * sigma * dt + sigma * Math.sqrt(dt) * random.nextGaussian());
                sample(standIn, false);
            }
        }
    }

    private void sample(double price, boolean baseline) {
        logReturn = baseline ? 0 : Math.log(price / value);
        factor = Math.min(2, Math.exp(Math.abs(logReturn)));
        value = price;
        samples++;
        sinceSample = 0;
    }

    @Override
    protected void writeProcessState(StateWriter out) {
        out.writeRandom(random);
        out.writeLong(lastPoll);
        out.writeInt(lastRow);
        out.writeInt(cursor == null ? -1 : cursor.row());
        out.writeDouble(standIn);
        out.writeDouble(value);
        out.writeDouble(logReturn);
        out.writeDouble(factor);
        out.writeLong(samples);
        out.writeLong(sinceSample);
    }

    @Override
    protected void readProcessState(StateReader in) {
        in.readRandom(random);
        lastPoll = in.readLong();
        lastRow = in.readInt();
        int row = in.readInt();
        if (cursor != null) {
            cursor.restore(row);
        }
        standIn = in.readDouble();
        value = in.readDouble();
        logReturn = in.readDouble();
        factor = in.readDouble();
        samples = in.readLong();
        sinceSample = in.readLong();
    }

    @Override
    public double value() {
        return value;
    }

    @Override
    public int components() {
        return 5;
    }

    @Override
    public double value(int component) {
        return switch (component) {
            case 0 -> value;
            case RETURN -> logReturn;
            case FACTOR -> factor;
            case SAMPLES -> samples;
            case DECAY -> Math.exp(-lambda * sinceSample);
            default -> throw new IndexOutOfBoundsException(String.format(
                    "component %d of a futures signal: 0 value, 1 return, 2 factor, 3 samples, 4 decay", component));
        };
    }

    /** Where a futures signal's samples come from. */
    public sealed interface Source permits Source.Silent, Source.Recorded, Source.StandIn {

        /** No feed: the value stays at X0 (the reference without a validator writing prices). */
        record Silent() implements Source {
        }

        /** A recorded series; each row passed is a new sample, the first a baseline. */
        record Recorded(PriceSeries series) implements Source {
        }

        /**
         * An offline stand-in: a driftless geometric Brownian motion from X0, sampled at every poll.
         *
         * @param sigma volatility per √(run duration), > 0
         */
        record StandIn(double sigma) implements Source {

            public StandIn {
                if (!(sigma > 0) || Double.isInfinite(sigma)) {
                    throw new IllegalArgumentException("stand-in sigma must be finite and > 0, got " + sigma);
                }
            }
        }
    }
}
