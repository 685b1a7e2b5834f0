package io.mvtrx.runtime.wire.codec;

import static io.mvtrx.runtime.wire.codec.Proto3Writing.header;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.message;

import java.io.IOException;
import java.util.function.IntUnaryOperator;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.order.OrderList;
import io.mvtrx.runtime.wire.codec.Proto3Writing.Sizes;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.CodedOutputStream;

/**
 * An account's open orders as {@code AccountOrderColumns} (model.proto): ten columns of equal length, ids, prices and
 * timestamps as differences from the previous order's, the expiry as its difference from the previous order's period
 * carried over ({@link #predictedExpiry}), the agent and book ids taken from the account: about 14 bytes an order
 * (less for GTT quotes) against 31 as {@code Order} messages, for the up to hundreds of quotes a market maker keeps
 * per book. The generated encoder goes through {@link #value}; {@link PayloadWriter}'s per-column loops
 * ({@link #size}) write the same bytes and the decoder inverts them, wrapping differences included
 * ({@code PayloadWriterProperties}, {@code CodecRoundTripProperties}).
 *
 * <p>Stateless and thread-safe.
 */
final class AccountOrders {

    private AccountOrders() {
    }

    /** Account field of the columns. */
    static final int FIELD = 12;

    /** The columns' field numbers, in the order they are written (field-number order, as the generated encoder's). */
    private static final int[] FIELDS = {1, 2, 3, 4, 5, 6, 7, 8, 10, 11};

    /** How each column is coded (enums as their non-negative numbers, which is how a varint enum travels). */
    private static final ColumnCoding[] CODINGS = {ColumnCoding.SINT64, ColumnCoding.SINT64, ColumnCoding.UINT32,
        ColumnCoding.SINT64, ColumnCoding.INT64, ColumnCoding.INT64, ColumnCoding.SINT64, ColumnCoding.UINT32,
        ColumnCoding.UINT32, ColumnCoding.SINT64};

    private static final String[] NAMES = {"order_id_delta", "client_order_id", "side", "price_delta", "volume",
        "leverage", "timestamp_delta", "time_in_force", "stp", "expiry_delta"};

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

    /** Column {@code c}'s value (field {@code FIELDS[c]}) for order {@code i}. */
    static long value(OrderList o, int c, int i) {
        return value(o, c, i, i - 1);
    }

    /**
     * Column {@code c}'s value for order {@code i} of {@code o} following order {@code p} in the columns (-1: first):
     * the columns of some of a list's orders (the added orders of {@link AccountOrderChanges}) take their differences
     * from the previous order written, not from the previous order of the list.
     */
    static long value(OrderList o, int c, int i, int p) {
        return switch (c) {
            case 0 -> o.orderId(i) - (p < 0 ? 0 : o.orderId(p));
            case 1 -> o.clientOrderId(i);
            case 2 -> Enums.SIDE.number(o.side(i));
            case 3 -> o.price(i) - (p < 0 ? 0 : o.price(p));
            case 4 -> o.volume(i);
            case 5 -> o.leverage(i);
            case 6 -> o.timestamp(i) - (p < 0 ? 0 : o.timestamp(p));
            case 7 -> Enums.TIME_IN_FORCE.number(o.timeInForce(i));
            case 8 -> Enums.STP.number(o.stp(i));
            case 9 -> o.expiry(i) - (p < 0 ? 0 : predictedExpiry(o.timestamp(i), o.timestamp(p), o.expiry(p)));
            default -> throw new IllegalArgumentException("no column " + c);
        };
    }

    /** The columns message of {@code orders} (the generated encoder's; {@link PayloadWriter} writes the same bytes). */
    static ModelProto.AccountOrderColumns encode(OrderList o) {
        return encode(o, i -> i, o.size());
    }

