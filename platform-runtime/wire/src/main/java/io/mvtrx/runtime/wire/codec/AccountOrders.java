package io.mvtrx.runtime.wire.codec;

import static io.mvtrx.runtime.wire.codec.Proto3Writing.header;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.message;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderList;
import io.mvtrx.runtime.wire.codec.Proto3Writing.Sizes;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.CodedOutputStream;

/**
 * An account's open orders as {@code AccountOrderColumns} (model.proto): ten columns of equal length, ids, prices and
 * timestamps as differences from the previous order's, the agent and book ids taken from the account: about 14 bytes
 * an order against 31 as {@code Order} messages, for the up to hundreds of quotes a market maker keeps per book. The
 * generated encoder, {@link PayloadWriter} and the decoder all go through {@link #value}, so they agree on every
 * input, wrapping differences included.
 *
 * <p>Stateless and thread-safe.
 */
final class AccountOrders {

    private AccountOrders() {
    }

    /** Account field of the columns. */
    static final int FIELD = 12;

    /** How fields 1..10 are coded (enums as their non-negative numbers, which is how a varint enum travels). */
    private static final ColumnCoding[] CODINGS = {ColumnCoding.SINT64, ColumnCoding.SINT64, ColumnCoding.UINT32,
        ColumnCoding.SINT64, ColumnCoding.INT64, ColumnCoding.INT64, ColumnCoding.SINT64, ColumnCoding.UINT32,
        ColumnCoding.INT64, ColumnCoding.UINT32};

    private static final String[] NAMES = {"order_id_delta", "client_order_id", "side", "price_delta", "volume",
        "leverage", "timestamp_delta", "time_in_force", "expiry", "stp"};

    /**
     * Whether {@code a}'s orders ({@code orders}, its {@link Account#orders()} as columns) travel as columns: some
     * orders, all with the account's agent and book ids.
     */
    static boolean fits(Account a, OrderList orders) {
        if (orders.isEmpty()) {
            return false;
        }
        for (int i = 0; i < orders.size(); i++) {
            if (orders.agentId(i) != a.agentId() || orders.bookId(i) != a.bookId()) {
                return false;
            }
        }
        return true;
    }

    /** Column {@code c}'s value (field {@code c + 1}) for order {@code i}. */
    static long value(OrderList o, int c, int i) {
        return switch (c) {
            case 0 -> o.orderId(i) - (i == 0 ? 0 : o.orderId(i - 1));
            case 1 -> o.clientOrderId(i);
            case 2 -> Enums.SIDE.number(o.side(i));
            case 3 -> o.price(i) - (i == 0 ? 0 : o.price(i - 1));
            case 4 -> o.volume(i);
            case 5 -> o.leverage(i);
            case 6 -> o.timestamp(i) - (i == 0 ? 0 : o.timestamp(i - 1));
            case 7 -> Enums.TIME_IN_FORCE.number(o.timeInForce(i));
            case 8 -> o.expiry(i);
            case 9 -> Enums.STP.number(o.stp(i));
            default -> throw new IllegalArgumentException("no column " + c);
        };
    }

    /** The columns message of {@code orders} (the generated encoder's; {@link PayloadWriter} writes the same bytes). */
    static ModelProto.AccountOrderColumns encode(OrderList o) {
        ModelProto.AccountOrderColumns.Builder out = ModelProto.AccountOrderColumns.newBuilder();
        for (int i = 0; i < o.size(); i++) {
            out.addOrderIdDelta(value(o, 0, i)).addClientOrderId(value(o, 1, i))
                    .addSideValue((int) value(o, 2, i)).addPriceDelta(value(o, 3, i)).addVolume(value(o, 4, i))
                    .addLeverage(value(o, 5, i)).addTimestampDelta(value(o, 6, i))
                    .addTimeInForceValue((int) value(o, 7, i)).addExpiry(value(o, 8, i))
                    .addStpValue((int) value(o, 9, i));
        }
        return out.build();
    }

    /**
     * Bytes of the account's field holding {@code orders} as columns, tag and length included; records the message's
     * and every column's data size in {@code sizes} for {@link #write}.
     */
    static int size(OrderList orders, Sizes sizes) {
        int slot = sizes.reserve();
        int size = 0;
        for (int c = 0; c < CODINGS.length; c++) {
            int data = 0;
            for (int i = 0; i < orders.size(); i++) {
                data += CODINGS[c].size(value(orders, c, i));
            }
            size += message(c + 1, sizes.add(data));
        }
        return message(FIELD, sizes.set(slot, size));
    }

    /** Writes what {@link #size} sized, in the same order. */
    static void write(CodedOutputStream out, OrderList orders, Sizes sizes) throws IOException {
        header(out, FIELD, sizes.next());
        for (int c = 0; c < CODINGS.length; c++) {
            header(out, c + 1, sizes.next());
            for (int i = 0; i < orders.size(); i++) {
                CODINGS[c].write(out, value(orders, c, i));
            }
        }
    }

    /**
     * The orders a columns message carries, with the account's agent and book ids.
     *
     * @throws WireFormatException when the columns' lengths differ or an enum number is unset or unknown
     */
    static List<Order> decode(ModelProto.AccountOrderColumns m, int agentId, int bookId) {
        int[] counts = {m.getOrderIdDeltaCount(), m.getClientOrderIdCount(), m.getSideCount(), m.getPriceDeltaCount(),
            m.getVolumeCount(), m.getLeverageCount(), m.getTimestampDeltaCount(), m.getTimeInForceCount(),
            m.getExpiryCount(), m.getStpCount()};
        int n = counts[0];
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] != n) {
                throw new WireFormatException("AccountOrderColumns: column %s has %d values, %s has %d", NAMES[c],
                        counts[c], NAMES[0], n);
            }
        }
        List<Order> orders = new ArrayList<>(n);
        long orderId = 0;
        long price = 0;
        long timestamp = 0;
        for (int i = 0; i < n; i++) {
            orderId += m.getOrderIdDelta(i);
            price += m.getPriceDelta(i);
            timestamp += m.getTimestampDelta(i);
            orders.add(new Order(orderId, bookId, agentId, m.getClientOrderId(i),
                    Enums.SIDE.decode(m.getSideValue(i), "AccountOrderColumns.side"), price, m.getVolume(i),
                    m.getLeverage(i), timestamp,
                    Enums.TIME_IN_FORCE.decode(m.getTimeInForceValue(i), "AccountOrderColumns.time_in_force"),
                    m.getExpiry(i), Enums.STP.decode(m.getStpValue(i), "AccountOrderColumns.stp")));
        }
        return orders;
    }

    /** An account's orders given both ways is refused. */
    static WireFormatException bothForms() {
        return new WireFormatException("Account: open orders given both as messages and as columns");
    }
}
