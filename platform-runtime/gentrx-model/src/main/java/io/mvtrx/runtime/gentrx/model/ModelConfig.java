package io.mvtrx.runtime.gentrx.model;

import java.util.List;

/**
 * The shape of an order model (gentrx.md §4.5 {@code model_config}). Vocabularies and conditioning widths are fixed
 * by the tokenizer; width, depth and FiLM placement vary between the reference and the tiny test configuration.
 *
 * @param nTypes        order-type classes
 * @param nPriceBins    price bins
 * @param nVolIntBins   integer-volume bins
 * @param nVolDecBins   decimal-volume bins
 * @param nIntervalBins inter-arrival bins
 * @param dModel        model width
 * @param nLayers       decoder layers
 * @param nHeads        attention heads; {@code dModel / nHeads} must be even (rotary halves)
 * @param dFf           feed-forward width
 * @param maxSeqLen     longest window the model accepts
 * @param lobDim        book conditioning values per row (10 ask + 10 bid volumes)
 * @param maxMidDelta   mid-delta clip; the embedding has {@code 2·maxMidDelta + 1} rows
 * @param filmLayers    0-based layers after which FiLM modulation is applied
 * @param filmDCond     FiLM hidden width
 * @param timeHidden    hidden width of the time-of-day MLP
 */
public record ModelConfig(int nTypes, int nPriceBins, int nVolIntBins, int nVolDecBins, int nIntervalBins,
                          int dModel, int nLayers, int nHeads, int dFf, int maxSeqLen, int lobDim, int maxMidDelta,
                          List<Integer> filmLayers, int filmDCond, int timeHidden) {

    /** Seconds per time-of-day bucket (tokenizer {@code time_bin_seconds}). */
    public static final int TIME_BIN_SECONDS = 5;
    /** Time-of-day buckets: 86400 / 5 + 1. */
    public static final int TIME_BUCKETS = 86_400 / TIME_BIN_SECONDS + 1;

    public ModelConfig {
        filmLayers = List.copyOf(filmLayers);
        positive("nTypes", nTypes);
        positive("nPriceBins", nPriceBins);
        positive("nVolIntBins", nVolIntBins);
        positive("nVolDecBins", nVolDecBins);
        positive("nIntervalBins", nIntervalBins);
        positive("dModel", dModel);
        positive("nLayers", nLayers);
        positive("nHeads", nHeads);
        positive("dFf", dFf);
        positive("maxSeqLen", maxSeqLen);
        positive("lobDim", lobDim);
        positive("maxMidDelta", maxMidDelta);
        positive("filmDCond", filmDCond);
        positive("timeHidden", timeHidden);
        if (dModel % nHeads != 0 || (dModel / nHeads) % 2 != 0) {
            throw new IllegalArgumentException("model config: dModel " + dModel + " must split into " + nHeads
                    + " heads of even width");
        }
        for (int layer : filmLayers) {
            if (layer < 0 || layer >= nLayers) {
                throw new IllegalArgumentException("model config: FiLM layer " + layer + " outside 0.." + (nLayers - 1));
            }
        }
    }

    /** The reference model: d 288, 8 layers, 8 heads, FFN 1152, FiLM after layers 2, 5 and 7 (12,058,801 parameters). */
    public static ModelConfig reference() {
        return new ModelConfig(5, 100, 64, 8, 64, 288, 8, 8, 1152, 2048, 20, 2000, List.of(2, 5, 7), 64, 64);
    }

    /** A small model with the reference vocabularies for tests and local runs: d 32, 2 layers, 2 heads, FFN 64. */
    public static ModelConfig tiny() {
        return new ModelConfig(5, 100, 64, 8, 64, 32, 2, 2, 64, 512, 20, 2000, List.of(1), 16, 16);
    }

    public int headDim() {
        return dModel / nHeads;
    }

    public int midDeltaBuckets() {
        return 2 * maxMidDelta + 1;
    }

    /** Width of the FiLM conditioning vector: sin, cos of the time of day and the book volumes. */
    public int condDim() {
        return 2 + lobDim;
    }

    /** Classes per predicted field, in {@link Field} order. */
    public int classes(Field field) {
        return switch (field) {
            case ORDER_TYPE -> nTypes;
            case PRICE -> nPriceBins;
            case VOL_INT -> nVolIntBins;
            case VOL_DEC -> nVolDecBins;
            case INTERVAL -> nIntervalBins;
        };
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("model config: " + name + " must be at least 1, was " + value);
        }
    }
}
