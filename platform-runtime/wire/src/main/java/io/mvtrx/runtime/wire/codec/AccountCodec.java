package io.mvtrx.runtime.wire.codec;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.account.Loan;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderList;
import io.mvtrx.runtime.wire.proto.ModelProto;

/**
 * Accounts (balances, loans, fee rates, open orders) to and from their messages.
 *
 * <p>Open orders are encoded as columns when every order has the account's agent and book ids (as the simulation's
 * accounts do), else as messages; decoding reads either, and refuses both at once.
 *
 * <p>Stateless and thread-safe. Decoding refuses unset balances and fee rates, unset enums, and balances whose total
 * is not free + reserved.
 */
public final class AccountCodec {

    private AccountCodec() {
    }

    /** One account's message. */
    public static ModelProto.Account encode(Account a) {
        return encode(a, null);
    }

    /** One account's message, its open orders as the changes {@code changes} found when not null (else whole). */
    static ModelProto.Account encode(Account a, OrderList.Diff changes) {
        ModelProto.Account.Builder out = ModelProto.Account.newBuilder()
                .setAgentId(a.agentId())
                .setBookId(a.bookId())
                .setBase(encode(a.base()))
                .setQuote(encode(a.quote()))
                .setBaseLoan(a.baseLoan())
                .setQuoteLoan(a.quoteLoan())
                .setBaseCollateral(a.baseCollateral())
                .setQuoteCollateral(a.quoteCollateral())
                .setFees(ModelProto.FeeRates.newBuilder()
                        .setVolume(a.fees().volume())
                        .setMakerRate(a.fees().makerRate())
                        .setTakerRate(a.fees().takerRate()));
        OrderList columns = OrderList.of(a.orders());
        if (changes != null) {
            out.setOrderChanges(AccountOrderChanges.encode(OrderList.of(a.orders()), changes));
        } else if (AccountOrders.fits(a, columns)) {
            out.setOrderColumns(AccountOrders.encode(columns));
        } else {
            for (Order order : a.orders()) {
                out.addOrders(encode(order));
            }
        }
        for (Loan loan : a.loans()) {
            out.addLoans(ModelProto.Loan.newBuilder()
                    .setOrderId(loan.orderId())
                    .setAmount(loan.amount())
                    .setCurrency(Enums.CURRENCY.encode(loan.currency()))
                    .setLeverage(loan.leverage())
                    .setBaseCollateral(loan.baseCollateral())
                    .setQuoteCollateral(loan.quoteCollateral())
                    .setMarginCallPrice(loan.marginCallPrice()));
        }
        return out.build();
    }

    /** The account a message carries, its orders whole (a message with order changes is refused). */
    public static Account decode(ModelProto.Account m) {
        return decode(m, null);
    }

    /**
     * The account a message carries; {@code base} is the same book's account the miner kept for the payload's
     * {@code accounts_base} (null when there is none), which order changes apply to.
     */
    static Account decode(ModelProto.Account m, Account base) {
        Checks.require(m.hasBase(), "Account.base");
        Checks.require(m.hasQuote(), "Account.quote");
        Checks.require(m.hasFees(), "Account.fees");
        int forms = (m.hasOrderColumns() ? 1 : 0) + (m.getOrdersCount() > 0 ? 1 : 0) + (m.hasOrderChanges() ? 1 : 0);
        if (forms > 1) {
            throw AccountOrders.bothForms();
        }
        List<Order> orders;
        if (m.hasOrderChanges()) {
            if (base == null) {
                throw new WireFormatException("Account.order_changes: no account of book %d in the accounts base",
                        m.getBookId());
            }
            orders = AccountOrderChanges.apply(m.getOrderChanges(), base.orders(), m.getAgentId(), m.getBookId());
        } else if (m.hasOrderColumns()) {
            orders = AccountOrders.decode(m.getOrderColumns(), m.getAgentId(), m.getBookId());
        } else {
            orders = new ArrayList<>(m.getOrdersCount());
            for (ModelProto.Order order : m.getOrdersList()) {
                orders.add(decode(order));
            }
        }
        List<Loan> loans = new ArrayList<>(m.getLoansCount());
        for (ModelProto.Loan l : m.getLoansList()) {
            loans.add(new Loan(l.getOrderId(), l.getAmount(),
                    Enums.CURRENCY.decode(l.getCurrencyValue(), "Loan.currency"), l.getLeverage(),
                    l.getBaseCollateral(), l.getQuoteCollateral(), l.getMarginCallPrice()));
        }
        ModelProto.FeeRates fees = m.getFees();
        return new Account(m.getAgentId(), m.getBookId(), decode(m.getBase()), decode(m.getQuote()),
                m.getBaseLoan(), m.getQuoteLoan(), m.getBaseCollateral(), m.getQuoteCollateral(), orders, loans,
                new FeeRates(fees.getVolume(), fees.getMakerRate(), fees.getTakerRate()));
    }

    private static ModelProto.Balance encode(Balance b) {
        return ModelProto.Balance.newBuilder()
                .setTotal(b.total())
                .setFree(b.free())
                .setReserved(b.reserved())
                .setInitial(b.initial())
                .build();
    }

    private static Balance decode(ModelProto.Balance b) {
        return new Balance(b.getTotal(), b.getFree(), b.getReserved(), b.getInitial());
    }

    private static ModelProto.Order encode(Order o) {
        return ModelProto.Order.newBuilder()
                .setOrderId(o.orderId())
                .setBookId(o.bookId())
                .setAgentId(o.agentId())
                .setClientOrderId(o.clientOrderId())
                .setSide(Enums.SIDE.encode(o.side()))
                .setPrice(o.price())
                .setVolume(o.volume())
                .setLeverage(o.leverage())
                .setTimestamp(o.timestamp())
                .setTimeInForce(Enums.TIME_IN_FORCE.encode(o.timeInForce()))
                .setExpiry(o.expiry())
                .setStp(Enums.STP.encode(o.stp()))
                .build();
    }

    private static Order decode(ModelProto.Order o) {
        return new Order(o.getOrderId(), o.getBookId(), o.getAgentId(), o.getClientOrderId(),
                Enums.SIDE.decode(o.getSideValue(), "Order.side"), o.getPrice(), o.getVolume(), o.getLeverage(),
                o.getTimestamp(), Enums.TIME_IN_FORCE.decode(o.getTimeInForceValue(), "Order.time_in_force"),
                o.getExpiry(), Enums.STP.decode(o.getStpValue(), "Order.stp"));
    }
}
