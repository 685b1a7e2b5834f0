package io.mvtrx.runtime.exchange;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.mvtrx.api.number.BookDecimals;

/**
 * The shape and limits of one exchange, validated when built; every message names the key, the constraint and the
 * value received. Amounts are decimals here (the configuration's text); the engine converts them once per book to
 * that book's scales.
 *
 * @param books             one entry per book (ids 0..n-1): price, volume, base and quote decimals. Volume decimals
 *                          may not exceed base decimals (a traded lot must fit a balance); all books share one quote
 *                          precision (fee policies see one quote scale)
 * @param minOrderSize      smallest traded (leveraged) quantity, base units; truncated to each book's lot and never
 *                          below one lot
 * @param maxOpenOrders     open limit orders per agent per book
 * @param maxLeverage       largest leverage an order may ask for (0 disables leverage)
 * @param maxLoan           largest total loan per agent per book, in quote
 * @param maintenanceMargin margin-call threshold, within [0, 1/(2·(1+maxLeverage))]
 * @param initialPrice      the price a book reports before its first trade
 * @param maxDepth          levels per side in a published snapshot
 * @param detailedDepth     of those, how many carry their orders (capped at {@code maxDepth})
 * @param expectedOrders    open orders per book to size pools for (a hint; pools grow past it)
 */