    /** The columns message of orders {@code rows(0) .. rows(n - 1)} of {@code o}, in that order. */
    static ModelProto.AccountOrderColumns encode(OrderList o, IntUnaryOperator rows, int n) {
        ModelProto.AccountOrderColumns.Builder out = ModelProto.AccountOrderColumns.newBuilder();
        for (int k = 0; k < n; k++) {
            int i = rows.applyAsInt(k);
            int p = k == 0 ? -1 : rows.applyAsInt(k - 1);
            out.addOrderIdDelta(value(o, 0, i, p)).addClientOrderId(value(o, 1, i, p))
                    .addSideValue((int) value(o, 2, i, p)).addPriceDelta(value(o, 3, i, p))
                    .addVolume(value(o, 4, i, p)).addLeverage(value(o, 5, i, p))
                    .addTimestampDelta(value(o, 6, i, p)).addTimeInForceValue((int) value(o, 7, i, p))
                    .addStpValue((int) value(o, 8, i, p)).addExpiryDelta(value(o, 9, i, p));
        }
        return out.build();
    }

    /**
     * As {@link #size(OrderList, Sizes, int)} for orders {@code rows(0) .. rows(n - 1)} of {@code o} only (a few a
     * book: one value at a time through {@link #value(OrderList, int, int, int)}).
     */
    static int size(OrderList o, IntUnaryOperator rows, int n, Sizes sizes, int field) {
        int slot = sizes.reserve();
        Proto3Writing.Encoded encoded = sizes.encoded();
        int size = 0;
        for (int c = 0; c < CODINGS.length; c++) {
            int before = encoded.length();
            for (int k = 0; k < n; k++) {
                long v = value(o, c, rows.applyAsInt(k), k == 0 ? -1 : rows.applyAsInt(k - 1));
                if (CODINGS[c] == ColumnCoding.SINT64) {
                    encoded.sint64(v);
                } else {
                    encoded.varint(v);
                }
            }
            size += message(FIELDS[c], sizes.add(encoded.length() - before));
        }
        return message(field, sizes.set(slot, size));
    }

    /**
     * Bytes of field {@code field} holding {@code orders} as columns, tag and length included (the account's, or the
     * added orders of its changes). Encodes the columns into {@code sizes}' encoded bytes and records the message's
     * and every column's data size, for {@link #write}.
     */
    static int size(OrderList orders, Sizes sizes, int field) {
        int slot = sizes.reserve();
        Proto3Writing.Encoded encoded = sizes.encoded();
        int size = 0;
        for (int c = 0; c < CODINGS.length; c++) {
            int before = encoded.length();
            encodeColumn(orders, c, encoded);
            size += message(FIELDS[c], sizes.add(encoded.length() - before));
        }
        return message(field, sizes.set(slot, size));
    }

    /**
     * Column {@code c} of {@code orders}: {@link #value} for every order, coded as {@link #CODINGS}{@code [c]}, one
     * loop per column (a publication writes about a million orders per step at 256 market makers; the generic
     * loop's two switches per value were a third of the validator's preparation).
     */
    private static void encodeColumn(OrderList o, int c, Proto3Writing.Encoded out) {
        int n = o.size();
        switch (c) {
            case 0 -> {
                long previous = 0;
                for (int i = 0; i < n; i++) {
                    long id = o.orderId(i);
                    out.sint64(id - previous);
                    previous = id;
                }
            }
            case 1 -> {
                for (int i = 0; i < n; i++) {
                    out.sint64(o.clientOrderId(i));
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    out.varint(Enums.SIDE.number(o.side(i)));
                }
            }
            case 3 -> {
                long previous = 0;
                for (int i = 0; i < n; i++) {
                    long price = o.price(i);
                    out.sint64(price - previous);
                    previous = price;
                }
            }
            case 4 -> {
                for (int i = 0; i < n; i++) {
                    out.varint(o.volume(i));
                }
            }
            case 5 -> {
                for (int i = 0; i < n; i++) {
                    out.varint(o.leverage(i));
                }
            }
            case 6 -> {
                long previous = 0;
                for (int i = 0; i < n; i++) {
                    long timestamp = o.timestamp(i);
                    out.sint64(timestamp - previous);
                    previous = timestamp;
                }
            }
            case 7 -> {
                for (int i = 0; i < n; i++) {
                    out.varint(Enums.TIME_IN_FORCE.number(o.timeInForce(i)));
                }
            }
            case 8 -> {
                for (int i = 0; i < n; i++) {
                    out.varint(Enums.STP.number(o.stp(i)));
                }
            }
            case 9 -> {
                for (int i = 0; i < n; i++) {
                    out.sint64(o.expiry(i) - predictedExpiry(o, i));
                }
            }
            default -> throw new IllegalArgumentException("no column " + c);
        }
    }

