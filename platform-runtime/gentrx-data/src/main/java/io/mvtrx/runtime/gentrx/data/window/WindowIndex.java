package io.mvtrx.runtime.gentrx.data.window;

import java.util.Arrays;
import java.util.List;

/**
 * The windows over a list of files (reference gentrx.md §4.4): files are concatenated logically, and file f
 * contributes {@code max(0, rows_f - seqLen)} windows, so no window spans two files (a window needs
 * {@code seqLen + 1} rows: inputs and the next row's labels). Global window numbers run file by file.
 * Immutable; safe from any thread.
 */
public final class WindowIndex {

    private final int seqLen;
    private final int[] rows;
    private final long[] firstWindow;
    private final long windows;

    /**
     * @param rowsPerFile rows of each file, in the dataset's file order
     * @param seqLen      input rows per window, at least 1
     */
    public WindowIndex(List<Integer> rowsPerFile, int seqLen) {
        if (seqLen < 1) {
            throw new IllegalArgumentException("seqLen must be >= 1, got " + seqLen);
        }
        this.seqLen = seqLen;
        this.rows = new int[rowsPerFile.size()];
        this.firstWindow = new long[rowsPerFile.size() + 1];
        for (int f = 0; f < rows.length; f++) {
            int n = rowsPerFile.get(f);
            if (n < 0) {
                throw new IllegalArgumentException(String.format("file %d has a negative row count %d", f, n));
            }
            rows[f] = n;
            firstWindow[f + 1] = firstWindow[f] + windowsIn(f);
        }
        this.windows = firstWindow[rows.length];
    }

    /** Input rows per window. */
    public int seqLen() {
        return seqLen;
    }

    /** Files. */
    public int files() {
        return rows.length;
    }

    /** All windows. */
    public long windows() {
        return windows;
    }

    /** Windows in file {@code f}: {@code max(0, rows - seqLen)}. */
    public int windowsIn(int f) {
        return Math.max(0, rows[f] - seqLen);
    }

    /** Global number of the first window of file {@code f}. */
    public long firstWindow(int f) {
        return firstWindow[f];
    }

    /** The window with global number {@code i}. */
    public Window window(long i) {
        if (i < 0 || i >= windows) {
            throw new IndexOutOfBoundsException(String.format("window %d of %d", i, windows));
        }
        int f = Arrays.binarySearch(firstWindow, i);
        if (f < 0) {
            f = -f - 2;
        } else {
            // Files without windows share their start with the next file: take the last file starting there.
            while (f + 1 < rows.length && firstWindow[f + 1] == i) {
                f++;
            }
        }
        return new Window(f, (int) (i - firstWindow[f]));
    }
}
