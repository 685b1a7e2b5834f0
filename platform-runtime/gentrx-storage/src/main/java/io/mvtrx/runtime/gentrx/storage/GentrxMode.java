package io.mvtrx.runtime.gentrx.storage;

import java.util.Locale;

/** The market a shard's data comes from ({@code gentrx/<network>/<mode>/...}); one gradient server runs per mode. */
public enum GentrxMode {
    SIMULATION("simulation"),
    EXCHANGE("exchange");

    private final String segment;

    GentrxMode(String segment) {
        this.segment = segment;
    }

    /** The key segment: {@code simulation} or {@code exchange}. */
    public String segment() {
        return segment;
    }

    /**
     * The mode with that key segment, any case.
     *
     * @throws IllegalArgumentException listing the accepted names
     */
    public static GentrxMode of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "simulation" -> SIMULATION;
            case "exchange" -> EXCHANGE;
            default -> throw new IllegalArgumentException(String.format(
                    "unknown GenTRX mode '%s' (simulation, exchange)", name));
        };
    }
}
