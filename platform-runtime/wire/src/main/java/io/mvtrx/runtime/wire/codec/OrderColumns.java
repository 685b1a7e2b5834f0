package io.mvtrx.runtime.wire.codec;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.runtime.wire.proto.ModelProto;

/**
 * A detailed level's resting orders as {@code RestingOrderColumns} (model.proto): four columns of equal length, order
 * ids and timestamps as differences from the previous order's. Both decoders (the generated messages' and
 * {@link BooksReader}) end here, so they agree on every input, wrapping sums included.
 *
 * <p>Stateless and thread-safe.
 */
final class OrderColumns {

    private OrderColumns() {
    }

    /** How fields 1..4 are coded. */
    static final ColumnCoding[] CODINGS = {ColumnCoding.SINT64, ColumnCoding.SINT32, ColumnCoding.INT64,
        ColumnCoding.SINT64};

    /** The four columns' values of {@code orders}, in queue order, field {@code f} at index {@code f - 1}. */
    static long[][] columns(List<RestingOrder> orders) {
        int n = orders.size();
        long[][] columns = {new long[n], new long[n], new long[n], new long[n]};
        long orderId = 0;
        long timestamp = 0;
        for (int i = 0; i < n; i++) {
            RestingOrder order = orders.get(i);
            columns[0][i] = order.orderId() - orderId;
            columns[1][i] = order.agentId();
            columns[2][i] = order.volume();
            columns[3][i] = order.timestamp() - timestamp;
            orderId = order.orderId();
            timestamp = order.timestamp();
        }
        return columns;
    }

    /** The columns message of {@code orders} (the generated encoder's; {@link BooksWriter} writes the same bytes). */
    static ModelProto.RestingOrderColumns encode(List<RestingOrder> orders) {
        long[][] c = columns(orders);
        ModelProto.RestingOrderColumns.Builder out = ModelProto.RestingOrderColumns.newBuilder();
        for (int i = 0; i < orders.size(); i++) {
            out.addOrderIdDelta(c[0][i]).addAgentId((int) c[1][i]).addVolume(c[2][i]).addTimestampDelta(c[3][i]);
        }
        return out.build();
    }

    /** The orders a generated columns message carries. */
    static List<RestingOrder> decode(ModelProto.RestingOrderColumns c) {
        long[][] columns = {ColumnCoding.values(c.getOrderIdDeltaList()), ColumnCoding.values(c.getAgentIdList()),
            ColumnCoding.values(c.getVolumeList()), ColumnCoding.values(c.getTimestampDeltaList())};
        return decode(columns, ColumnCoding.lengths(columns));
    }

    /**
     * The orders of decoded columns: the first {@code counts[i]} values of {@code columns[i]}, column {@code i} being
     * field {@code i + 1} (agent ids are sint32 values).
     *
     * @throws WireFormatException when the columns' lengths differ
     */
    static List<RestingOrder> decode(long[][] columns, int[] counts) {
        int n = check(counts);
        List<RestingOrder> orders = new ArrayList<>(n);
        long orderId = 0;
        long timestamp = 0;
        for (int i = 0; i < n; i++) {
            orderId += columns[0][i];
            timestamp += columns[3][i];
            orders.add(new RestingOrder(orderId, (int) columns[1][i], columns[2][i], timestamp));
        }
        return orders;
    }

    /**
     * Checks what {@link #decode} checks, from the columns' lengths alone: a reader may check eagerly and build the
     * orders later.
     *
     * @return the number of orders
     * @throws WireFormatException when the columns' lengths differ
     */
    static int check(int[] counts) {
        int n = counts[0];
        if (counts[1] != n || counts[2] != n || counts[3] != n) {
            throw new WireFormatException("RestingOrderColumns: columns of different lengths (order_id_delta %d, "
                    + "agent_id %d, volume %d, timestamp_delta %d)", counts[0], counts[1], counts[2], counts[3]);
        }
        return n;
    }

    /** A level's orders given both ways is refused, by both decoders. */
    static WireFormatException bothForms() {
        return new WireFormatException("Level: orders given both as messages and as columns");
    }
}
