package io.mvtrx.api.instruction;

import java.util.List;

/**
 * Repays the loans of leveraged orders by trading against the book.
 *
 * @param bookId book
 * @param closes which loans to close
 * @param delay  extra delay, ns
 */
public record ClosePositions(int bookId, List<PositionClose> closes, long delay) implements Instruction {

    public ClosePositions {
        closes = List.copyOf(closes);
        InstructionChecks.requireDelay(delay);
    }

    /**
     * One close.
     *
     * @param orderId the leveraged order whose loan is repaid
     * @param volume  amount in loan units (quote for buy loans, base for sell loans), or {@link #ALL}
     */
    public record PositionClose(long orderId, long volume) {

        /** Closes the whole loan. */
        public static final long ALL = -1;
    }
}
