package io.mvtrx.runtime.validator.node;

import java.util.ArrayDeque;

/**
 * Realized P&L of one miner on one book by FIFO lot matching (protocol.md §6): a buy first closes open shorts
 * oldest first, a sell closes open longs; what is left opens a new lot. Fees (positive cost, negative rebate) are
 * spread over the quantity they were paid on: closing part of a lot realizes that part's share of the lot's fee and
 * of the closing trade's fee.
 *
 * <p>Validator-side statistics in doubles, not exchange accounting. Not thread-safe.
 */
final class FifoPnl {

    private final ArrayDeque<Lot> longs = new ArrayDeque<>();
    private final ArrayDeque<Lot> shorts = new ArrayDeque<>();

    /** An open position lot: remaining quantity, entry price and the part of the entry fee not yet realized. */
    private static final class Lot {
        double quantity;
        final double price;
        double fee;

        Lot(double quantity, double price, double fee) {
            this.quantity = quantity;
            this.price = price;
            this.fee = fee;
        }
    }

    /**
     * Records one of the miner's trades.
     *
     * @param buy      whether the miner bought
     * @param quantity traded base quantity, > 0
     * @param price    trade price
     * @param fee      fee the miner paid on this trade (negative for a rebate), quote
     * @return what the trade realized
     */
    public Realization trade(boolean buy, double quantity, double price, double fee) {
        if (!(quantity > 0)) {
            throw new IllegalArgumentException("trade quantity must be > 0, got " + quantity);
        }
        ArrayDeque<Lot> opposite = buy ? shorts : longs;
        double remaining = quantity;
        double pnl = 0;
        double closed = 0;
        while (remaining > 0 && !opposite.isEmpty()) {
            Lot lot = opposite.peekFirst();
            double close = Math.min(lot.quantity, remaining);
            double gross = buy ? (lot.price - price) * close : (price - lot.price) * close;
            double lotFeeShare = close == lot.quantity ? lot.fee : lot.fee * close / lot.quantity;
            pnl += gross - lotFeeShare - fee * close / quantity;
            if (close == lot.quantity) {
                opposite.pollFirst();
            } else {
                lot.fee -= lotFeeShare;
                lot.quantity -= close;
            }
            remaining -= close;
            closed += close;
        }
        if (remaining > 0) {
            (buy ? longs : shorts).addLast(new Lot(remaining, price, fee * remaining / quantity));
        }
        return new Realization(pnl, closed, closed * price);
    }

    /** Open long quantity. */
    public double longQuantity() {
        return longs.stream().mapToDouble(l -> l.quantity).sum();
    }

    /** Open short quantity. */
    public double shortQuantity() {
        return shorts.stream().mapToDouble(l -> l.quantity).sum();
    }

    /** Forgets every open lot (simulation change or account reset). */
    public void clear() {
        longs.clear();
        shorts.clear();
    }

    /**
     * What one trade realized.
     *
     * @param pnl             realized P&L net of the realized fee shares, quote
     * @param closedQuantity  base quantity that closed earlier lots
     * @param roundTripVolume closed quantity valued at the trade price, quote
     */
    public record Realization(double pnl, double closedQuantity, double roundTripVolume) {
    }
}
