package io.mvtrx.api.instruction;

import java.util.List;

/**
 * Cancels orders, fully or in part.
 *
 * @param bookId        book
 * @param cancellations what to cancel
 * @param delay         extra delay, ns
 */
public record CancelOrders(int bookId, List<Cancellation> cancellations, long delay) implements Instruction {

    public CancelOrders {
        cancellations = List.copyOf(cancellations);
        InstructionChecks.requireDelay(delay);
    }

    /**
     * One cancellation.
     *
     * @param orderId order to cancel
     * @param volume  volume to cancel at the book's volume decimals, or {@link #ALL}
     */
    public record Cancellation(long orderId, long volume) {

        /** Cancels the whole remaining volume. */
        public static final long ALL = -1;
    }
}