    /** What order {@code i}'s expiry is coded against: see {@link #predictedExpiry(long, long, long)}. */
    private static long predictedExpiry(OrderList o, int i) {
        return i == 0 ? 0 : predictedExpiry(o.timestamp(i), o.timestamp(i - 1), o.expiry(i - 1));
    }

    /**
     * The expiry an order is expected to have after one with {@code previousTimestamp} and {@code previousExpiry}:
     * the same period from its own {@code timestamp}, or 0 (no expiry) after an order without one (wrapping).
     */
    private static long predictedExpiry(long timestamp, long previousTimestamp, long previousExpiry) {
        return previousExpiry == 0 ? 0 : timestamp + (previousExpiry - previousTimestamp);
    }

    /** Writes what {@link #size} sized and encoded, in the same order, as field {@code field}. */
    static void write(CodedOutputStream out, Sizes sizes, int field) throws IOException {
        header(out, field, sizes.next());
        Proto3Writing.Encoded encoded = sizes.encoded();
        for (int c = 0; c < CODINGS.length; c++) {
            int data = sizes.next();
            header(out, FIELDS[c], data);
            encoded.copyNext(out, data);
        }
    }

    /**
     * The orders a columns message carries, with the account's agent and book ids, as columns (an account kept by a
     * miner for the next request's changes holds arrays, not an object per order).
     *
     * @throws WireFormatException when the columns' lengths differ or an enum number is unset or unknown
     */
    static OrderList decode(ModelProto.AccountOrderColumns m, int agentId, int bookId) {
        int[] counts = {m.getOrderIdDeltaCount(), m.getClientOrderIdCount(), m.getSideCount(), m.getPriceDeltaCount(),
            m.getVolumeCount(), m.getLeverageCount(), m.getTimestampDeltaCount(), m.getTimeInForceCount(),
            m.getStpCount(), m.getExpiryDeltaCount()};
        int n = counts[0];
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] != n) {
                throw new WireFormatException("AccountOrderColumns: column %s has %d values, %s has %d", NAMES[c],
                        counts[c], NAMES[0], n);
            }
        }
        OrderList.Columns orders = new OrderList.Columns(n);
        long orderId = 0;
        long price = 0;
        long timestamp = 0;
        long expiry = 0;
        for (int i = 0; i < n; i++) {
            long previousTimestamp = timestamp;
            orderId += m.getOrderIdDelta(i);
            price += m.getPriceDelta(i);
            timestamp += m.getTimestampDelta(i);
            expiry = m.getExpiryDelta(i) + (i == 0 ? 0 : predictedExpiry(timestamp, previousTimestamp, expiry));
            orders.set(orders.append(1), orderId, bookId, agentId, m.getClientOrderId(i),
                    Enums.SIDE.decode(m.getSideValue(i), "AccountOrderColumns.side"), price, m.getVolume(i),
                    m.getLeverage(i), timestamp,
                    Enums.TIME_IN_FORCE.decode(m.getTimeInForceValue(i), "AccountOrderColumns.time_in_force"),
                    expiry, Enums.STP.decode(m.getStpValue(i), "AccountOrderColumns.stp"));
        }
        return orders.slice(0, n);
    }

    /** An account's orders given more than one way is refused. */
    static WireFormatException bothForms() {
        return new WireFormatException("Account: open orders given more than one way (orders, order_columns,"
                + " order_changes: at most one)");
    }
}
