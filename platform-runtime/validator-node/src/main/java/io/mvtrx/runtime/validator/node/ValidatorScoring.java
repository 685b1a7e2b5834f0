package io.mvtrx.runtime.validator.node;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.spi.scoring.RealizedSeries;
import io.mvtrx.api.spi.scoring.ScoringMetric;

/**
 * The one place the validator loop meets the scoring pipeline (protocol.md §6-7): trades in, scores and weights
 * out. Everything the loop needs from scoring goes through these methods, so another pipeline can replace this
 * class without touching the loop.
 *
 * <ul>
 *   <li>{@link #onTrade}: FIFO realized P&L per uid and book ({@link FifoPnl}); a trade that closes an earlier lot
 *       marks the book active (the reference's activity factor with its default parameters is exactly this: 0 until
 *       the first round trip, 1 after);</li>
 *   <li>{@link #observe}: closes one publish; every publish is one observation for every uid, zero where nothing was
 *       realized (stored sparsely: only non-zero values are kept);</li>
 *   <li>{@link #score}: per uid and book the Kappa metric (a plugin, {@code kappa3}) over the Kappa lookback and the
 *       P&L summed over the PnL lookback, then {@link MinerScores} (Kappa, PnL and trading scores),
 *       {@link RewardShaping} (soft floor, Pareto by rank, moving average).</li>
 * </ul>
 *
 * <p>A book without any realized P&L in the window is given no Kappa without calling the metric (Kappa-3 needs
 * three non-zero observations anyway). Open FIFO lots are not part of the saved state: the state is saved to resume
 * after a restart, and a restart begins a new simulation whose accounts start flat.
 *
 * <p>Not thread-safe: the validator loop owns it.
 */
public final class ValidatorScoring {

    private final ScoringSettings settings;
    private final ScoringMetric metric;
    private final Series grid = new Series();
    private int uids;
    private int books;
    private double minerWealth;
    private Series[][] pnl;
    private FifoPnl[][] fifo;
    private boolean[][] active;
    private double[] ema;
    private MinerReport[] reports;

    /**
     * @param settings    windows and weights
     * @param metric      the per-book Kappa metric
     * @param uids        uids scored ({@code 0..uids-1}), the length of the score vector
     * @param books       books of the simulation
     * @param minerWealth the reference wealth of a miner's account, QUOTE (volume cap and PnL normalization)
     */
    public ValidatorScoring(ScoringSettings settings, ScoringMetric metric, int uids, int books,
                            double minerWealth) {
        this.settings = settings;
        this.metric = metric;
        this.pnl = new Series[0][];
        this.fifo = new FifoPnl[0][];
        this.active = new boolean[0][];
        this.ema = new double[0];
        this.reports = new MinerReport[0];
        resize(uids, books, minerWealth);
    }

    /**
     * Adapts to a new simulation's shape, keeping what is known: histories of uids and books that remain are kept,
     * the others dropped; new uids start at score 0.
     */
    public void resize(int uidCount, int bookCount, double wealth) {
        if (uidCount < 1 || bookCount < 1) {
            throw new IllegalArgumentException(String.format("need at least one uid and one book, got %d and %d",
                    uidCount, bookCount));
        }
        if (!(wealth > 0)) {
            throw new IllegalArgumentException("miner wealth must be > 0, got " + wealth);
        }
        Series[][] newPnl = new Series[uidCount][bookCount];
        FifoPnl[][] newFifo = new FifoPnl[uidCount][bookCount];
        boolean[][] newActive = new boolean[uidCount][bookCount];
        for (int u = 0; u < Math.min(uidCount, pnl.length); u++) {
            for (int b = 0; b < Math.min(bookCount, pnl[u].length); b++) {
                newPnl[u][b] = pnl[u][b];
                newFifo[u][b] = fifo[u][b];
                newActive[u][b] = active[u][b];
            }
        }
        this.pnl = newPnl;
        this.fifo = newFifo;
        this.active = newActive;
        this.ema = Arrays.copyOf(ema, uidCount);
        this.reports = Arrays.copyOf(reports, uidCount);
        this.uids = uidCount;
        this.books = bookCount;
        this.minerWealth = wealth;
    }

    /** Accounts one of a uid's trades, reported in the publish at {@code timestamp}. */
    public void onTrade(int uid, long timestamp, TradeNotice notice, BookDecimals decimals) {
        Trade trade = notice.trade();
        int book = trade.bookId();
        if (uid < 0 || uid >= uids || book < 0 || book >= books || trade.volume() <= 0) {
            return;
        }
        boolean buy = notice.asMaker() ? trade.takerSide() == Side.SELL : trade.takerSide() == Side.BUY;
        double quantity = decimals.volume().toDouble(trade.volume());
        double price = decimals.price().toDouble(trade.price());
        double fee = decimals.quote().toDouble(notice.asMaker() ? trade.makerFee() : trade.takerFee());
        FifoPnl lots = fifo[uid][book];
        if (lots == null) {
            lots = fifo[uid][book] = new FifoPnl();
        }
        FifoPnl.Realization realized = lots.trade(buy, quantity, price, fee);
        if (realized.closedQuantity() > 0) {
            active[uid][book] = true;
        }
        if (realized.pnl() != 0) {
            Series series = pnl[uid][book];
            if (series == null) {
                series = pnl[uid][book] = new Series();
            }
            series.add(timestamp, realized.pnl());
        }
    }

