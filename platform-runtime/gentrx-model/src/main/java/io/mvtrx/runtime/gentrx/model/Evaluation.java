package io.mvtrx.runtime.gentrx.model;

import java.util.Map;

/**
 * The scoring-path loss of one batch: rows with a non-finite loss in any field are dropped from every field, each
 * field is averaged over the surviving rows, and the fields are combined with the training weights.
 *
 * @param loss          weighted loss over surviving rows; NaN when every row was dropped
 * @param fieldLosses   mean per-row loss of each field over surviving rows
 * @param rows          rows in the batch
 * @param survivingRows rows whose five field losses were all finite
 */
public record Evaluation(double loss, Map<Field, Double> fieldLosses, int rows, int survivingRows) {

    public Evaluation {
        fieldLosses = Map.copyOf(fieldLosses);
    }

    /** Applies the masking rule to per-row losses, {@code rowLosses.get(field)[row]}. */
    public static Evaluation ofRowLosses(Map<Field, float[]> rowLosses) {
        int rows = rowLosses.get(Field.ORDER_TYPE).length;
        boolean[] keep = new boolean[rows];
        int surviving = 0;
        for (int row = 0; row < rows; row++) {
            boolean finite = true;
            for (Field field : Field.values()) {
                finite &= Float.isFinite(rowLosses.get(field)[row]);
            }
            keep[row] = finite;
            surviving += finite ? 1 : 0;
        }
        var means = new java.util.EnumMap<Field, Double>(Field.class);
        double total = 0;
        for (Field field : Field.values()) {
            double sum = 0;
            float[] values = rowLosses.get(field);
            for (int row = 0; row < rows; row++) {
                if (keep[row]) {
                    sum += values[row];
                }
            }
            // Order-type class weights are all 1.0, so Σ w_y·l / Σ w_y is the plain mean over survivors.
            double mean = surviving == 0 ? Double.NaN : sum / surviving;
            means.put(field, mean);
            total += field.lossWeight() * mean;
        }
        return new Evaluation(total, means, rows, surviving);
    }
}
