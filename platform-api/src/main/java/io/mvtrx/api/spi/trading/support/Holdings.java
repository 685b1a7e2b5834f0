package io.mvtrx.api.spi.trading.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Loan;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.Side;

/**
 * Read-only questions about the agent's own account on one book: balances (base at the base decimals, quote at the
 * quote decimals), open orders, loans, fee rates and inventory. Immutable.
 */
public final class Holdings {

    private final Account account;

    private Holdings(Account account) {
        this.account = account;
    }

    /** A view of {@code account}. */
    public static Holdings of(Account account) {
        if (account == null) {
            throw new IllegalArgumentException("account is null");
        }
        return new Holdings(account);
    }

    /** The account as published. */
    public Account account() {
        return account;
    }

    /** Book id. */
    public int bookId() {
        return account.bookId();
    }

    /** Base available for new sell orders. */
    public long freeBase() {
        return account.base().free();
    }

    /** Base locked by open sell orders. */
    public long reservedBase() {
        return account.base().reserved();
    }

    /** All base held. */
    public long totalBase() {
        return account.base().total();
    }

    /** Base the account started with. */
    public long initialBase() {
        return account.base().initial();
    }

    /** Quote available for new buy orders. */
    public long freeQuote() {
        return account.quote().free();
    }

    /** Quote locked by open buy orders. */
    public long reservedQuote() {
        return account.quote().reserved();
    }

    /** All quote held. */
    public long totalQuote() {
        return account.quote().total();
    }

    /** Quote the account started with. */
    public long initialQuote() {
        return account.quote().initial();
    }

    /** Base owned outright: total − borrowed base + base collateral (the reference's {@code own_base}). */
    public long ownBase() {
        return account.base().total() - account.baseLoan() + account.baseCollateral();
    }

    /** Quote owned outright: total − borrowed quote + quote collateral (the reference's {@code own_quote}). */
    public long ownQuote() {
        return account.quote().total() - account.quoteLoan() + account.quoteCollateral();
    }

    /** Base bought (positive) or sold (negative) since the start: {@link #ownBase} − {@link #initialBase}. */
    public long inventory() {
        return ownBase() - initialBase();
    }

    /** Outstanding borrowed base. */
    public long baseLoan() {
        return account.baseLoan();
    }

    /** Outstanding borrowed quote. */
    public long quoteLoan() {
        return account.quoteLoan();
    }

    /** Open loans, oldest order first. */
    public List<Loan> loans() {
        return account.loans();
    }

    /** Open loans in one currency (QUOTE: from leveraged buys, BASE: from leveraged sells). */
    public List<Loan> loans(Currency currency) {
        return account.loans().stream().filter(loan -> loan.currency() == currency).toList();
    }

    /** Whether any loan is open. */
    public boolean hasLoans() {
        return !account.loans().isEmpty();
    }

    /** Open orders. */
    public List<Order> openOrders() {
        return account.orders();
    }

    /** Open orders of one side. */
    public List<Order> openOrders(Side side) {
        return account.orders().stream().filter(order -> order.side() == side).toList();
    }

    /** Number of open orders. */
    public int openOrderCount() {
        return account.orders().size();
    }

    /** The open order with that exchange id. */
    public Optional<Order> order(long orderId) {
        return account.orders().stream().filter(order -> order.orderId() == orderId).findFirst();
    }

    /** The open order with that client id (the first, if the agent reused one). */
    public Optional<Order> orderByClientId(long clientOrderId) {
        return account.orders().stream().filter(order -> order.clientOrderId() == clientOrderId).findFirst();
    }

    /** Open orders that arrived strictly before {@code timestamp} ns (e.g. {@code now − maxAge}), oldest first. */
    public List<Order> ordersPlacedBefore(long timestamp) {
        List<Order> stale = new ArrayList<>();
        for (Order order : account.orders()) {
            if (order.timestamp() < timestamp) {
                stale.add(order);
            }
        }
        stale.sort((a, b) -> Long.compare(a.timestamp(), b.timestamp()));
        return stale;
    }

    /** Maker fee rate at {@code Rate.SCALE}; negative is a rebate. */
    public long makerFeeRate() {
        return account.fees().makerRate();
    }

    /** Taker fee rate at {@code Rate.SCALE}; negative is a rebate. */
    public long takerFeeRate() {
        return account.fees().takerRate();
    }
}
