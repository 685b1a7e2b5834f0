package io.mvtrx.api.instruction;

import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;

/**
 * Places a limit order.
 *
 * @param bookId        book
 * @param side          direction
 * @param price         limit price at the book's price decimals, {@code > 0}
 * @param volume        size: at the volume decimals for {@link Currency#BASE}, at the quote decimals for QUOTE
 * @param currency      what {@code volume} is given in
 * @param leverage      at the book's volume decimals; 0 for none
 * @param timeInForce   GTC, GTT, IOC or FOK
 * @param expiryPeriod  ns after arrival at which a GTT order is cancelled; 0 unless GTT
 * @param postOnly      reject instead of taking liquidity
 * @param stp           self-trade prevention
 * @param clientOrderId the agent's own id, or {@code Order.NO_CLIENT_ID}
 * @param settleFlag    loan repayment rule, see {@code SettleFlag}
 * @param stopLoss      relative stop-loss offset at {@code Rate.SCALE} (-0.02 = 2 % below the fill); 0 for none
 * @param takeProfit    relative take-profit offset at {@code Rate.SCALE}; 0 for none
 * @param delay         extra delay, ns
 */
public record PlaceLimit(
        int bookId,
        Side side,
        long price,
        long volume,
        Currency currency,
        long leverage,
        TimeInForce timeInForce,
        long expiryPeriod,
        boolean postOnly,
        StpMode stp,
        long clientOrderId,
        long settleFlag,
        long stopLoss,
        long takeProfit,
        long delay) implements Instruction {

    public PlaceLimit {
        InstructionChecks.requireNonNull(side, "side");
        InstructionChecks.requireNonNull(currency, "currency");
        InstructionChecks.requireNonNull(timeInForce, "timeInForce");
        InstructionChecks.requireNonNull(stp, "stp");
        InstructionChecks.requireDelay(delay);
    }
}
