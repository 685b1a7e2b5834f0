package io.mvtrx.runtime.simulator.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mvtrx.api.event.Trade;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.runtime.simulator.log.EventLogReader;

/**
 * Stylized facts of a simulated market, computed from its event log ({@code events.l3}) alone: every book's last
 * trade price at the end of each interval (one minute by default; carried forward through intervals without a trade),
 * the log returns between consecutive intervals once a book has traded, and over all books together:
 *
 * <ul>
 *   <li>the excess kurtosis of the returns, each book's standardized by its own standard deviation (heavy tails: &gt; 0;
 *       a normal distribution gives 0);</li>
 *   <li>the autocorrelation of the returns at lags 1..{@value #LAGS} (absence of linear predictability: near 0) and of
 *       their absolute values (volatility clustering: positive, slowly decaying), each the ratio of the lagged
 *       cross-products to the squares summed over books of their own demeaned series;</li>
 *   <li>the 95 % band {@code ±1.96/√n} of an uncorrelated series of the same length.</li>
 * </ul>
 *
 * Intervals in which a book has not yet traded give no return; an interval without a trade gives a return of 0.
 *
 * @param interval      sampling interval, ns
 * @param decimals      the books' decimals
 * @param start         simulation start, ns
 * @param books         per canonical book, its sampled prices (price ticks, 0 before its first trade) and trade count
 * @param returns       returns used, all books
 * @param excessKurtosis pooled excess kurtosis of the standardized returns (NaN with fewer than 4 returns)
 * @param acfReturns    autocorrelation of returns at lags 1..{@value #LAGS}
 * @param acfAbsolute   autocorrelation of absolute returns at lags 1..{@value #LAGS}
 * @param band          {@code 1.96/√returns}
 */
