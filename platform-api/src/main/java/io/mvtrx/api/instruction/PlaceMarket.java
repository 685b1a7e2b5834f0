package io.mvtrx.api.instruction;

import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;

/**
 * Places a market order.
 *
 * @param bookId        book
 * @param side          direction
 * @param volume        size: at the volume decimals for {@link Currency#BASE}, at the quote decimals for QUOTE
 * @param currency      what {@code volume} is given in
 * @param leverage      at the book's volume decimals; 0 for none
 * @param maxSlippage   at {@code Rate.SCALE}: stop at levels beyond best·(1±s); 0 for no bound
 * @param stp           self-trade prevention
 * @param clientOrderId the agent's own id, or {@code Order.NO_CLIENT_ID}
 * @param settleFlag    loan repayment rule, see {@code SettleFlag}
 * @param stopLoss      relative stop-loss offset at {@code Rate.SCALE}; 0 for none
 * @param takeProfit    relative take-profit offset at {@code Rate.SCALE}; 0 for none
 * @param delay         extra delay, ns
 */
public record PlaceMarket(
        int bookId,
        Side side,
        long volume,
        Currency currency,
        long leverage,
        long maxSlippage,
        StpMode stp,
        long clientOrderId,
        long settleFlag,
        long stopLoss,
        long takeProfit,
        long delay) implements Instruction {

    public PlaceMarket {
        InstructionChecks.requireNonNull(side, "side");
        InstructionChecks.requireNonNull(currency, "currency");
        InstructionChecks.requireNonNull(stp, "stp");
        InstructionChecks.requireDelay(delay);
    }
}
