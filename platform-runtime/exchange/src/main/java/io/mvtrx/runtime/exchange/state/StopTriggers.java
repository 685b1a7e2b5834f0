package io.mvtrx.runtime.exchange.state;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.number.Rate;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * One book's stop-loss and take-profit triggers (simulator-054.md §4.10).
 *
 * <ul>
 *   <li>A fill of an order that carries a stop-loss or take-profit offset opens a <em>slot</em>: the quantity it
 *       bought (or sold) to be closed on the other side, with trigger prices {@code fillPrice·(1 + offset)} kept
 *       exactly (at the price decimals plus eight); a trigger at or above the fill price fires when the price rises
 *       through it, one below when it falls through it.</li>
 *   <li>Every fill of the same agent on a slot's closing side first drains the agent's slots on that side, oldest
 *       first (an emptied slot and its triggers go); only what is left of a flagged fill opens a new slot.</li>
 *   <li>The book's trade prices are the feed: the first only seeds it; each later price fires every live leg it
 *       moved through in the leg's direction (a price that does not move fires nothing). Firing one leg deletes
 *       its pair; the slot stays until the closing trade drains it.</li>
 *   <li>A fired leg is handed to a {@link Dispatch}: the exchange then sends a market order in base on the closing
 *       side for the slot's quantity, unleveraged, settle flag FIFO, no minimum size, after the operation that moved
 *       the price has finished.</li>
 * </ul>
 *
 * Not thread-safe: one per book, touched by the book's writer. With no slot the per-fill cost is one comparison;
 * slots and fired legs are small objects (only flagged orders allocate).
 */
public final class StopTriggers {

    /** Close reason of a fired stop-loss leg. */
    public static final int STOP_LOSS = 1;

    /** Close reason of a fired take-profit leg. */
    public static final int TAKE_PROFIT = 2;

    /** Receives fired legs. */
    @FunctionalInterface
    public interface Dispatch {

        /**
         * A leg fired.
         *
         * @param agentId       owner
         * @param closingSide   0 buy, 1 sell
         * @param quantity      what to close, volume decimals
         * @param clientOrderId the originating order's client id
         * @param orderId       the originating order
         * @param reason        {@link #STOP_LOSS} or {@link #TAKE_PROFIT}
         */
        void fire(int agentId, int closingSide, long quantity, long clientOrderId, long orderId, int reason);
    }

    /** One open slot. */
    private static final class Slot {
        final int agentId;
        final int closingSide;
        final long clientOrderId;
        final long orderId;
        long quantity;
        long stopLoss;
        long takeProfit;
        boolean stopLossUp;
        boolean takeProfitUp;

        Slot(int agentId, int closingSide, long clientOrderId, long orderId) {
            this.agentId = agentId;
            this.closingSide = closingSide;
            this.clientOrderId = clientOrderId;
            this.orderId = orderId;
        }
    }

    private final List<Slot> slots = new ArrayList<>();
    private long previous;

    /** Open slots. */
    public int size() {
        return slots.size();
    }

    /** Quantity still covered by the agent's slots closing on {@code closingSide}. */
    public long covered(int agentId, int closingSide) {
        long total = 0;
        for (Slot slot : slots) {
            if (slot.agentId == agentId && slot.closingSide == closingSide) {
                total += slot.quantity;
            }
        }
        return total;
    }

    /**
     * A fill of the agent's order: drains its slots closing on the fill's side, then, for a flagged order, opens a
     * slot on the other side for what is left.
     *
     * @param side       0 the agent bought, 1 it sold
     * @param quantity   traded quantity, volume decimals
     * @param price      fill price, price decimals
     * @param stopLoss   the order's stop-loss offset at {@code Rate.SCALE}, 0 for none
     * @param takeProfit the order's take-profit offset, 0 for none
     */
    public void onFill(int agentId, int side, long quantity, long price, long stopLoss, long takeProfit,
                       long clientOrderId, long orderId) {
        long left = quantity;
        if (!slots.isEmpty()) {
            for (int i = 0; i < slots.size() && left > 0; i++) {
                Slot slot = slots.get(i);
                if (slot.agentId != agentId || slot.closingSide != side) {
                    continue;
                }
                long take = Math.min(slot.quantity, left);
                slot.quantity -= take;
                left -= take;
                if (slot.quantity == 0) {
                    slots.remove(i--);
                }
            }
        }
        if (left == 0 || (stopLoss == 0 && takeProfit == 0)) {
            return;
        }
        Slot slot = new Slot(agentId, 1 - side, clientOrderId, orderId);
        slot.quantity = left;
        long scaled = price * Rate.ONE;
        if (stopLoss != 0) {
            slot.stopLoss = price * (Rate.ONE + stopLoss);
            slot.stopLossUp = slot.stopLoss >= scaled;
        }
        if (takeProfit != 0) {
            slot.takeProfit = price * (Rate.ONE + takeProfit);
            slot.takeProfitUp = slot.takeProfit >= scaled;
        }
        slots.add(slot);
    }

    /** A trade price of the book: fires the legs it moved through (the first price only seeds). */
    public void onPrice(long price, Dispatch dispatch) {
        long before = previous;
        previous = price;
        if (before == 0 || before == price || slots.isEmpty()) {
            return;
        }
        boolean up = price > before;
        long low = Math.min(before, price) * Rate.ONE;
        long high = Math.max(before, price) * Rate.ONE;
        for (Slot slot : slots) {
            int reason = 0;
            if (slot.stopLoss != 0 && slot.stopLossUp == up && slot.stopLoss >= low && slot.stopLoss <= high) {
                reason = STOP_LOSS;
            } else if (slot.takeProfit != 0 && slot.takeProfitUp == up && slot.takeProfit >= low
                    && slot.takeProfit <= high) {
                reason = TAKE_PROFIT;
            }
            if (reason != 0) {
                slot.stopLoss = 0;
                slot.takeProfit = 0;
                dispatch.fire(slot.agentId, slot.closingSide, slot.quantity, slot.clientOrderId, slot.orderId,
                        reason);
            }
        }
    }

    /** Removes the slots an order opened (a margin call liquidates its loan instead). */
    public void purge(long orderId) {
        slots.removeIf(slot -> slot.orderId == orderId);
    }

    /** Removes every slot of an agent (account reset). */
    public void purgeAgent(int agentId) {
        slots.removeIf(slot -> slot.agentId == agentId);
    }

    /** Saves the last price seen and every armed slot in order. */
    public void writeState(StateWriter out) {
        out.writeLong(previous);
        out.writeInt(slots.size());
        for (Slot slot : slots) {
            out.writeInt(slot.agentId);
            out.writeInt(slot.closingSide);
            out.writeLong(slot.clientOrderId);
            out.writeLong(slot.orderId);
            out.writeLong(slot.quantity);
            out.writeLong(slot.stopLoss);
            out.writeLong(slot.takeProfit);
            out.writeBoolean(slot.stopLossUp);
            out.writeBoolean(slot.takeProfitUp);
        }
    }

    /** Restores what {@link #writeState} saved into empty triggers. */
    public void readState(StateReader in) {
        in.check(slots.isEmpty(), "stop triggers: state is restored into empty triggers");
        previous = in.readLong();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            Slot slot = new Slot(in.readInt(), in.readInt(), in.readLong(), in.readLong());
            slot.quantity = in.readLong();
            slot.stopLoss = in.readLong();
            slot.takeProfit = in.readLong();
            slot.stopLossUp = in.readBoolean();
            slot.takeProfitUp = in.readBoolean();
            slots.add(slot);
        }
    }
}
