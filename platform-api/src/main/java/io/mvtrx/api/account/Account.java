package io.mvtrx.api.account;

import java.util.List;

import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderList;

/**
 * An agent's position on one book.
 *
 * @param agentId         owner
 * @param bookId          book
 * @param base            base balance
 * @param quote           quote balance
 * @param baseLoan        total borrowed base
 * @param quoteLoan       total borrowed quote
 * @param baseCollateral  base locked as collateral
 * @param quoteCollateral quote locked as collateral
 * @param orders          open orders
 * @param loans           open loans, oldest order first
 * @param fees            current fee rates
 */
public record Account(
        int agentId,
        int bookId,
        Balance base,
        Balance quote,
        long baseLoan,
        long quoteLoan,
        long baseCollateral,
        long quoteCollateral,
        List<Order> orders,
        List<Loan> loans,
        FeeRates fees) {

    public Account {
        // an OrderList is immutable already: kept as it is, columns and all
        orders = orders instanceof OrderList list ? list : List.copyOf(orders);
        loans = List.copyOf(loans);
    }
}
