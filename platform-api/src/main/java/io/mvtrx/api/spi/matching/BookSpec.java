package io.mvtrx.api.spi.matching;

import io.mvtrx.api.number.BookDecimals;

/**
 * What a new book needs to know.
 *
 * @param bookId         book id
 * @param decimals       price/volume/base/quote decimals
 * @param expectedOrders resting orders to size pools for up front (a hint; the book grows past it)
 */
public record BookSpec(int bookId, BookDecimals decimals, int expectedOrders) {

    public BookSpec {
        if (bookId < 0) {
            throw new IllegalArgumentException("bookId must be >= 0, got " + bookId);
        }
        if (expectedOrders < 0) {
            throw new IllegalArgumentException("expectedOrders must be >= 0, got " + expectedOrders);
        }
    }
}
