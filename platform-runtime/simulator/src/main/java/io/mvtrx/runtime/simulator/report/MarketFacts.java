package io.mvtrx.runtime.simulator.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.runtime.simulator.log.EventLogReader;

/**
 * Stylized facts of a simulated market, computed from its event log ({@code events.l3}) alone, per book and pooled
 * over all books. Every book is rebuilt from its L3 events ({@link BookReplay}) and sampled:
 *
 * <ul>
 *   <li>at the end of every interval (one minute by default): the mid {@code (bid + ask)/2} (carried forward while a
 *       side is empty), the last trade price, the trades and traded volume of the interval, and the volume of the 21
 *       best levels of each side;</li>
 *   <li>every second: the spread in ticks (when both sides rest);</li>
 *   <li>at every event: whether a side is empty, for the longest spell without a bid or an ask.</li>
 * </ul>
 *
 * A sample at time {@code s} is the book after every event before {@code s}. Returns are log returns of the mid
 * ({@code r_i = ln(m_i / m_{i−1})}), from a book's first two-sided sample on. The facts ({@link Facts}): excess
 * kurtosis of returns over 1, 5 and 15 intervals (non-overlapping), the Hill tail index of the absolute 1-interval
 * returns from the top 2.5 % and 5 %, the autocorrelation of returns and of absolute returns at lags 1..{@value
 * #MAX_LAG} with a power law fitted to the latter, the median and mean spread in ticks, the correlation of traded
 * volume with the absolute return of the same interval, trades per minute and the longest spell with an empty side.
 * Pooled figures standardize (moments, tails) or demean (correlations) each book's series on its own before pooling.
 * With a fundamental price per book ({@link Reference}) the facts also say how the mid follows it
 * ({@link Facts#leadLag}).
 *
 * @param interval sampling interval, ns
 * @param decimals the books' decimals
 * @param start    simulation start, ns: interval {@code i} ends at {@code start + (i+1)·interval}
 * @param books    per canonical book, its sampled series
 * @param pooled   the facts of all books together
 * @param perBook  the facts of each book, in book order
 */
