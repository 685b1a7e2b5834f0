package io.mvtrx.runtime.exchange.state;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Scale;

/**
 * One book's decimals and the exchange limits converted to them, fixed at construction.
 *
 * @param bookId       book
 * @param price        price decimals (P)
 * @param volume       volume decimals (V)
 * @param base         base balance decimals (B), {@code >= V}
 * @param quote        quote balance decimals (Q)
 * @param minOrderSize smallest traded quantity at V, at least one lot
 * @param maxLeverage  largest leverage at V
 * @param initialPrice price before the first trade, at P
 */
public record BookRules(int bookId, int price, int volume, int base, int quote, long minOrderSize, long maxLeverage,
                        long initialPrice) {

    /** Converts the exchange's decimal limits to one book's scales (truncating, never below one lot). */
    public static BookRules of(int bookId, BookDecimals decimals, BigDecimal minOrderSize, BigDecimal maxLeverage,
                               BigDecimal initialPrice) {
        long min = Math.max(1, decimals.volume().toScaled(minOrderSize, RoundingMode.DOWN));
        long price = Math.max(1, decimals.price().toScaled(initialPrice, RoundingMode.DOWN));
        return new BookRules(bookId, decimals.price().decimals(), decimals.volume().decimals(),
                decimals.base().decimals(), decimals.quote().decimals(), min,
                decimals.volume().toScaled(maxLeverage, RoundingMode.DOWN), price);
    }

    /** One whole unit at the volume decimals (leverage 1.0). */
    public long volumeUnit() {
        return Scale.pow10(volume);
    }
}
