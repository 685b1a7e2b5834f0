package io.mvtrx.api.notice;

import java.util.Optional;

import io.mvtrx.api.event.RejectReason;

/**
 * The outcome of one position close: success means a closing market order was dispatched.
 *
 * @param timestamp ns
 * @param bookId    book
 * @param orderId   the leveraged order whose loan was to be repaid
 * @param failure   why it failed, empty on success
 */
public record PositionCloseReport(long timestamp, int bookId, long orderId, Optional<RejectReason> failure)
        implements Notice {
}
