package io.mvtrx.runtime.simulator.internal;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.order.Order;

/** Rewrites records an exchange made with a block's local book ids to the canonical ids published outside. */
final class Canonical {

    private Canonical() {
    }

    /** The account and its orders with book id {@code bookId}. */
    static Account account(Account local, int bookId) {
        List<Order> orders = new ArrayList<>(local.orders().size());
        for (Order o : local.orders()) {
            orders.add(new Order(o.orderId(), bookId, o.agentId(), o.clientOrderId(), o.side(), o.price(), o.volume(),
                    o.leverage(), o.timestamp(), o.timeInForce(), o.expiry(), o.stp()));
        }
        return new Account(local.agentId(), bookId, local.base(), local.quote(), local.baseLoan(), local.quoteLoan(),
                local.baseCollateral(), local.quoteCollateral(), orders, local.loans(), local.fees());
    }
}
