package io.mvtrx.runtime.wire.codec;

import static io.mvtrx.runtime.wire.codec.Proto3Writing.enumSize;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.header;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.int32;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.int64;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.message;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.sint32;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.sint64;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeEnum;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeInt32;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeInt64;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeSInt32;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeSInt64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.Loan;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.order.OrderList;
import io.mvtrx.runtime.wire.codec.Proto3Writing.Sizes;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnsafeByteOperations;

/**
 * Writes a {@code MinerPayload} straight from the api records, without building protobuf messages first: the
 * validator writes one payload per miner per step (its account on every book), and building a generated message per
 * account, balance and order was most of that cost. The bytes are exactly those of the generated encoder (fields in
 * number order, proto3 defaults omitted, present sub-messages written even when empty, map entries with both key and
 * value, in the map's iteration order); {@code PayloadWriterProperties} holds it to that.
 *
 * <p>Stateless and thread-safe.
 */
final class PayloadWriter {

    // MinerPayload
    private static final int TIMESTAMP = 1;
    private static final int SIMULATION = 2;
    private static final int AGENT_ID = 3;
    private static final int ACCOUNTS = 4;
    private static final int NOTICES = 5;
    private static final int ACCOUNTS_BASE = 6;

    // how an account's open orders travel, recorded by the size pass for the write pass
    private static final int AS_MESSAGES = 0;
    private static final int AS_COLUMNS = 1;
    private static final int AS_CHANGES = 2;

    private PayloadWriter() {
    }

    /**
     * The payload bytes; {@code simulation} is an encoded {@code SimulationInfo}, shared by every miner of a step. With
     * a {@code base} (null: none), an account whose orders {@link AccountOrderChanges#diff can} travel as changes to the
     * same book's account there does so, and the payload names the base ({@code accounts_base}) when any does.
     */
    static StateCodec.EncodedPayload write(int agentId, long timestamp, ByteString simulation,
                                           Map<Integer, Account> accounts, List<Notice> notices, AccountsBase base) {
        Sizes sizes = new Sizes(accounts.size() * 4 + notices.size() * 2);
        int size = int64(TIMESTAMP, timestamp) + CodedOutputStream.computeBytesSize(SIMULATION, simulation)
                + sint32(AGENT_ID, agentId);
        boolean changes = false;
        for (Map.Entry<Integer, Account> entry : accounts.entrySet()) {
            Account a = entry.getValue();
            Account baseAccount = base == null ? null : base.accounts().get(entry.getKey());
            boolean orderChanges = baseAccount != null && AccountOrderChanges.diff(baseAccount,
                    OrderList.of(baseAccount.orders()), a, OrderList.of(a.orders()), sizes.diff());
            changes |= orderChanges;
            size += message(ACCOUNTS, entrySize(entry.getKey(), accountSize(a, orderChanges, sizes)));
        }
        for (Notice notice : notices) {
            size += message(NOTICES, NoticeWriter.size(notice, sizes));
        }
        long baseNonce = changes ? base.nonce() : 0;
        size += int64(ACCOUNTS_BASE, baseNonce);
        byte[] out = new byte[size];
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        try {
            writeInt64(o, TIMESTAMP, timestamp);
            o.writeBytes(SIMULATION, simulation);
            writeSInt32(o, AGENT_ID, agentId);
            for (Map.Entry<Integer, Account> entry : accounts.entrySet()) {
                int accountSize = sizes.next();
                header(o, ACCOUNTS, entrySize(entry.getKey(), accountSize));
                o.writeInt32(1, entry.getKey());
                header(o, 2, accountSize);
                writeAccount(o, entry.getValue(), sizes);
            }
            for (Notice notice : notices) {
                NoticeWriter.write(o, NOTICES, notice, sizes);
            }
            writeInt64(o, ACCOUNTS_BASE, baseNonce);
            o.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a MinerPayload into an array of its computed size", e);
        }
        return new StateCodec.EncodedPayload(UnsafeByteOperations.unsafeWrap(out), baseNonce);
    }

    private static int entrySize(int key, int accountSize) {
        return CodedOutputStream.computeInt32Size(1, key) + message(2, accountSize);
    }

    // ----------------------------------------------------------------------------------------------- Account

    /** Sizes account {@code a}, its orders as the changes in {@code sizes.diff()} when {@code changes}, else whole. */
    private static int accountSize(Account a, boolean changes, Sizes sizes) {
        int slot = sizes.reserve();
        int size = sint32(1, a.agentId()) + int32(2, a.bookId())
                + message(3, balanceSize(a.base())) + message(4, balanceSize(a.quote()))
                + int64(5, a.baseLoan()) + int64(6, a.quoteLoan())
                + int64(7, a.baseCollateral()) + int64(8, a.quoteCollateral());
        OrderList orders = OrderList.of(a.orders());
        int form = changes ? AS_CHANGES : AccountOrders.fits(a, orders) ? AS_COLUMNS : AS_MESSAGES;
        sizes.add(form); // the write pass reads the form back instead of checking every order again
        if (form == AS_MESSAGES) {
            for (int i = 0; i < orders.size(); i++) {
                size += message(9, sizes.add(orderSize(orders, i)));
            }
        }
        for (Loan loan : a.loans()) {
            size += message(10, loanSize(loan));
        }
        size += message(11, feesSize(a));
        if (form == AS_COLUMNS) {
            size += AccountOrders.size(orders, sizes, AccountOrders.FIELD);
        } else if (form == AS_CHANGES) {
            size += AccountOrderChanges.size(orders, sizes.diff(), sizes);
        }
        return sizes.set(slot, size);
    }

