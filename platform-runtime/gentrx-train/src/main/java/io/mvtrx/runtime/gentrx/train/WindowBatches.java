package io.mvtrx.runtime.gentrx.train;

import java.util.List;

import io.mvtrx.runtime.gentrx.data.token.TokenizedPage;
import io.mvtrx.runtime.gentrx.data.window.Window;
import io.mvtrx.runtime.gentrx.model.FieldTokens;
import io.mvtrx.runtime.gentrx.model.TokenBatch;

/**
 * Windows of tokenised pages as the model's batches (gentrx.md §4.4): window {@code (file, start)} feeds rows
 * {@code start .. start+seqLen-1} of its page and is labelled with the five fields of rows
 * {@code start+1 .. start+seqLen} (each position predicts the next order).
 */
public final class WindowBatches {

    private WindowBatches() {
    }

    /** One batch of the given windows, in order. */
    public static TokenBatch batch(List<TokenizedPage> pages, List<Window> windows, int seqLen) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one window");
        }
        int rows = Math.multiplyExact(windows.size(), seqLen);
        int[][] in = new int[5][rows];
        int[][] out = new int[5][rows];
        float[] lob = new float[rows * TokenizedPage.LOB_WIDTH];
        int[] time = new int[rows];
        int[] mid = new int[rows];
        int row = 0;
        for (Window window : windows) {
            TokenizedPage page = pages.get(window.file());
            if (window.start() < 0 || window.start() + seqLen >= page.rows()) {
                throw new IllegalArgumentException("window " + window + " needs rows " + window.start() + ".."
                        + (window.start() + seqLen) + " of a page of " + page.rows());
            }
            for (int t = 0; t < seqLen; t++, row++) {
                int at = window.start() + t;
                copyFields(page, at, in, row);
                copyFields(page, at + 1, out, row);
                System.arraycopy(page.lob(), at * TokenizedPage.LOB_WIDTH, lob, row * TokenizedPage.LOB_WIDTH,
                        TokenizedPage.LOB_WIDTH);
                time[row] = page.timeBucket()[at];
                mid[row] = page.midDeltaBucket()[at];
            }
        }
        return new TokenBatch(windows.size(), seqLen, tokens(in), lob, time, mid, tokens(out));
    }

    private static void copyFields(TokenizedPage page, int at, int[][] into, int row) {
        into[0][row] = page.orderType()[at];
        into[1][row] = page.price()[at];
        into[2][row] = page.volInt()[at];
        into[3][row] = page.volDec()[at];
        into[4][row] = page.interval()[at];
    }

    private static FieldTokens tokens(int[][] fields) {
        return new FieldTokens(fields[0], fields[1], fields[2], fields[3], fields[4]);
    }
}
