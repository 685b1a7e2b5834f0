package io.mvtrx.api.notice;

import java.util.Optional;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.RejectReason;

/**
 * The outcome of one cancellation: a requested cancel, an expiry, or a self-trade-prevention cancel.
 *
 * @param timestamp ns
 * @param bookId    book
 * @param orderId   order
 * @param volume    volume cancelled (0 on failure)
 * @param reason    why the volume left
 * @param failure   why the cancel failed, empty on success
 */
public record CancelReport(
        long timestamp,
        int bookId,
        long orderId,
        long volume,
        CancelReason reason,
        Optional<RejectReason> failure) implements Notice {

    /** Whether the cancel succeeded. */
    public boolean success() {
        return failure.isEmpty();
    }
}
