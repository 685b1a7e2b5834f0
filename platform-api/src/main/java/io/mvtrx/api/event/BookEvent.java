package io.mvtrx.api.event;

/**
 * One entry of a book's L3 event stream, in processing order. The set is closed; switch over it without a default.
 *
 * <p>For one incoming order the stream holds its trades first, then {@link OrderPlaced} if a remainder rests.
 */
public sealed interface BookEvent permits OrderPlaced, Trade, OrderCancelled {

    /** Book the event belongs to. */
    int bookId();

    /** Simulation time of the event, ns. */
    long timestamp();

    /** The event's price at the book's price decimals: resting, traded or cancelled (each kind says which). */
    long price();

    /** The event's volume at the book's volume decimals: resting, traded or removed (each kind says which). */
    long volume();
}
