package io.mvtrx.runtime.validator.scoring;

import java.util.Arrays;

/**
 * One uid's Kappa-3 figures for a scoring round (the reference's {@code kappa_values[uid]}). Absent values are
 * null, as the reference's None.
 *
 * @param books             raw Kappa-3 per book, null where the book could not be scored
 * @param average           mean of the books' values, null if none
 * @param median            median of the books' values, null if none
 * @param total             Kappa-3 of the P&L summed over books, times {@code min(non-zero/min observations, 1)}
 * @param normalizedAverage {@code average} mapped onto [0, 1]
 * @param normalizedMedian  {@code median} mapped onto [0, 1]
 * @param normalizedTotal   {@code total} mapped onto [0, 1]
 */
public record KappaResult(Double[] books, Double average, Double median, Double total, Double normalizedAverage,
        Double normalizedMedian, Double normalizedTotal) {

    public KappaResult {
        books = books.clone();
    }

    @Override
    public Double[] books() {
        return books.clone();
    }

    /** Book {@code b}'s value, null if it could not be scored. */
    public Double book(int b) {
        return books[b];
    }

    /** Number of books. */
    public int bookCount() {
        return books.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KappaResult other && Arrays.equals(books, other.books)
                && java.util.Objects.equals(average, other.average) && java.util.Objects.equals(median, other.median)
                && java.util.Objects.equals(total, other.total)
                && java.util.Objects.equals(normalizedAverage, other.normalizedAverage)
                && java.util.Objects.equals(normalizedMedian, other.normalizedMedian)
                && java.util.Objects.equals(normalizedTotal, other.normalizedTotal);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(Arrays.hashCode(books), average, median, total);
    }

    @Override
    public String toString() {
        return "KappaResult[books=" + Arrays.toString(books) + ", average=" + average + ", median=" + median
                + ", total=" + total + "]";
    }
}