public record MarketFacts(long interval, BookDecimals decimals, long start, List<BookSeries> books, int returns,
                          double excessKurtosis, double[] acfReturns, double[] acfAbsolute, double band) {

    /** Lags of the autocorrelations. */
    public static final int LAGS = 20;

    /** The default sampling interval: one minute. */
    public static final long MINUTE = 60_000_000_000L;

    /**
     * One book's sampled prices.
     *
     * @param bookId canonical book id
     * @param prices last trade price at the end of each interval, price ticks; 0 before the book's first trade
     * @param trades trades in the log
     */
    public record BookSeries(int bookId, long[] prices, long trades) {
    }

    /**
     * Reads a log and computes the facts.
     *
     * @param interval sampling interval, ns, > 0
     * @throws IOException if the log cannot be read
     */
    public static MarketFacts fromLog(Path log, long interval) throws IOException {
        if (interval <= 0) {
            throw new IllegalArgumentException("interval must be > 0 ns, got " + interval);
        }
        Sampler sampler = new Sampler(interval);
        EventLogReader.Summary summary = EventLogReader.read(log, event -> {
            if (event instanceof Trade trade) {
                sampler.trade(trade);
            }
        });
        sampler.start = summary.start();
        int bookCount = summary.blockCount() * summary.booksPerBlock();
        int intervals = sampler.intervals(summary);
        List<BookSeries> books = new ArrayList<>(bookCount);
        for (int b = 0; b < bookCount; b++) {
            books.add(new BookSeries(b, sampler.series(b, intervals), sampler.trades(b)));
        }
        return of(interval, summary.decimals(), summary.start(), books);
    }

    /** The facts of given price series (tests, other sources). */
    public static MarketFacts of(long interval, BookDecimals decimals, long start, List<BookSeries> books) {
        List<double[]> returns = new ArrayList<>();
        for (BookSeries book : books) {
            double[] r = logReturns(book.prices());
            if (r.length > 0) {
                returns.add(r);
            }
        }
        int n = returns.stream().mapToInt(r -> r.length).sum();
        List<double[]> absolute = returns.stream().map(r -> Arrays.stream(r).map(Math::abs).toArray()).toList();
        return new MarketFacts(interval, decimals, start, List.copyOf(books), n, excessKurtosis(returns),
                autocorrelation(returns), autocorrelation(absolute), n == 0 ? Double.NaN : 1.96 / Math.sqrt(n));
    }

    /** Log returns between consecutive prices once the first positive price was seen. */
    static double[] logReturns(long[] prices) {
        int first = 0;
        while (first < prices.length && prices[first] <= 0) {
            first++;
        }
        if (first >= prices.length - 1) {
            return new double[0];
        }
        double[] r = new double[prices.length - 1 - first];
        for (int t = first + 1; t < prices.length; t++) {
            r[t - first - 1] = Math.log((double) prices[t] / prices[t - 1]);
        }
        return r;
    }

    /** Pooled excess kurtosis of the series, each standardized by its own mean and standard deviation. */
    static double excessKurtosis(List<double[]> series) {
        double m4 = 0;
        int n = 0;
        for (double[] x : series) {
            double mean = mean(x);
            double variance = 0;
            for (double v : x) {
                variance += (v - mean) * (v - mean);
            }
            variance /= x.length;
            if (variance == 0) {
                continue;
            }
            for (double v : x) {
                double z = (v - mean) * (v - mean) / variance;
                m4 += z * z;
            }
            n += x.length;
        }
        return n < 4 ? Double.NaN : m4 / n - 3;
    }

    /** Pooled autocorrelation at lags 1..{@link #LAGS}: Σ lagged cross-products / Σ squares, each series demeaned. */
    static double[] autocorrelation(List<double[]> series) {
        double[] cross = new double[LAGS];
        double squares = 0;
        for (double[] x : series) {
            double mean = mean(x);
            for (int t = 0; t < x.length; t++) {
                double d = x[t] - mean;
                squares += d * d;
                for (int k = 1; k <= LAGS && t + k < x.length; k++) {
                    cross[k - 1] += d * (x[t + k] - mean);
                }
            }
        }
        double[] acf = new double[LAGS];
        for (int k = 0; k < LAGS; k++) {
            acf[k] = squares == 0 ? Double.NaN : cross[k] / squares;
        }
        return acf;
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return x.length == 0 ? 0 : sum / x.length;
    }

    /** Collects the last trade price of each book in each interval. */
    private static final class Sampler {
        private final long interval;
        private long start;
        private long[][] last = new long[16][];
        private long[] trades = new long[16];
        private long latest;

        Sampler(long interval) {
            this.interval = interval;
        }

        void trade(Trade trade) {
            int book = trade.bookId();
            if (book >= last.length) {
                int size = Math.max(book + 1, last.length * 2);
                last = Arrays.copyOf(last, size);
                trades = Arrays.copyOf(trades, size);
            }
            // buckets of absolute time; series() starts at the start's bucket
            int bucket = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(0, trade.timestamp() / interval));
            long[] prices = last[book];
            if (prices == null) {
                prices = new long[Math.max(64, bucket + 1)];
                last[book] = prices;
            } else if (bucket >= prices.length) {
                prices = Arrays.copyOf(prices, Math.max(bucket + 1, prices.length * 2));
                last[book] = prices;
            }
            prices[bucket] = trade.price();
            trades[book]++;
            latest = Math.max(latest, trade.timestamp());
        }

        int intervals(EventLogReader.Summary summary) {
            long end = Math.max(latest, summary.start() + summary.steps() * summary.step());
            return (int) Math.max(1, (end - summary.start() + interval - 1) / interval);
        }

        long trades(int book) {
            return book < trades.length ? trades[book] : 0;
        }

        /** The last price of each interval from the start's on, carried forward through intervals without one. */
        long[] series(int book, int intervals) {
            long[] out = new long[intervals];
            long[] prices = book < last.length ? last[book] : null;
            long price = 0;
            long first = start / interval;
            for (int i = 0; i < intervals; i++) {
                long bucket = first + i;
                if (prices != null && bucket < prices.length && prices[(int) bucket] != 0) {
                    price = prices[(int) bucket];
                }
                out[i] = price;
            }
            return out;
        }
    }
}
