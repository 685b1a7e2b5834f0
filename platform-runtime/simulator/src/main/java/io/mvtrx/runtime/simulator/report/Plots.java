package io.mvtrx.runtime.simulator.report;

import java.awt.AWTError;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.HeadlessException;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * PNG plots of a run's {@link MarketFacts}, drawn with the JDK alone (headless AWT, ImageIO):
 *
 * <ul>
 *   <li>{@code prices.png} — the mid of books 0–3 at the end of each interval over simulated hours, each with its
 *       fundamental price (dashed) when known;</li>
 *   <li>{@code spread.png} — the distribution of the spread in ticks, one-second samples of all books;</li>
 *   <li>{@code depth.png} — the mean volume of the 1st..21st best level of each side, all books;</li>
 *   <li>{@code returns.png} — the distribution of standardized 1-interval returns (all books) on a log scale beside
 *       the standard normal density;</li>
 *   <li>{@code autocorrelation.png} — autocorrelation of returns and of absolute returns at lags 1..50 with the 95 %
 *       band of an uncorrelated series and the power law fitted to the latter.</li>
 * </ul>
 *
 * <p>Stateless. Cost: proportional to the number of samples.
 */
public final class Plots {

    /** The files {@link #write} produces, in order. */
    public static final List<String> FILES = List.of("prices.png", "spread.png", "depth.png", "returns.png",
            "autocorrelation.png");

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final int PRICE_BOOKS = 4;
    private static final Color[] PALETTE = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127),
        new Color(188, 189, 34), new Color(23, 190, 207),
    };

    private Plots() {
    }

    /**
     * Writes the plots of {@link #FILES} into {@code directory} (created if needed).
     *
     * @return the files written
     * @throws IOException if a file cannot be written, or the JDK cannot draw (no fonts, no graphics environment)
     */
    public static List<Path> write(MarketFacts facts, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        try {
            List<BufferedImage> images = List.of(prices(facts), spread(facts), depth(facts), returns(facts),
                    autocorrelation(facts));
            for (int i = 0; i < images.size(); i++) {
                files.add(png(images.get(i), directory.resolve(FILES.get(i))));
            }
        } catch (AWTError | HeadlessException e) {
            throw new IOException("cannot draw plots in this JDK: " + e, e);
        }
        return files;
    }

    private static Path png(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JDK");
        }
        return file;
    }

    static BufferedImage prices(MarketFacts facts) {
        double tick = facts.decimals().price().unit();
        double hours = (double) facts.interval() / 3_600_000_000_000L;
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        int length = 0;
        List<MarketFacts.BookSeries> shown = facts.books().subList(0, Math.min(PRICE_BOOKS, facts.books().size()));
        for (MarketFacts.BookSeries book : shown) {
            length = Math.max(length, book.mids().length);
            for (double p : book.mids()) {
                if (p > 0) {
                    low = Math.min(low, p / tick);
                    high = Math.max(high, p / tick);
                }
            }
            for (double f : book.fundamental()) {
                if (f > 0 && Double.isFinite(f)) {
                    low = Math.min(low, f / tick);
                    high = Math.max(high, f / tick);
                }
            }
        }
        if (low > high) {
            low = 0;
            high = 1;
        }
        double pad = Math.max((high - low) * 0.05, 0.01);
        boolean fundamental = shown.stream().anyMatch(b -> b.fundamental().length > 0);
        Chart chart = new Chart("Mid price at the end of each " + minutes(facts.interval()) + " interval, books 0-"
                + (shown.size() - 1) + (fundamental ? " (dashed: fundamental)" : ""), "simulated hours", "price", 0,
                Math.max(length * hours, hours), low - pad, high + pad, false);
        Stroke solid = new BasicStroke(1.3f);
        Stroke dashed = new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 4},
                0);
        for (int b = 0; b < shown.size(); b++) {
            MarketFacts.BookSeries book = shown.get(b);
            chart.g.setColor(PALETTE[b % PALETTE.length]);
            double[] mids = book.mids();
            chart.g.setStroke(solid);
            chart.g.draw(line(chart, mids, tick, hours));
            if (book.fundamental().length > 0) {
                chart.g.setStroke(dashed);
                chart.g.draw(line(chart, book.fundamental(), tick, hours));
            }
        }
        return chart.done();
    }

    /** A polyline through the positive values (ticks), value i at x = (i+1)·step, y = value/tick. */
    private static Path2D.Double line(Chart chart, double[] values, double tick, double step) {
        Path2D.Double line = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || !Double.isFinite(values[i])) {
                continue;
            }
            double x = chart.x((i + 1) * step);
            double y = chart.y(values[i] / tick);
            if (started) {
                line.lineTo(x, y);
            } else {
                line.moveTo(x, y);
                started = true;
            }
        }
        return line;
    }

    static BufferedImage spread(MarketFacts facts) {
        int count = 0;
        for (MarketFacts.BookSeries book : facts.books()) {
            for (int s : book.spreads()) {
                if (s >= 0) {
                    count++;
                }
            }
        }
        int[] all = new int[count];
        int n = 0;
        for (MarketFacts.BookSeries book : facts.books()) {
            for (int s : book.spreads()) {
                if (s >= 0) {
                    all[n++] = s;
                }
            }
        }
        Arrays.sort(all);
        int top = n == 0 ? 10 : Math.max(10, all[Math.min(n - 1, (int) (0.99 * n))]);
        int bins = Math.min(100, top);
        double binWidth = (double) top / bins;
        long[] counts = new long[bins];
        long maxCount = 1;
        for (int i = 0; i < n; i++) {
            int bin = (int) Math.min(bins - 1, all[i] / binWidth);
            if (all[i] <= top) {
                counts[bin]++;
                maxCount = Math.max(maxCount, counts[bin]);
            }
        }
        MarketFacts.Facts f = facts.pooled();
        Chart chart = new Chart(String.format(Locale.ROOT,
                "Spread, 1-s samples of all books (median %.1f, mean %.1f ticks; 99 %% below %d)", f.medianSpread(),
                f.meanSpread(), top), "spread (ticks)", "share of samples", 0, top, 0, (double) maxCount / Math.max(1,
                n) * 1.1, false);
        chart.g.setColor(PALETTE[0]);
        for (int b = 0; b < bins; b++) {
            double x0 = chart.x(b * binWidth);
            double x1 = chart.x((b + 1) * binWidth);
            double y = chart.y((double) counts[b] / Math.max(1, n));
            chart.g.fillRect((int) x0, (int) y, Math.max(1, (int) (x1 - x0) - 1), (int) (chart.y(0) - y));
        }
        return chart.done();
    }

    static BufferedImage depth(MarketFacts facts) {
        int levels = MarketFacts.DEPTH_LEVELS;
        double unit = facts.decimals().volume().unit();
        double[] bid = new double[levels];
        double[] ask = new double[levels];
        int books = Math.max(1, facts.books().size());
        double high = 1e-9;
        for (MarketFacts.BookSeries book : facts.books()) {
            for (int k = 0; k < levels; k++) {
                bid[k] += book.depthBid()[k] / unit / books;
                ask[k] += book.depthAsk()[k] / unit / books;
            }
        }
        for (int k = 0; k < levels; k++) {
            high = Math.max(high, Math.max(bid[k], ask[k]));
        }
        Chart chart = new Chart(String.format(Locale.ROOT, "Mean volume of the k-th best level at the %s sample "
                + "times, mean of all books", minutes(facts.interval())), "level (bids negative, asks positive)",
                "volume (base)", -levels - 0.5, levels + 0.5, 0, high * 1.1, false);
        double width = (chart.x(1) - chart.x(0)) * 0.7;
        for (int k = 1; k <= levels; k++) {
            bar(chart, -k, bid[k - 1], width, PALETTE[2]);
            bar(chart, k, ask[k - 1], width, PALETTE[3]);
        }
        chart.legend(new String[] {"bids", "asks"}, new Color[] {PALETTE[2], PALETTE[3]});
        return chart.done();
    }

    static BufferedImage autocorrelation(MarketFacts facts) {
        MarketFacts.Facts f = facts.pooled();
        double[] r = f.acfReturns();
        double[] a = f.acfAbsolute();
        int lags = MarketFacts.MAX_LAG;
        double high = 0.1;
        double low = -0.1;
        PowerLaw fit = f.absolutePowerLaw();
        for (int k = 0; k < lags; k++) {
            high = finiteMax(high, r[k], a[k], f.band(), fit.at(k + 1));
            low = finiteMin(low, r[k], a[k], -f.band());
        }
        Chart chart = new Chart(String.format(Locale.ROOT, "Autocorrelation of %s mid returns (%d returns); "
                + "|r| fit A·k^-%.2f", minutes(facts.interval()), f.returns(), fit.exponent()), "lag",
                "autocorrelation", 0.5, lags + 0.5, low * 1.1, high * 1.1, false);
        double width = (chart.x(1) - chart.x(0)) * 0.38;
        for (int k = 1; k <= lags; k++) {
            bar(chart, k - 0.2, r[k - 1], width, PALETTE[0]);
            bar(chart, k + 0.2, a[k - 1], width, PALETTE[1]);
        }
        Stroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4},
                0);
        if (Double.isFinite(f.band())) {
            chart.g.setStroke(dashed);
            chart.g.setColor(Color.GRAY);
            for (double level : new double[] {f.band(), -f.band()}) {
                chart.g.drawLine(LEFT, (int) chart.y(level), WIDTH - RIGHT, (int) chart.y(level));
            }
        }
        if (Double.isFinite(fit.exponent())) {
            Path2D.Double curve = new Path2D.Double();
            for (int k = 1; k <= lags; k++) {
                double x = chart.x(k);
                double y = chart.y(fit.at(k));
                if (k == 1) {
                    curve.moveTo(x, y);
                } else {
                    curve.lineTo(x, y);
                }
            }
            chart.g.setStroke(new BasicStroke(2f));
            chart.g.setColor(PALETTE[3]);
            chart.g.draw(curve);
        }
        chart.legend(new String[] {"returns", "|returns|", "95 % band", "power-law fit"}, new Color[] {PALETTE[0],
            PALETTE[1], Color.GRAY, PALETTE[3]});
        return chart.done();
    }

    static BufferedImage returns(MarketFacts facts) {
        double binWidth = 0.25;
        int bins = 48;
        long[] counts = new long[bins];
        long n = 0;
        for (MarketFacts.BookSeries book : facts.books()) {
            double[] r = Statistics.logReturns(book.mids());
            double mean = Statistics.mean(r);
            double variance = Statistics.variance(r);
            if (r.length == 0 || variance == 0) {
                continue;
            }
            double sd = Math.sqrt(variance);
            for (double v : r) {
                int bin = (int) Math.floor(((v - mean) / sd + bins * binWidth / 2) / binWidth);
                if (bin >= 0 && bin < bins) {
                    counts[bin]++;
                }
                n++;
            }
        }
        double floor = n == 0 ? 1e-4 : Math.min(1e-4, 0.5 / (n * binWidth));
        double[] k = facts.pooled().excessKurtosis();
        Chart chart = new Chart(String.format(Locale.ROOT, "Standardized %s mid returns, all books (excess kurtosis "
                        + "%.2f; over 5 and 15: %.2f, %.2f)", minutes(facts.interval()), k[0], k[1], k[2]),
                "standard deviations", "density (log scale)", -bins * binWidth / 2, bins * binWidth / 2,
                Math.log10(floor), 0, true);
        for (int i = 0; i < bins; i++) {
            if (counts[i] == 0) {
                continue;
            }
            double density = counts[i] / (n * binWidth);
            double x0 = chart.x(-bins * binWidth / 2 + i * binWidth);
            double x1 = chart.x(-bins * binWidth / 2 + (i + 1) * binWidth);
            double y = chart.y(Math.log10(density));
            chart.g.setColor(PALETTE[0]);
            chart.g.fillRect((int) x0, (int) y, Math.max(1, (int) (x1 - x0) - 1), (int) (chart.y(Math.log10(floor))
                    - y));
        }
        Path2D.Double normal = new Path2D.Double();
        boolean started = false;
        for (double z = -bins * binWidth / 2; z <= bins * binWidth / 2; z += 0.05) {
            double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
            if (density < floor) {
                started = false;
                continue;
            }
            double x = chart.x(z);
            double y = chart.y(Math.log10(density));
            if (started) {
                normal.lineTo(x, y);
            } else {
                normal.moveTo(x, y);
                started = true;
            }
        }
        chart.g.setColor(PALETTE[3]);
        chart.g.setStroke(new BasicStroke(2f));
        chart.g.draw(normal);
        chart.legend(new String[] {"simulated", "standard normal"}, new Color[] {PALETTE[0], PALETTE[3]});
        return chart.done();
    }

    private static void bar(Chart chart, double at, double value, double width, Color color) {
        if (!Double.isFinite(value)) {
            return;
        }
        double x = chart.x(at) - width / 2;
        double zero = chart.y(0);
        double y = chart.y(value);
        chart.g.setColor(color);
        chart.g.fillRect((int) x, (int) Math.min(y, zero), Math.max(1, (int) width), (int) Math.abs(zero - y));
    }

    private static double finiteMax(double current, double... values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                current = Math.max(current, v);
            }
        }
        return current;
    }

    private static double finiteMin(double current, double... values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                current = Math.min(current, v);
            }
        }
        return current;
    }

    private static String minutes(long interval) {
        return interval % 60_000_000_000L == 0 ? interval / 60_000_000_000L + "-minute"
                : String.format(Locale.ROOT, "%.3f-s", interval / 1e9);
    }

    /** A plotting area with axes, ticks, a title and axis labels. */
    private static final class Chart {
        private final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        private final Graphics2D g = image.createGraphics();
        private final double xMin;
        private final double xMax;
        private final double yMin;
        private final double yMax;

        Chart(String title, String xLabel, String yLabel, double xMin, double xMax, double yMin, double yMax,
              boolean logY) {
            this.xMin = xMin;
            this.xMax = xMax > xMin ? xMax : xMin + 1;
            this.yMin = yMin;
            this.yMax = yMax > yMin ? yMax : yMin + 1;
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics metrics = g.getFontMetrics();
            g.setColor(new Color(235, 235, 235));
            for (double tick : ticks(this.yMin, this.yMax)) {
                g.drawLine(LEFT, (int) y(tick), WIDTH - RIGHT, (int) y(tick));
            }
            g.setColor(Color.DARK_GRAY);
            g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
            for (double tick : ticks(this.xMin, this.xMax)) {
                int x = (int) x(tick);
                g.drawLine(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4);
                String text = label(tick);
                g.drawString(text, x - metrics.stringWidth(text) / 2, HEIGHT - BOTTOM + 18);
            }
            for (double tick : ticks(this.yMin, this.yMax)) {
                int y = (int) y(tick);
                g.drawLine(LEFT - 4, y, LEFT, y);
                String text = logY ? "1e" + label(tick) : label(tick);
                g.drawString(text, LEFT - 8 - metrics.stringWidth(text), y + 4);
            }
            g.drawString(xLabel, LEFT + (WIDTH - LEFT - RIGHT - metrics.stringWidth(xLabel)) / 2, HEIGHT - 18);
            g.rotate(-Math.PI / 2);
            g.drawString(yLabel, -(TOP + (HEIGHT - TOP - BOTTOM + metrics.stringWidth(yLabel)) / 2), 18);
            g.rotate(Math.PI / 2);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, LEFT, TOP - 18);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setClip(LEFT + 1, TOP + 1, WIDTH - LEFT - RIGHT - 1, HEIGHT - TOP - BOTTOM - 1);
            g.setStroke(new BasicStroke(1.3f));
        }

        double x(double value) {
            return LEFT + (value - xMin) / (xMax - xMin) * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return HEIGHT - BOTTOM - (value - yMin) / (yMax - yMin) * (HEIGHT - TOP - BOTTOM);
        }

        void legend(String[] names, Color[] colors) {
            int x = WIDTH - RIGHT - 150;
            int y = TOP + 12;
            for (int i = 0; i < names.length; i++) {
                g.setColor(colors[i]);
                g.fillRect(x, y + i * 18 - 9, 14, 10);
                g.setColor(Color.DARK_GRAY);
                g.drawString(names[i], x + 20, y + i * 18);
            }
        }

        BufferedImage done() {
            g.dispose();
            return image;
        }

        /** About six round tick values covering [low, high]. */
        private static List<Double> ticks(double low, double high) {
            double raw = (high - low) / 6;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = magnitude;
            for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                if (m * magnitude >= raw) {
                    step = m * magnitude;
                    break;
                }
            }
            List<Double> ticks = new ArrayList<>();
            for (double t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) {
                ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
            }
            return ticks;
        }

        private static String label(double value) {
            if (value == Math.rint(value) && Math.abs(value) < 1e9) {
                return Long.toString((long) value);
            }
            String text = String.format(Locale.ROOT, "%.4f", value);
            return text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
    }
}
