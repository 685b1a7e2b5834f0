package io.mvtrx.api.account;

import io.mvtrx.api.order.Currency;

/**
 * An open loan taken by a leveraged order.
 *
 * @param orderId         the order that borrowed
 * @param amount          outstanding amount in {@code currency} (quote for buy loans, base for sell loans)
 * @param currency        loan currency
 * @param leverage        the order's leverage at the volume decimals
 * @param baseCollateral  base locked as collateral, base decimals
 * @param quoteCollateral quote locked as collateral, quote decimals
 * @param marginCallPrice price at which the loan is liquidated, price decimals
 */
public record Loan(
        long orderId,
        long amount,
        Currency currency,
        long leverage,
        long baseCollateral,
        long quoteCollateral,
        long marginCallPrice) {
}
