package io.mvtrx.runtime.metrics;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes metrics in the Prometheus text exposition format 0.0.4: one {@code # HELP} and {@code # TYPE} line per
 * family, then its samples. Every name gets the writer's prefix ({@code mvtrx_validator_}, {@code mvtrx_miner_},
 * {@code mvtrx_chain_}); counters get the {@code _total} suffix. A family written twice is a bug, refused.
 *
 * <p>One writer per scrape; not thread-safe.
 */
public final class PrometheusText {

    /** The {@code Content-Type} of a scrape. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final String prefix;
    private final StringBuilder out = new StringBuilder(4_096);
    private final Set<String> families = new HashSet<>();

    /**
     * @param prefix prepended to every family name, e.g. {@code mvtrx_miner_}
     * @throws IllegalArgumentException if it is not a valid metric-name start
     */
    public PrometheusText(String prefix) {
        if (!NAME.matcher(prefix).matches()) {
            throw new IllegalArgumentException("not a metric name prefix: '" + prefix + "'");
        }
        this.prefix = prefix;
    }

    /** A counter {@code PREFIX NAME _total}. */
    public PrometheusText counter(String name, String help, long value) {
        String family = header(name + "_total", "counter", help);
        out.append(family).append(' ').append(value).append('\n');
        return this;
    }

    /** A counter family with one label, one sample per entry (in the map's order). */
    public PrometheusText counter(String name, String help, String label, Map<String, Long> values) {
        String family = header(name + "_total", "counter", help);
        checkLabel(label);
        for (Map.Entry<String, Long> e : values.entrySet()) {
            sample(family, label, e.getKey()).append(e.getValue()).append('\n');
        }
        return this;
    }

    /** A gauge. */
    public PrometheusText gauge(String name, String help, double value) {
        String family = header(name, "gauge", help);
        out.append(family).append(' ').append(number(value)).append('\n');
        return this;
    }

    /** A gauge family with one label, one sample per entry (in the map's order). */
    public PrometheusText gauge(String name, String help, String label, Map<String, Double> values) {
        String family = header(name, "gauge", help);
        checkLabel(label);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            sample(family, label, e.getKey()).append(number(e.getValue())).append('\n');
        }
        return this;
    }

    /** A histogram: cumulative {@code _bucket} samples with {@code le}, then {@code _sum} and {@code _count}. */
    public PrometheusText histogram(String name, String help, Histogram.Snapshot snapshot) {
        String family = header(name, "histogram", help);
        double[] bounds = snapshot.bounds();
        long[] cumulative = snapshot.cumulative();
        for (int i = 0; i < bounds.length; i++) {
            sample(family + "_bucket", "le", number(bounds[i])).append(cumulative[i]).append('\n');
        }
        sample(family + "_bucket", "le", "+Inf").append(snapshot.count()).append('\n');
        out.append(family).append("_sum ").append(number(snapshot.sum())).append('\n');
        out.append(family).append("_count ").append(snapshot.count()).append('\n');
        return this;
    }

    /** The text so far. */
    @Override
    public String toString() {
        return out.toString();
    }

    private String header(String name, String type, String help) {
        String family = prefix + name;
        if (!NAME.matcher(family).matches()) {
            throw new IllegalArgumentException("not a metric name: '" + family + "'");
        }
        if (!families.add(family)) {
            throw new IllegalStateException("metric " + family + " written twice in one scrape");
        }
        out.append("# HELP ").append(family).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(family).append(' ').append(type).append('\n');
        return family;
    }

    private StringBuilder sample(String family, String label, String value) {
        return out.append(family).append('{').append(label).append("=\"").append(escapeLabel(value)).append("\"} ");
    }

    private static void checkLabel(String label) {
        if (!LABEL.matcher(label).matches() || label.startsWith("__")) {
            throw new IllegalArgumentException("not a label name: '" + label + "'");
        }
    }

    /** A sample value: integers without a fraction, others in Java's shortest round-trip form. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value).toLowerCase(Locale.ROOT);
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
