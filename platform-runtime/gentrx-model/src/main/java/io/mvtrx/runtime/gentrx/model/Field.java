package io.mvtrx.runtime.gentrx.model;

/**
 * The five predicted fields of an order row, with their reference names (state-dict {@code heads.<name>}) and loss
 * weights (gentrx.md §4.3). Order type is a nominal class and uses plain cross-entropy; the others are ordinal bins
 * and use soft targets.
 */
public enum Field {
    ORDER_TYPE("order_type", "emb_type", 2.0f, false),
    PRICE("price", "emb_price", 1.5f, true),
    VOL_INT("vol_int", "emb_vol_int", 0.5f, true),
    VOL_DEC("vol_dec", "emb_vol_dec", 0.5f, true),
    INTERVAL("interval", "emb_interval", 0.3f, true);

    private final String referenceName;
    private final String embeddingName;
    private final float lossWeight;
    private final boolean ordinalBins;

    Field(String referenceName, String embeddingName, float lossWeight, boolean ordinal) {
        this.referenceName = referenceName;
        this.embeddingName = embeddingName;
        this.lossWeight = lossWeight;
        this.ordinalBins = ordinal;
    }

    public String referenceName() {
        return referenceName;
    }

    String embeddingName() {
        return embeddingName;
    }

    public float lossWeight() {
        return lossWeight;
    }

    public boolean ordinalBins() {
        return ordinalBins;
    }
}