    private static void writeAccount(CodedOutputStream o, Account a, Sizes sizes) throws IOException {
        writeSInt32(o, 1, a.agentId());
        writeInt32(o, 2, a.bookId());
        writeBalance(o, 3, a.base());
        writeBalance(o, 4, a.quote());
        writeInt64(o, 5, a.baseLoan());
        writeInt64(o, 6, a.quoteLoan());
        writeInt64(o, 7, a.baseCollateral());
        writeInt64(o, 8, a.quoteCollateral());
        int form = sizes.next();
        if (form == AS_MESSAGES) {
            OrderList orders = OrderList.of(a.orders());
            for (int i = 0; i < orders.size(); i++) {
                header(o, 9, sizes.next());
                writeOrder(o, orders, i);
            }
        }
        for (Loan loan : a.loans()) {
            header(o, 10, loanSize(loan));
            writeInt64(o, 1, loan.orderId());
            writeInt64(o, 2, loan.amount());
            writeEnum(o, 3, Enums.CURRENCY.number(loan.currency()));
            writeInt64(o, 4, loan.leverage());
            writeInt64(o, 5, loan.baseCollateral());
            writeInt64(o, 6, loan.quoteCollateral());
            writeInt64(o, 7, loan.marginCallPrice());
        }
        header(o, 11, feesSize(a));
        writeInt64(o, 1, a.fees().volume());
        writeSInt64(o, 2, a.fees().makerRate());
        writeSInt64(o, 3, a.fees().takerRate());
        if (form == AS_COLUMNS) {
            AccountOrders.write(o, sizes, AccountOrders.FIELD);
        } else if (form == AS_CHANGES) {
            AccountOrderChanges.write(o, sizes);
        }
    }

    private static int feesSize(Account a) {
        return int64(1, a.fees().volume()) + sint64(2, a.fees().makerRate()) + sint64(3, a.fees().takerRate());
    }

    private static int balanceSize(Balance b) {
        return int64(1, b.total()) + int64(2, b.free()) + int64(3, b.reserved()) + int64(4, b.initial());
    }

    private static void writeBalance(CodedOutputStream o, int field, Balance b) throws IOException {
        header(o, field, balanceSize(b));
        writeInt64(o, 1, b.total());
        writeInt64(o, 2, b.free());
        writeInt64(o, 3, b.reserved());
        writeInt64(o, 4, b.initial());
    }

    private static int loanSize(Loan l) {
        return int64(1, l.orderId()) + int64(2, l.amount()) + enumSize(3, Enums.CURRENCY.number(l.currency()))
                + int64(4, l.leverage()) + int64(5, l.baseCollateral()) + int64(6, l.quoteCollateral())
                + int64(7, l.marginCallPrice());
    }

    // an account whose orders are not all its own agent's and book's (never the simulation's) writes messages
    private static int orderSize(OrderList o, int i) {
        return int64(1, o.orderId(i)) + int32(2, o.bookId(i)) + sint32(3, o.agentId(i))
                + sint64(4, o.clientOrderId(i)) + enumSize(5, Enums.SIDE.number(o.side(i)))
                + int64(6, o.price(i)) + int64(7, o.volume(i)) + int64(8, o.leverage(i)) + int64(9, o.timestamp(i))
                + enumSize(10, Enums.TIME_IN_FORCE.number(o.timeInForce(i))) + int64(11, o.expiry(i))
                + enumSize(12, Enums.STP.number(o.stp(i)));
    }

    private static void writeOrder(CodedOutputStream out, OrderList o, int i) throws IOException {
        writeInt64(out, 1, o.orderId(i));
        writeInt32(out, 2, o.bookId(i));
        writeSInt32(out, 3, o.agentId(i));
        writeSInt64(out, 4, o.clientOrderId(i));
        writeEnum(out, 5, Enums.SIDE.number(o.side(i)));
        writeInt64(out, 6, o.price(i));
        writeInt64(out, 7, o.volume(i));
        writeInt64(out, 8, o.leverage(i));
        writeInt64(out, 9, o.timestamp(i));
        writeEnum(out, 10, Enums.TIME_IN_FORCE.number(o.timeInForce(i)));
        writeInt64(out, 11, o.expiry(i));
        writeEnum(out, 12, Enums.STP.number(o.stp(i)));
    }
}
