package io.mvtrx.runtime.gentrx.data.window;

/**
 * One training window: inputs are rows {@code start .. start + seqLen - 1} of one file, labels the predicted fields
 * of rows {@code start + 1 .. start + seqLen}.
 *
 * @param file  index of the file in the {@link WindowIndex}
 * @param start first input row in that file
 */
public record Window(int file, int start) {
}
