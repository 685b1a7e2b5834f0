package io.mvtrx.runtime.wire.codec;

import static io.mvtrx.runtime.wire.codec.Proto3Writing.header;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.message;

import java.io.IOException;
import java.util.List;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderList;
import io.mvtrx.runtime.wire.codec.Proto3Writing.Sizes;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.CodedOutputStream;

/**
 * An account's open orders as {@code AccountOrderChanges} (model.proto): what changed since the same book's account
 * in an earlier payload the miner kept. A market maker's orders mostly rest from one publish to the next (the
 * example maker adds two quotes a book and cancels the stale ones), so the changes are a few orders where the whole
 * list is dozens, on each of 128 books, for each of 256 miners a publish.
 *
 * <p>Stateless and thread-safe.
 */
final class AccountOrderChanges {

    /** Account field of the changes. */
    static final int FIELD = 13;

    private static final int REMOVED = 1;
    private static final int ADDED = 2;

    private AccountOrderChanges() {
    }

    /**
     * Whether {@code current}'s orders ({@code orders}) can travel as changes to {@code base}'s (the same book's
     * account, {@code baseOrders} its orders), leaving them in {@code diff}: not when either list does not strictly
     * ascend by order id, an added order is not of the account's agent and book (the added orders travel as
     * {@link AccountOrders columns}), the current list is empty (no orders costs nothing), or no order is kept. The
     * kept orders need no such check: they equal the base's in every field.
     */
    static boolean diff(Account base, OrderList baseOrders, Account current, OrderList orders, OrderList.Diff diff) {
        if (orders.isEmpty() || base.agentId() != current.agentId() || base.bookId() != current.bookId()
                || !diff.compute(baseOrders, orders) || diff.addedCount() == orders.size()) {
            return false;
        }
        OrderList added = addedFrom(orders, diff);
        for (int k = 0; k < diff.addedCount(); k++) {
            int row = addedRow(diff, k);
            if (added.agentId(row) != current.agentId() || added.bookId(row) != current.bookId()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where {@code diff}'s added orders are read: their own consecutive rows when the simulation copied them with its
     * record of the changes ({@link OrderList.Diff#addedOrders}), else {@code orders} at the added positions.
     */
    private static OrderList addedFrom(OrderList orders, OrderList.Diff diff) {
        return diff.addedOrders() == null ? orders : diff.addedOrders();
    }

    /** The row of the {@code k}-th added order in {@link #addedFrom}. */
    private static int addedRow(OrderList.Diff diff, int k) {
        return diff.addedOrders() == null ? diff.added(k) : k;
    }

    /** The changes message of {@code orders} as {@code diff} found them (the generated encoder's). */
    static ModelProto.AccountOrderChanges encode(OrderList orders, OrderList.Diff diff) {
        ModelProto.AccountOrderChanges.Builder out = ModelProto.AccountOrderChanges.newBuilder();
        int previous = 0;
        for (int k = 0; k < diff.removedCount(); k++) {
            out.addRemovedPositionDelta(diff.removed(k) - previous);
            previous = diff.removed(k);
        }
        if (diff.addedCount() > 0) {
            out.setAdded(AccountOrders.encode(orders, diff::added, diff.addedCount()));
        }
        return out.build();
    }

    /**
     * Bytes of the account's field holding the changes {@code diff} found to {@code orders}, tag and length included.
     * Encodes the removed positions and the added columns into {@code sizes}' encoded bytes and records their sizes,
     * for {@link #write}.
     */
    static int size(OrderList orders, OrderList.Diff diff, Sizes sizes) {
        int slot = sizes.reserve();
        Proto3Writing.Encoded encoded = sizes.encoded();
        int before = encoded.length();
        int previous = 0;
        for (int k = 0; k < diff.removedCount(); k++) {
            encoded.varint(diff.removed(k) - previous);
            previous = diff.removed(k);
        }
        int removedBytes = sizes.add(encoded.length() - before);
        int size = removedBytes == 0 ? 0 : message(REMOVED, removedBytes);
        sizes.add(diff.addedCount() == 0 ? 0 : 1);
        if (diff.addedCount() > 0) {
            // recorded added orders are rows of their own, in order: the per-column loops of a whole list apply
            size += diff.addedOrders() != null ? AccountOrders.size(diff.addedOrders(), sizes, ADDED)
                    : AccountOrders.size(orders, diff::added, diff.addedCount(), sizes, ADDED);
        }
        return message(FIELD, sizes.set(slot, size));
    }

    /** Writes what {@link #size} sized and encoded, in the same order. */
    static void write(CodedOutputStream out, Sizes sizes) throws IOException {
        header(out, FIELD, sizes.next());
        int removedBytes = sizes.next();
        if (removedBytes > 0) {
            header(out, REMOVED, removedBytes);
            sizes.encoded().copyNext(out, removedBytes);
        }
        if (sizes.next() != 0) {
            AccountOrders.write(out, sizes, ADDED);
        }
    }

    /**
     * The open orders {@code m} describes against {@code base} (the kept account's orders): the base less the removed
     * positions, merged with the added orders by order id.
     *
     * @throws WireFormatException when a position is out of order or beyond the base, the added columns are malformed,
     *                             or the merged orders do not strictly ascend by order id
     */
    static OrderList apply(ModelProto.AccountOrderChanges m, List<Order> kept, int agentId, int bookId) {
        OrderList base = OrderList.of(kept);
        boolean[] gone = new boolean[base.size()];
        long position = 0;
        for (int k = 0; k < m.getRemovedPositionDeltaCount(); k++) {
            long delta = Integer.toUnsignedLong(m.getRemovedPositionDelta(k));
            if (k > 0 && delta == 0) {
                throw new WireFormatException("AccountOrderChanges.removed_position_delta[%d]: a position repeated", k);
            }
            position += delta;
            if (position >= base.size()) {
                throw new WireFormatException("AccountOrderChanges.removed_position_delta[%d]: position %d is beyond"
                        + " the %d orders kept", k, position, base.size());
            }
            gone[(int) position] = true;
        }
        OrderList added = m.hasAdded() ? AccountOrders.decode(m.getAdded(), agentId, bookId) : OrderList.empty();
        OrderList.Columns merged = new OrderList.Columns(base.size() - m.getRemovedPositionDeltaCount()
                + added.size());
        int i = 0;
        int j = 0;
        long previous = 0;
        while (true) {
            while (i < gone.length && gone[i]) {
                i++;
            }
            if (i == gone.length && j == added.size()) {
                break;
            }
            long id;
            if (j == added.size() || (i < gone.length && base.orderId(i) < added.orderId(j))) {
                id = base.orderId(i);
                merged.add(base, i++);
            } else {
                id = added.orderId(j);
                merged.add(added, j++);
            }
            if (merged.rows() > 1 && previous >= id) {
                throw new WireFormatException("AccountOrderChanges: order id %d follows %d; the orders must ascend"
                        + " by id, each once", id, previous);
            }
            previous = id;
        }
        return merged.slice(0, merged.rows());
    }
}