public record ExchangeSpec(
        List<BookDecimals> books,
        BigDecimal minOrderSize,
        int maxOpenOrders,
        BigDecimal maxLeverage,
        BigDecimal maxLoan,
        BigDecimal maintenanceMargin,
        BigDecimal initialPrice,
        int maxDepth,
        int detailedDepth,
        int expectedOrders) {

    /** No limit on open orders. */
    public static final int UNLIMITED_ORDERS = Integer.MAX_VALUE;

    public ExchangeSpec {
        if (books == null || books.isEmpty()) {
            throw invalid("books", "at least one book", books == null ? "null" : "[]");
        }
        books = List.copyOf(books);
        int quote = books.getFirst().quote().decimals();
        for (int b = 0; b < books.size(); b++) {
            BookDecimals d = books.get(b);
            if (d.volume().decimals() > d.base().decimals()) {
                throw invalid("books[" + b + "].volumeDecimals", "<= baseDecimals (" + d.base().decimals() + ")",
                        Integer.toString(d.volume().decimals()));
            }
            if (d.quote().decimals() != quote) {
                throw invalid("books[" + b + "].quoteDecimals", "equal to book 0's (" + quote + ")",
                        Integer.toString(d.quote().decimals()));
            }
        }
        requireNonNegative("minOrderSize", minOrderSize);
        if (maxOpenOrders < 1) {
            throw invalid("maxOpenOrders", ">= 1", Integer.toString(maxOpenOrders));
        }
        requireNonNegative("maxLeverage", maxLeverage);
        requireNonNegative("maxLoan", maxLoan);
        requireNonNegative("maintenanceMargin", maintenanceMargin);
        // the intended bound 1/(2(1+maxLeverage)); the reference computes 1/volumeDecimals by mistake (054 §4.2)
        BigDecimal bound = BigDecimal.ONE.divide(BigDecimal.TWO.multiply(BigDecimal.ONE.add(maxLeverage)),
                MathContext.DECIMAL64);
        if (maintenanceMargin.compareTo(bound) > 0) {
            throw invalid("maintenanceMargin", "<= 1/(2·(1+maxLeverage)) = " + bound.stripTrailingZeros()
                    .toPlainString(), maintenanceMargin.toPlainString());
        }
        if (initialPrice == null || initialPrice.signum() <= 0) {
            throw invalid("initialPrice", "> 0", initialPrice == null ? "null" : initialPrice.toPlainString());
        }
        if (maxDepth < 1) {
            throw invalid("maxDepth", ">= 1", Integer.toString(maxDepth));
        }
        if (detailedDepth < 0) {
            throw invalid("detailedDepth", ">= 0", Integer.toString(detailedDepth));
        }
        detailedDepth = Math.min(detailedDepth, maxDepth);
        if (expectedOrders < 0) {
            throw invalid("expectedOrders", ">= 0", Integer.toString(expectedOrders));
        }
    }

    /**
     * The production exchange of simulator-054.md §5: decimals 2/4/4/10, minimum size 0.25, 100 open orders per
     * agent and book, leverage up to 4, loans up to 10 000, maintenance margin 0.10, initial price 300, 21 levels
     * of which 5 detailed.
     */
    public static ExchangeSpec production(int bookCount) {
        return new ExchangeSpec(Collections.nCopies(bookCount, BookDecimals.REFERENCE), new BigDecimal("0.25"), 100,
                new BigDecimal("4"), new BigDecimal("10000"), new BigDecimal("0.10"), new BigDecimal("300"), 21, 5,
                1024);
    }

    /**
     * A permissive exchange for tests and tools: the given decimals on every book, one-lot minimum, no limit on
     * open orders, no leverage, initial price 1, 21 levels of which 5 detailed.
     */
    public static ExchangeSpec simple(int bookCount, BookDecimals decimals) {
        return new ExchangeSpec(Collections.nCopies(bookCount, decimals), BigDecimal.ZERO, UNLIMITED_ORDERS,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, 21, 5, 1024);
    }

    /** Number of books. */
    public int bookCount() {
        return books.size();
    }

    /** The decimals of one book. */
    public BookDecimals decimals(int bookId) {
        return books.get(bookId);
    }

    /** A copy with another minimum order size. */
    public ExchangeSpec withMinOrderSize(BigDecimal size) {
        return new ExchangeSpec(books, size, maxOpenOrders, maxLeverage, maxLoan, maintenanceMargin, initialPrice,
                maxDepth, detailedDepth, expectedOrders);
    }

    /** A copy with another open-order limit. */
    public ExchangeSpec withMaxOpenOrders(int orders) {
        return new ExchangeSpec(books, minOrderSize, orders, maxLeverage, maxLoan, maintenanceMargin, initialPrice,
                maxDepth, detailedDepth, expectedOrders);
    }

    /** A copy with other leverage limits. */
    public ExchangeSpec withLeverage(BigDecimal leverage, BigDecimal loan, BigDecimal margin) {
        return new ExchangeSpec(books, minOrderSize, maxOpenOrders, leverage, loan, margin, initialPrice, maxDepth,
                detailedDepth, expectedOrders);
    }

    /** A copy with another initial price. */
    public ExchangeSpec withInitialPrice(BigDecimal price) {
        return new ExchangeSpec(books, minOrderSize, maxOpenOrders, maxLeverage, maxLoan, maintenanceMargin, price,
                maxDepth, detailedDepth, expectedOrders);
    }

    /** A copy with other snapshot depths. */
    public ExchangeSpec withDepth(int levels, int detailed) {
        return new ExchangeSpec(books, minOrderSize, maxOpenOrders, maxLeverage, maxLoan, maintenanceMargin,
                initialPrice, levels, detailed, expectedOrders);
    }

    /** A copy with per-book decimals. */
    public ExchangeSpec withBooks(List<BookDecimals> decimals) {
        return new ExchangeSpec(new ArrayList<>(decimals), minOrderSize, maxOpenOrders, maxLeverage, maxLoan,
                maintenanceMargin, initialPrice, maxDepth, detailedDepth, expectedOrders);
    }

    /** A copy with another pool-size hint. */
    public ExchangeSpec withExpectedOrders(int orders) {
        return new ExchangeSpec(books, minOrderSize, maxOpenOrders, maxLeverage, maxLoan, maintenanceMargin,
                initialPrice, maxDepth, detailedDepth, orders);
    }

    private static void requireNonNegative(String key, BigDecimal value) {
        if (value == null || value.signum() < 0) {
            throw invalid(key, ">= 0", value == null ? "null" : value.toPlainString());
        }
    }

    private static IllegalArgumentException invalid(String key, String constraint, String value) {
        return new IllegalArgumentException(
                String.format("exchange spec: '%s' must be %s, got %s", key, constraint, value));
    }
}
