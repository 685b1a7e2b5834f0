package io.mvtrx.runtime.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed scrape in the text format {@link PrometheusText} writes: samples by series ({@code name} or
 * {@code name{label="value"}}, exactly as written) and the family types. What an operator's tooling, a smoke check
 * or a test reads back from {@code /metrics}.
 *
 * @param samples value by series, in scrape order
 * @param types   {@code counter}, {@code gauge} or {@code histogram} by family name
 */
public record Scrape(Map<String, Double> samples, Map<String, String> types) {

    public Scrape {
        samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }

    /**
     * Parses exposition text.
     *
     * @throws IllegalArgumentException naming the line, if a line is neither a comment nor {@code series value}
     */
    public static Scrape parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring("# TYPE ".length()).split(" ");
                if (parts.length != 2) {
                    throw new IllegalArgumentException(String.format("line %d: bad TYPE line: %s", number, line));
                }
                types.put(parts[0], parts[1]);
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                throw new IllegalArgumentException(String.format("line %d: not 'series value': %s", number, line));
            }
            String value = line.substring(space + 1);
            double parsed;
            try {
                parsed = switch (value) {
                    case "+Inf" -> Double.POSITIVE_INFINITY;
                    case "-Inf" -> Double.NEGATIVE_INFINITY;
                    default -> Double.parseDouble(value);
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(String.format("line %d: bad value '%s': %s", number, value, line),
                        e);
            }
            samples.put(line.substring(0, space), parsed);
        }
        return new Scrape(samples, types);
    }

    /** The value of a series, e.g. {@code mvtrx_validator_timeouts_total} or {@code x{reason="CAP"}}. */
    public Optional<Double> value(String series) {
        return Optional.ofNullable(samples.get(series));
    }

    /**
     * The value of a series that must be there.
     *
     * @throws IllegalArgumentException naming the series, if it is not
     */
    public double require(String series) {
        return value(series).orElseThrow(() -> new IllegalArgumentException("no series " + series + " in the "
                + "scrape"));
    }

    /** Metric names present: every sample's name without labels (histograms give their _bucket, _sum, _count). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        for (String series : samples.keySet()) {
            int brace = series.indexOf('{');
            names.add(brace < 0 ? series : series.substring(0, brace));
        }
        return names;
    }
}
