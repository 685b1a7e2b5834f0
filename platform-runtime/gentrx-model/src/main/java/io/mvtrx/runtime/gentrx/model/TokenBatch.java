package io.mvtrx.runtime.gentrx.model;

import java.util.Objects;

/**
 * A batch of {@code batch} windows of {@code length} tokenised order rows (gentrx.md §4.1), row-major over
 * {@code [batch, length]}, with the labels: the five fields of each row's successor.
 *
 * @param batch          windows
 * @param length         rows per window
 * @param inputs         the rows' five field bins
 * @param lob            book volumes, {@code [batch, length, lobDim]} (ask 1..10, bid 1..10, raw base units)
 * @param timeBucket     time of day in 5 s buckets, 0..17280
 * @param midDeltaBucket clipped mid-price delta shifted by {@code maxMidDelta}, 0..2·maxMidDelta
 * @param labels         the five field bins of the next row, what position t is trained to predict
 */
public record TokenBatch(int batch, int length, FieldTokens inputs, float[] lob, int[] timeBucket,
                         int[] midDeltaBucket, FieldTokens labels) {

    public TokenBatch {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(lob, "lob");
        Objects.requireNonNull(timeBucket, "timeBucket");
        Objects.requireNonNull(midDeltaBucket, "midDeltaBucket");
        Objects.requireNonNull(labels, "labels");
        if (batch < 1 || length < 1) {
            throw new IllegalArgumentException("token batch: batch " + batch + " and length " + length
                    + " must be at least 1");
        }
        int rows = Math.multiplyExact(batch, length);
        if (inputs.rows() != rows || labels.rows() != rows || timeBucket.length != rows
                || midDeltaBucket.length != rows) {
            throw new IllegalArgumentException("token batch: " + batch + "x" + length + " needs " + rows
                    + " rows in every field");
        }
        if (lob.length % rows != 0) {
            throw new IllegalArgumentException("token batch: " + lob.length + " book values do not split into "
                    + rows + " rows");
        }
    }

    public int rows() {
        return batch * length;
    }

    /** Refuses a batch this configuration cannot embed, with the first offending field and row. */
    void validate(ModelConfig config) {
        if (length > config.maxSeqLen()) {
            throw new IllegalArgumentException("token batch: length " + length + " exceeds the model's context "
                    + config.maxSeqLen());
        }
        if (lob.length != rows() * config.lobDim()) {
            throw new IllegalArgumentException("token batch: " + lob.length + " book values, the model needs "
                    + config.lobDim() + " per row (" + rows() * config.lobDim() + ")");
        }
        inputs.checkRange(config, "input");
        labels.checkRange(config, "label");
        for (int row = 0; row < rows(); row++) {
            if (timeBucket[row] < 0 || timeBucket[row] >= ModelConfig.TIME_BUCKETS) {
                throw new IllegalArgumentException("token batch: time bucket at row " + row + " is " + timeBucket[row]
                        + ", outside 0.." + (ModelConfig.TIME_BUCKETS - 1));
            }
            if (midDeltaBucket[row] < 0 || midDeltaBucket[row] >= config.midDeltaBuckets()) {
                throw new IllegalArgumentException("token batch: mid-delta bucket at row " + row + " is "
                        + midDeltaBucket[row] + ", outside 0.." + (config.midDeltaBuckets() - 1));
            }
        }
    }

    /** Windows {@code [from, to)} of this batch as a batch of their own (arrays copied). */
    public TokenBatch windows(int from, int to) {
        if (from < 0 || to > batch || from >= to) {
            throw new IllegalArgumentException("token batch: windows " + from + ".." + to + " outside 0.." + batch);
        }
        int start = from * length;
        int end = to * length;
        int lobPerRow = lob.length / rows();
        return new TokenBatch(to - from, length, slice(inputs, start, end),
                java.util.Arrays.copyOfRange(lob, start * lobPerRow, end * lobPerRow),
                java.util.Arrays.copyOfRange(timeBucket, start, end),
                java.util.Arrays.copyOfRange(midDeltaBucket, start, end), slice(labels, start, end));
    }

    private static FieldTokens slice(FieldTokens tokens, int start, int end) {
        return new FieldTokens(java.util.Arrays.copyOfRange(tokens.orderType(), start, end),
                java.util.Arrays.copyOfRange(tokens.price(), start, end),
                java.util.Arrays.copyOfRange(tokens.volInt(), start, end),
                java.util.Arrays.copyOfRange(tokens.volDec(), start, end),
                java.util.Arrays.copyOfRange(tokens.interval(), start, end));
    }
}
