package io.mvtrx.runtime.validator.scoring;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One miner's open FIFO lots on one book and the realized P&L of each trade against them, as the reference
 * validator's {@code match_trade_fifo} (protocol.md §6), operation for operation so the doubles agree:
 * <ul>
 *   <li>with nothing to close, the whole trade opens a lot carrying the whole fee;</li>
 *   <li>a buy closes shorts oldest first, a sell closes longs. A lot no larger than what is left of the trade is
 *       closed whole: {@code (entry - price)·lotQty - lotFee - fee·lotQty·(1/qty)} for a short (mirrored for a
 *       long). A larger lot is closed in part: the closed share of its fee {@code lotFee·rem·(1/lotQty)} and of
 *       the trade's fee {@code fee·rem·(1/qty)} are charged, and the lot keeps the rest of its fee;</li>
 *   <li>what is left of the trade opens a lot with fee {@code fee·rem·(1/qty)}.</li>
 * </ul>
 * Fees are positive costs, negative rebates. Not thread-safe.
 */
public final class OpenPositions {

    private final ArrayDeque<Lot> longs = new ArrayDeque<>();
    private final ArrayDeque<Lot> shorts = new ArrayDeque<>();

    /**
     * An open lot.
     *
     * @param openedAt state timestamp of the trade that opened it, ns
     * @param quantity open base quantity
     * @param price    entry price
     * @param fee      the part of the entry fee not yet realized
     */
    public record Lot(long openedAt, double quantity, double price, double fee) {
    }

    /**
     * What one trade realized.
     *
     * @param pnl               realized P&L net of fees, quote
     * @param roundTripQuantity base quantity that closed earlier lots
     */
    public record Realization(double pnl, double roundTripQuantity) {
    }

    /** Records one of the miner's trades and returns what it realized. */
    public Realization trade(long timestamp, boolean buy, double quantity, double price, double fee) {
        ArrayDeque<Lot> opposite = buy ? shorts : longs;
        ArrayDeque<Lot> same = buy ? longs : shorts;
        if (opposite.isEmpty()) {
            same.addLast(new Lot(timestamp, quantity, price, fee));
            return new Realization(0.0, 0.0);
        }
        double realized = 0.0;
        double roundTrip = 0.0;
        double remaining = quantity;
        double quantityInverse = quantity > 0 ? 1.0 / quantity : 0.0;
        while (remaining > 0 && !opposite.isEmpty()) {
            Lot lot = opposite.peekFirst();
            if (lot.quantity() <= remaining) {
                double pricePnl = (buy ? lot.price() - price : price - lot.price()) * lot.quantity();
                double closeFee = fee * lot.quantity() * quantityInverse;
                realized += pricePnl - lot.fee() - closeFee;
                roundTrip += lot.quantity();
                remaining -= lot.quantity();
                opposite.pollFirst();
            } else {
                double lotInverse = 1.0 / lot.quantity();
                double pricePnl = (buy ? lot.price() - price : price - lot.price()) * remaining;
                double closeFee = fee * remaining * quantityInverse;
                double openFee = lot.fee() * remaining * lotInverse;
                realized += pricePnl - openFee - closeFee;
                roundTrip += remaining;
                opposite.pollFirst();
                opposite.addFirst(new Lot(lot.openedAt(), lot.quantity() - remaining, lot.price(),
                        lot.fee() - openFee));
                remaining = 0;
            }
        }
        if (remaining > 0) {
            same.addLast(new Lot(timestamp, remaining, price, fee * remaining * quantityInverse));
        }
        return new Realization(realized, roundTrip);
    }

    /** Open longs, oldest (next to close) first. */
    public List<Lot> longs() {
        return List.copyOf(longs);
    }

    /** Open shorts, oldest first. */
    public List<Lot> shorts() {
        return List.copyOf(shorts);
    }

    /** Whether no lot is open. */
    public boolean isEmpty() {
        return longs.isEmpty() && shorts.isEmpty();
    }

    /** Restores lots read from a checkpoint, appended after any already open. */
    public void restore(List<Lot> openLongs, List<Lot> openShorts) {
        longs.addAll(openLongs);
        shorts.addAll(openShorts);
    }

    /** Forgets every open lot (simulation change or account reset). */
    public void clear() {
        longs.clear();
        shorts.clear();
    }
}
