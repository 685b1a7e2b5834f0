package io.mvtrx.api.spi.fees;

import io.mvtrx.api.number.BookDecimals;

/**
 * The exchange a fee policy serves.
 *
 * @param bookCount number of books (ids 0..bookCount-1)
 * @param decimals  the books' decimals (volumes a policy records are at the quote decimals)
 */
public record FeeContext(int bookCount, BookDecimals decimals) {
}
