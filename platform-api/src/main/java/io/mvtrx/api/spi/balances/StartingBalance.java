package io.mvtrx.api.spi.balances;

/**
 * An account's starting holdings on one book.
 *
 * @param base  at the base decimals
 * @param quote at the quote decimals
 */
public record StartingBalance(long base, long quote) {

    public StartingBalance {
        if (base < 0 || quote < 0) {
            throw new IllegalArgumentException("starting balances must be >= 0, got base " + base + " quote " + quote);
        }
    }
}