public record MarketFacts(long interval, BookDecimals decimals, long start, List<BookSeries> books, Facts pooled,
                          List<Facts> perBook) {

    /** Lags of the autocorrelations computed (the report lists returns at 1..{@value #REPORTED_RETURN_LAGS}). */
    public static final int MAX_LAG = 50;

    /** Lags of the autocorrelation of returns in the report. */
    public static final int REPORTED_RETURN_LAGS = 10;

    /** Return horizons of the kurtosis, in intervals. */
    public static final int[] HORIZONS = {1, 5, 15};

    /** Levels per side whose volume is sampled. */
    public static final int DEPTH_LEVELS = 21;

    /** Lags of the mid-against-fundamental cross-correlation: 0..{@value}. */
    public static final int LEAD_LAGS = 5;

    /** The default sampling interval: one minute. */
    public static final long MINUTE = 60_000_000_000L;

    /** How often the spread is sampled: every simulated second. */
    public static final long SPREAD_SAMPLE = 1_000_000_000L;

    /** Where a book's fundamental (reference) price comes from; the event log does not hold it. */
    @FunctionalInterface
    public interface Reference {

        /**
         * The reference price of a book at {@code first + i·interval}, {@code i = 0..count−1}, in price units
         * (not ticks).
         */
        double[] sample(int canonicalBook, long first, long interval, int count);
    }

    /**
     * One book's samples.
     *
     * @param bookId        canonical book id
     * @param mids          mid at the end of each interval, price ticks (halves possible); 0 before the book was first
     *                      two-sided
     * @param lastTrades    last trade price at the end of each interval, price ticks; 0 before the first trade
     * @param trades        trades in each interval
     * @param volumes       traded volume in each interval, volume lots
     * @param fundamental   the reference price at the end of each interval, price ticks (fractional); empty without a
     *                      reference
     * @param spreads       spread in ticks every {@link #SPREAD_SAMPLE} ns from the start; −1 while a side is empty
     * @param depthBid      mean volume of the k-th best bid level at the interval ends, lots, {@code k = 1..21}
     * @param depthAsk      the same for asks
     * @param longestEmptyBid longest spell without a bid, ns
     * @param longestEmptyAsk longest spell without an ask, ns
     * @param totalEmptyBid total time without a bid, ns
     * @param totalEmptyAsk total time without an ask, ns
     */
    public record BookSeries(int bookId, double[] mids, long[] lastTrades, long[] trades, long[] volumes,
                             double[] fundamental, int[] spreads, double[] depthBid, double[] depthAsk,
                             long longestEmptyBid, long longestEmptyAsk, long totalEmptyBid, long totalEmptyAsk) {

        /** Trades in the sampled intervals. */
        public long tradeCount() {
            return Arrays.stream(trades).sum();
        }
    }

    /**
     * The facts of one book or of all books pooled.
     *
     * @param returns            1-interval mid returns used
     * @param excessKurtosis     excess kurtosis of the returns over each of {@link #HORIZONS} (NaN with fewer than 4)
     * @param hill25             Hill tail index of the absolute returns, top 2.5 %
     * @param hill5              Hill tail index, top 5 %
     * @param acfReturns         autocorrelation of returns at lags 1..{@value #MAX_LAG}
     * @param acfAbsolute        autocorrelation of absolute returns at lags 1..{@value #MAX_LAG}
     * @param absolutePowerLaw   power law fitted to {@code acfAbsolute}
     * @param band               {@code 1.96/√returns}: the 95 % band of an uncorrelated series
     * @param medianSpread       median spread, ticks, over the two-sided one-second samples
     * @param meanSpread         mean spread, ticks
     * @param volumeVolatility   correlation of an interval's traded volume with its absolute return
     * @param tradesPerMinute    trades per simulated minute (pooled: per book)
     * @param longestEmptyBid    longest spell without a bid, ns (pooled: of any book)
     * @param longestEmptyAsk    longest spell without an ask, ns
     * @param acfTradeReturns1   diagnostic: lag-1 autocorrelation of last-trade-price returns (quiet intervals give 0)
     * @param fundamentalAcf1    diagnostic: lag-1 autocorrelation of the reference's returns (NaN without one)
     * @param leadLag            diagnostic: correlation of the mid return {@code r_i} with the reference's return
     *                           {@code f_{i−k}}, {@code k = 0..5} (NaN without a reference)
     * @param meanAbsDeviation   diagnostic: mean {@code |ln(mid/reference)|} at the interval ends (NaN without one)
     */
    public record Facts(int returns, double[] excessKurtosis, double hill25, double hill5, double[] acfReturns,
                        double[] acfAbsolute, PowerLaw absolutePowerLaw, double band, double medianSpread,
                        double meanSpread, double volumeVolatility, double tradesPerMinute, long longestEmptyBid,
                        long longestEmptyAsk, double acfTradeReturns1, double fundamentalAcf1, double[] leadLag,
                        double meanAbsDeviation) {

        /** How many leading lags of {@link #acfAbsolute} are positive. */
        public int absolutePositiveThrough() {
            return Statistics.positivePrefix(acfAbsolute);
        }
    }

    /**
     * A target the project set for a 6 h run of the live configuration, and whether the pooled facts meet it.
     *
     * @param name        short identifier
     * @param requirement what is required
     * @param measured    what was measured
     * @param met         whether it holds
     */
    public record Target(String name, String requirement, String measured, boolean met) {
    }

    /**
     * Reads a log and computes the facts.
     *
     * @param interval  sampling interval, ns, > 0
     * @param reference the fundamental price of each book, if known
     * @throws IOException if the log cannot be read
     */
    public static MarketFacts fromLog(Path log, long interval, Optional<Reference> reference) throws IOException {
        if (interval <= 0) {
            throw new IllegalArgumentException("interval must be > 0 ns, got " + interval);
        }
        Collector collector = new Collector(interval);
        EventLogReader.Summary summary = EventLogReader.read(log, event -> {
            switch (event) {
                case OrderPlaced placed -> collector.track(placed.bookId(), placed.timestamp()).replay.placed(placed);
                case Trade trade -> collector.track(trade.bookId(), trade.timestamp()).trade(trade);
                case OrderCancelled cancelled ->
                        collector.track(cancelled.bookId(), cancelled.timestamp()).replay.cancelled(cancelled);
            }
        }, collector::header);
        long end = Math.max(collector.latest, summary.start() + summary.steps() * summary.step());
        int intervals = (int) Math.max(0, (end - summary.start()) / interval);
        int bookCount = summary.blockCount() * summary.booksPerBlock();
        List<BookSeries> books = new ArrayList<>(bookCount);
        for (int b = 0; b < bookCount; b++) {
            Track track = collector.track(b, end);
            track.replay.finish(end);
            double[] fundamental = new double[0];
            if (reference.isPresent() && intervals > 0) {
                fundamental = reference.get().sample(b, summary.start() + interval, interval, intervals);
                double tick = summary.decimals().price().unit();
                for (int i = 0; i < fundamental.length; i++) {
                    fundamental[i] *= tick;
                }
            }
            books.add(track.series(b, intervals, (int) ((end - summary.start()) / SPREAD_SAMPLE), fundamental));
        }
        return of(interval, summary.decimals(), summary.start(), books);
    }

    /** The facts of given series (tests, other sources). */
    public static MarketFacts of(long interval, BookDecimals decimals, long start, List<BookSeries> books) {
        List<Facts> perBook = books.stream().map(b -> facts(interval, List.of(b))).toList();
        return new MarketFacts(interval, decimals, start, List.copyOf(books), facts(interval, books), perBook);
    }

    /** The facts of some books pooled. */
    static Facts facts(long interval, List<BookSeries> books) {
        List<double[]> returns = new ArrayList<>();
        List<double[]> absolute = new ArrayList<>();
        List<double[]> volumes = new ArrayList<>();
        List<double[]> tradeReturns = new ArrayList<>();
        List<double[]> fundamentalReturns = new ArrayList<>();
        List<double[]> alignedMid = new ArrayList<>();
        List<double[]> alignedFundamental = new ArrayList<>();
        List<List<double[]>> horizons = new ArrayList<>();
        for (int h = 0; h < HORIZONS.length; h++) {
            horizons.add(new ArrayList<>());
        }
        List<Double> standardizedTail = new ArrayList<>();
        long spreadSum = 0;
        int spreadCount = 0;
        int[] spreadsPooled = new int[books.stream().mapToInt(b -> b.spreads().length).sum()];
        long trades = 0;
        long minutesTimesBooks = 0;
        long longestBid = 0;
        long longestAsk = 0;
        double deviationSum = 0;
        int deviationCount = 0;
        for (BookSeries book : books) {
            double[] r = Statistics.logReturns(book.mids());
            if (r.length > 0) {
                returns.add(r);
                absolute.add(Arrays.stream(r).map(Math::abs).toArray());
                double mean = Statistics.mean(r);
                double sd = Math.sqrt(Statistics.variance(r));
                if (sd > 0) {
                    for (double v : r) {
                        standardizedTail.add(Math.abs(v - mean) / sd);
                    }
                }
                // volumes of the intervals the returns end in
                double[] v = new double[r.length];
                int offset = book.mids().length - r.length;
                for (int i = 0; i < r.length; i++) {
                    v[i] = book.volumes()[offset + i];
                }
                volumes.add(v);
            }
            for (int h = 0; h < HORIZONS.length; h++) {
                double[] aggregated = Statistics.aggregatedReturns(book.mids(), HORIZONS[h]);
                if (aggregated.length > 0) {
                    horizons.get(h).add(aggregated);
                }
            }
            double[] lastTrades = Arrays.stream(book.lastTrades()).asDoubleStream().toArray();
            double[] tr = Statistics.logReturns(lastTrades);
            if (tr.length > 0) {
                tradeReturns.add(tr);
            }
            if (book.fundamental().length == book.mids().length && book.fundamental().length > 1) {
                double[] f = Statistics.logReturns(book.fundamental());
                if (f.length > 0) {
                    fundamentalReturns.add(f);
                }
                // returns over intervals where both the mid and the reference exist
                int first = 0;
                while (first < book.mids().length && !(book.mids()[first] > 0 && book.fundamental()[first] > 0)) {
                    first++;
                }
                int n = Math.max(0, book.mids().length - 1 - first);
                double[] m = new double[n];
                double[] g = new double[n];
                for (int i = 0; i < n; i++) {
                    int t = first + 1 + i;
                    m[i] = Math.log(book.mids()[t] / book.mids()[t - 1]);
                    g[i] = Math.log(book.fundamental()[t] / book.fundamental()[t - 1]);
                }
                if (n > 0) {
                    alignedMid.add(m);
                    alignedFundamental.add(g);
                }
            }
            for (int i = 0; i < book.mids().length && i < book.fundamental().length; i++) {
                if (book.mids()[i] > 0 && book.fundamental()[i] > 0) {
                    deviationSum += Math.abs(Math.log(book.mids()[i] / book.fundamental()[i]));
                    deviationCount++;
                }
            }
            for (int s : book.spreads()) {
                if (s >= 0) {
                    spreadsPooled[spreadCount++] = s;
                    spreadSum += s;
                }
            }
            trades += book.tradeCount();
            minutesTimesBooks += book.trades().length;
            longestBid = Math.max(longestBid, book.longestEmptyBid());
            longestAsk = Math.max(longestAsk, book.longestEmptyAsk());
        }
        int n = returns.stream().mapToInt(x -> x.length).sum();
        double[] kurtosis = new double[HORIZONS.length];
        for (int h = 0; h < HORIZONS.length; h++) {
            kurtosis[h] = Statistics.excessKurtosis(horizons.get(h));
        }
        double[] tail = standardizedTail.stream().mapToDouble(Double::doubleValue).toArray();
        double[] acfAbsolute = Statistics.autocorrelation(absolute, MAX_LAG);
        double[] leadLag = new double[LEAD_LAGS + 1];
        for (int k = 0; k <= LEAD_LAGS; k++) {
            leadLag[k] = alignedMid.isEmpty() ? Double.NaN
                    : Statistics.crossCorrelation(alignedFundamental, alignedMid, k);
        }
        double minutes = minutesTimesBooks * (interval / (double) MINUTE);
        return new Facts(n, kurtosis, Statistics.hill(tail, 0.025), Statistics.hill(tail, 0.05),
                Statistics.autocorrelation(returns, MAX_LAG), acfAbsolute, PowerLaw.fit(acfAbsolute),
                n == 0 ? Double.NaN : 1.96 / Math.sqrt(n), Statistics.median(spreadsPooled, spreadCount),
                spreadCount == 0 ? Double.NaN : (double) spreadSum / spreadCount,
                returns.isEmpty() ? Double.NaN : Statistics.crossCorrelation(absolute, volumes, 0),
                minutes == 0 ? Double.NaN : trades / minutes, longestBid, longestAsk,
                tradeReturns.isEmpty() ? Double.NaN : Statistics.autocorrelation(tradeReturns, 1)[0],
                fundamentalReturns.isEmpty() ? Double.NaN : Statistics.autocorrelation(fundamentalReturns, 1)[0],
                leadLag, deviationCount == 0 ? Double.NaN : deviationSum / deviationCount);
    }

    /**
     * The project's targets for a 6 h run of the live configuration, judged on the pooled facts: excess kurtosis of
     * 1-interval returns > 1 and decreasing over 1, 5, 15 intervals; both Hill indices in [2, 5]; |ACF(r, 1)| < 0.05;
     * ACF(|r|) positive through lag 20; median spread ≥ 1 tick and no side of any book empty for more than 1 s.
     */
    public List<Target> targets() {
        Facts f = pooled;
        double[] k = f.excessKurtosis();
        boolean decreasing = k[0] > k[1] && k[1] > k[2];
        double acf1 = f.acfReturns()[0];
        int positive = f.absolutePositiveThrough();
        long longest = Math.max(f.longestEmptyBid(), f.longestEmptyAsk());
        return List.of(
                new Target("kurtosis", "excess kurtosis at 1 interval > 1 and decreasing over 1, 5, 15 intervals",
                        String.format(Locale.ROOT, "%.2f, %.2f, %.2f", k[0], k[1], k[2]), k[0] > 1 && decreasing),
                new Target("hill", "Hill tail index of 1-interval returns in [2, 5] (top 2.5 % and 5 %)",
                        String.format(Locale.ROOT, "%.2f, %.2f", f.hill25(), f.hill5()),
                        inside(f.hill25(), 2, 5) && inside(f.hill5(), 2, 5)),
                new Target("acfReturns1", "|ACF(r, lag 1)| < 0.05", String.format(Locale.ROOT, "%+.3f", acf1),
                        Math.abs(acf1) < 0.05),
                new Target("acfAbsolute", "ACF(|r|) positive through lag 20",
                        "positive through lag " + positive, positive >= 20),
                new Target("spread", "median spread >= 1 tick and no side empty for more than 1 s",
                        String.format(Locale.ROOT, "median %.1f ticks, longest empty side %.3f s", f.medianSpread(),
                                longest / 1e9),
                        f.medianSpread() >= 1 && longest <= SPREAD_SAMPLE));
    }

    private static boolean inside(double value, double low, double high) {
        return value >= low && value <= high;
    }

    /** Per book: its replay and samples, filled as the log is read. */
    private static final class Track {
        private final long interval;
        private final BookReplay replay;
        private long nextSample;
        private long nextSpread;
        private double mid;
        private long lastTrade;
        private double[] mids = new double[64];
        private long[] lastTrades = new long[64];
        private long[] trades = new long[64];
        private long[] volumes = new long[64];
        private int samples;
        private int[] spreads = new int[1024];
        private int spreadSamples;
        private final double[] depthBid = new double[DEPTH_LEVELS];
        private final double[] depthAsk = new double[DEPTH_LEVELS];
        private final long start;

        Track(long interval, long start, long volumeUnit) {
            this.interval = interval;
            this.start = start;
            this.replay = new BookReplay(volumeUnit, start);
            this.nextSample = start + interval;
            this.nextSpread = start + SPREAD_SAMPLE;
        }

        /** Takes every sample due at or before {@code time}: the book as it was before any event at that time. */
        void sampleUntil(long time) {
            while (nextSpread <= time || nextSample <= time) {
                if (nextSpread <= nextSample) {
                    if (spreadSamples == spreads.length) {
                        spreads = Arrays.copyOf(spreads, spreads.length * 2);
                    }
                    long bid = replay.bestBid();
                    long ask = replay.bestAsk();
                    spreads[spreadSamples++] = bid > 0 && ask > 0 ? (int) Math.min(Integer.MAX_VALUE, ask - bid) : -1;
                    nextSpread += SPREAD_SAMPLE;
                } else {
                    grow(samples + 1);
                    long bid = replay.bestBid();
                    long ask = replay.bestAsk();
                    if (bid > 0 && ask > 0) {
                        mid = (bid + ask) / 2.0;
                    }
                    mids[samples] = mid;
                    lastTrades[samples] = lastTrade;
                    replay.addDepth(depthBid, depthAsk);
                    samples++;
                    nextSample += interval;
                }
            }
        }

        void trade(Trade trade) {
            replay.traded(trade);
            long index = Math.max(0, (trade.timestamp() - start) / interval);
            if (index < Integer.MAX_VALUE - 8) {
                grow((int) index + 1);
                trades[(int) index]++;
                volumes[(int) index] += trade.volume();
            }
            lastTrade = trade.price();
        }

        private void grow(int size) {
            if (size > mids.length) {
                int capacity = Math.max(size, mids.length * 2);
                mids = Arrays.copyOf(mids, capacity);
                lastTrades = Arrays.copyOf(lastTrades, capacity);
                trades = Arrays.copyOf(trades, capacity);
                volumes = Arrays.copyOf(volumes, capacity);
            }
        }

        BookSeries series(int bookId, int intervals, int spreadCount, double[] fundamental) {
            grow(intervals);
            int taken = Math.min(samples, intervals);
            double[] bid = new double[DEPTH_LEVELS];
            double[] ask = new double[DEPTH_LEVELS];
            for (int k = 0; k < DEPTH_LEVELS && samples > 0; k++) {
                bid[k] = depthBid[k] / samples;
                ask[k] = depthAsk[k] / samples;
            }
            return new BookSeries(bookId, Arrays.copyOf(mids, taken), Arrays.copyOf(lastTrades, taken),
                    Arrays.copyOf(trades, intervals), Arrays.copyOf(volumes, intervals), fundamental,
                    Arrays.copyOf(spreads, Math.min(spreadSamples, spreadCount)), bid, ask,
                    replay.longestEmptyBid(), replay.longestEmptyAsk(), replay.totalEmptyBid(),
                    replay.totalEmptyAsk());
        }
    }

    /** Routes events to their book's track. */
    private static final class Collector {
        private final long interval;
        private Track[] tracks = new Track[16];
        private long start;
        private long volumeUnit = 1;
        private long latest;

        Collector(long interval) {
            this.interval = interval;
        }

        void header(EventLogReader.Summary header) {
            start = header.start();
            volumeUnit = header.decimals().volume().unit();
            latest = start;
        }

        /** The book's track, sampled up to {@code time}. */
        Track track(int book, long time) {
            if (book >= tracks.length) {
                tracks = Arrays.copyOf(tracks, Math.max(book + 1, tracks.length * 2));
            }
            Track track = tracks[book];
            if (track == null) {
                track = new Track(interval, start, volumeUnit);
                tracks[book] = track;
            }
            track.sampleUntil(time);
            latest = Math.max(latest, time);
            return track;
        }
    }
}
