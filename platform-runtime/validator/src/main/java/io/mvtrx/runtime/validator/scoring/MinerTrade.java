package io.mvtrx.runtime.validator.scoring;

/**
 * One trade notice of a miner, as the validator receives it in a state (reference {@code ET} notice fields).
 *
 * @param book        book id
 * @param takerSide   side of the taker: 0 buy, 1 sell ({@code s})
 * @param price       trade price ({@code p})
 * @param quantity    base quantity ({@code q}), > 0
 * @param makerAgent  maker's agent id ({@code Ma})
 * @param takerAgent  taker's agent id ({@code Ta})
 * @param makerFee    fee the maker paid, negative for a rebate ({@code Mf})
 * @param takerFee    fee the taker paid ({@code Tf})
 */
public record MinerTrade(int book, int takerSide, double price, double quantity, int makerAgent, int takerAgent,
        double makerFee, double takerFee) {

    public MinerTrade {
        if (takerSide != 0 && takerSide != 1) {
            throw new IllegalArgumentException("side must be 0 (taker buys) or 1 (taker sells), got " + takerSide);
        }
        if (!(quantity > 0)) {
            throw new IllegalArgumentException("quantity must be > 0, got " + quantity);
        }
    }

    /**
     * Whether the trade is a buy for {@code uid}: it took a buy or made against a sell. A self-trade ({@code uid}
     * both maker and taker) is therefore always a buy, charged the maker fee, as in the reference.
     */
    public boolean isBuyFor(int uid) {
        return (takerAgent == uid && takerSide == 0) || (makerAgent == uid && takerSide == 1);
    }

    /** The fee {@code uid} paid: the maker fee if it made the trade (self-trades included), else the taker fee. */
    public double feeFor(int uid) {
        return makerAgent == uid ? makerFee : takerFee;
    }
}