    /** Closes the publish at {@code timestamp}: one observation for every uid; drops history beyond the windows. */
    public void observe(long timestamp) {
        if (grid.size() > 0 && timestamp <= grid.last()) {
            return;
        }
        grid.add(timestamp, 0);
        grid.pruneBefore(timestamp - settings.history());
    }

    /** Whether the publish at {@code timestamp} is a scoring one. */
    public boolean due(long timestamp) {
        return timestamp % settings.interval() == 0;
    }

    /** Scores every uid as of the last observation and folds the rewards into the moving average. */
    public void score() {
        if (grid.size() == 0) {
            return;
        }
        long latest = grid.last();
        int first = grid.firstAtOrAfter(latest - settings.kappaLookback());
        int count = grid.size() - first;
        boolean longEnough = grid.time(grid.size() - 1) - grid.time(first) >= settings.kappaMinLookback();
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = grid.time(first + i);
        }
        double reference = minerWealth * settings.pnlLookback() / 86_400_000_000_000.0;
        double[] trading = new double[uids];
        double[][] kappas = new double[uids][];
        double[][] pnls = new double[uids][];
        double[] kappaScores = new double[uids];
        double[] pnlScores = new double[uids];
        for (int u = 0; u < uids; u++) {
            double[] kappa = new double[books];
            double[] factor = new double[books];
            double[] sums = new double[books];
            for (int b = 0; b < books; b++) {
                Series series = pnl[u][b];
                kappa[b] = Double.NaN;
                factor[b] = active[u][b] ? 1 : 0;
                if (series == null) {
                    continue;
                }
                series.pruneBefore(latest - settings.history());
                sums[b] = series.sumFrom(latest - settings.pnlLookback());
                if (longEnough && series.countFrom(times[0]) > 0) {
                    kappa[b] = metric.evaluate(new RealizedSeries(times, series.dense(times)))
                            .orElse(Double.NaN);
                }
            }
            kappas[u] = kappa;
            pnls[u] = sums;
            kappaScores[u] = MinerScores.kappaScore(kappa, factor, settings.weights());
            pnlScores[u] = MinerScores.pnlScore(sums, reference, settings.weights());
            trading[u] = MinerScores.tradingScore(kappaScores[u], pnlScores[u], settings.weights());
        }
        double[] rewards = RewardShaping.paretoReshape(RewardShaping.softFloor(trading, settings.weights()));
        RewardShaping.movingAverage(ema, rewards, settings.weights());
        for (int u = 0; u < uids; u++) {
            reports[u] = new MinerReport(u, kappas[u], pnls[u], kappaScores[u], pnlScores[u], trading[u],
                    rewards[u], ema[u]);
        }
    }

    /** Forgets everything about a uid (deregistered, or its account was reset): histories, lots, score. */
    public void reset(int uid) {
        if (uid < 0 || uid >= uids) {
            return;
        }
        Arrays.fill(pnl[uid], null);
        Arrays.fill(fifo[uid], null);
        Arrays.fill(active[uid], false);
        ema[uid] = 0;
        reports[uid] = null;
    }

    /**
     * A new simulation restarts the clock: every stored time moves by {@code delta} ns so the windows carry over
     * (reference: {@code new = start - (oldEnd - t)}), and open lots are dropped since accounts start flat.
     */
    public void shift(long delta) {
        grid.shift(delta);
        for (Series[] row : pnl) {
            for (Series series : row) {
                if (series != null) {
                    series.shift(delta);
                }
            }
        }
        for (FifoPnl[] row : fifo) {
            Arrays.fill(row, null);
        }
    }

    /** The moving-average score of every uid. */
    public double[] scores() {
        return ema.clone();
    }

    /** A uid's scores as of the last scoring, or null before the first (or right after a reset). */
    public MinerReport report(int uid) {
        return uid >= 0 && uid < uids ? reports[uid] : null;
    }

    /**
     * Weights for the chain from the moving-average scores of {@code registered} uids: shifted by the minimum if any
     * is negative, normalized to sum 1, zero weights left out; empty when no score is positive (the chain refuses
     * all-zero weights).
     */
    public Map<Integer, Double> weights(Collection<Integer> registered) {
        Map<Integer, Double> raw = new LinkedHashMap<>();
        double min = 0;
        for (int uid : registered) {
            if (uid >= 0 && uid < uids) {
                raw.put(uid, ema[uid]);
                min = Math.min(min, ema[uid]);
            }
        }
        double sum = 0;
        for (Map.Entry<Integer, Double> e : raw.entrySet()) {
            e.setValue(e.getValue() - min);
            sum += e.getValue();
        }
        if (!(sum > 0)) {
            return Map.of();
        }
        Map<Integer, Double> weights = new LinkedHashMap<>();
        for (Map.Entry<Integer, Double> e : raw.entrySet()) {
            if (e.getValue() > 0) {
                weights.put(e.getKey(), e.getValue() / sum);
            }
        }
        return weights;
    }

    /** Writes the histories and scores (not the open lots). */
    public void write(DataOutput out) throws IOException {
        out.writeInt(uids);
        out.writeInt(books);
        grid.write(out);
        for (int u = 0; u < uids; u++) {
            out.writeDouble(ema[u]);
            for (int b = 0; b < books; b++) {
                out.writeBoolean(active[u][b]);
                Series series = pnl[u][b];
                if (series == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(b);
                    series.write(out);
                }
            }
        }
    }

    /** Replaces the state with one written by {@link #write}, reshaped to the current uid and book counts. */
    public void read(DataInput in) throws IOException {
        int savedUids = Checkpoints.count(in.readInt(), "uids");
        int savedBooks = Checkpoints.count(in.readInt(), "books");
        Series savedGrid = Series.read(in);
        double[] savedEma = new double[savedUids];
        Series[][] savedPnl = new Series[savedUids][savedBooks];
        boolean[][] savedActive = new boolean[savedUids][savedBooks];
        for (int u = 0; u < savedUids; u++) {
            savedEma[u] = in.readDouble();
            for (int b = 0; b < savedBooks; b++) {
                savedActive[u][b] = in.readBoolean();
                int marker = in.readInt();
                if (marker != -1 && marker != b) {
                    throw new IOException(String.format("uid %d book %d history is misplaced (marker %d)", u, b,
                            marker));
                }
                if (marker == b) {
                    savedPnl[u][b] = Series.read(in);
                }
            }
        }
        grid.clear();
        grid.addAll(savedGrid);
        for (int u = 0; u < uids; u++) {
            Arrays.fill(fifo[u], null);
            Arrays.fill(pnl[u], null);
            Arrays.fill(active[u], false);
            ema[u] = u < savedUids ? savedEma[u] : 0;
            reports[u] = null;
            for (int b = 0; u < savedUids && b < Math.min(books, savedBooks); b++) {
                pnl[u][b] = savedPnl[u][b];
                active[u][b] = savedActive[u][b];
            }
        }
    }

    /**
     * Time-ordered (time, value) pairs with a moving head: appends at the end, prunes at the front. Values of the same
     * time are summed.
     */
    private static final class Series {
        private long[] times = new long[8];
        private double[] values = new double[8];
        private int head;
        private int end;

        int size() {
            return end - head;
        }

        long time(int i) {
            return times[head + i];
        }

        long last() {
            return times[end - 1];
        }

        void add(long time, double value) {
            if (end > head && times[end - 1] == time) {
                values[end - 1] += value;
                return;
            }
            if (end == times.length) {
                int n = size();
                if (head > times.length / 2) {
                    System.arraycopy(times, head, times, 0, n);
                    System.arraycopy(values, head, values, 0, n);
                } else {
                    times = Arrays.copyOfRange(times, head, head + Math.max(8, n * 2));
                    values = Arrays.copyOfRange(values, head, head + Math.max(8, n * 2));
                }
                head = 0;
                end = n;
            }
            times[end] = time;
            values[end] = value;
            end++;
        }

        void addAll(Series other) {
            for (int i = 0; i < other.size(); i++) {
                add(other.time(i), other.values[other.head + i]);
            }
        }

        void clear() {
            head = 0;
            end = 0;
        }

        void pruneBefore(long oldest) {
            while (head < end && times[head] < oldest) {
                head++;
            }
        }

        /** Index (from the head) of the first entry at or after {@code time}; {@code size()} if none. */
        int firstAtOrAfter(long time) {
            int lo = head;
            int hi = end;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (times[mid] < time) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo - head;
        }

        int countFrom(long time) {
            return size() - firstAtOrAfter(time);
        }

        double sumFrom(long time) {
            double sum = 0;
            for (int i = head + firstAtOrAfter(time); i < end; i++) {
                sum += values[i];
            }
            return sum;
        }

        /** The values on the grid {@code at} (ascending), zero where this series has no entry. */
        double[] dense(long[] at) {
            double[] out = new double[at.length];
            int j = 0;
            for (int i = head + firstAtOrAfter(at[0]); i < end; i++) {
                while (j < at.length && at[j] < times[i]) {
                    j++;
                }
                if (j < at.length && at[j] == times[i]) {
                    out[j] = values[i];
                }
            }
            return out;
        }

        void shift(long delta) {
            for (int i = head; i < end; i++) {
                times[i] += delta;
            }
        }

        void write(DataOutput out) throws IOException {
            out.writeInt(size());
            for (int i = head; i < end; i++) {
                out.writeLong(times[i]);
                out.writeDouble(values[i]);
            }
        }

        static Series read(DataInput in) throws IOException {
            Series series = new Series();
            int n = Checkpoints.count(in.readInt(), "history entries");
            for (int i = 0; i < n; i++) {
                long time = in.readLong();
                if (series.size() > 0 && time <= series.last()) {
                    throw new IOException(String.format("history times must increase, got %d after %d", time,
                            series.last()));
                }
                series.add(time, in.readDouble());
            }
            return series;
        }
    }
}
