package io.mvtrx.runtime.exchange.state;

import io.mvtrx.api.spi.matching.OrderBook;

/**
 * Everything the engine keeps for one book: the matching rule's book, the order table, id counters, the loans, the
 * last trade price and the fees the exchange collected there. Touched only by the exchange's writer.
 */
public final class BookState {

    /** The book's limits and decimals. */
    public final BookRules rules;

    /** The matching rule's book. */
    public final OrderBook book;

    /** The engine's view of its open orders. */
    public final OrderTable orders;

    /** Open loans of leveraged orders. */
    public final LoanTable loans = new LoanTable();

    /** Stop-loss and take-profit slots. */
    public final StopTriggers stops = new StopTriggers();

    /** Next order id (per book, from 0, consumed only by accepted orders). */
    public long nextOrderId;

    /** Next trade id (per book, from 0). */
    public long nextTradeId;

    /** Price of the last trade, or the initial price. */
    public long lastPrice;

    /** Base the exchange collected as buyers' fees, base decimals. */
    public long feesBase;

    /** Net quote the exchange collected (sellers' fees minus buyers' refunds and rebates), quote decimals. */
    public long feesQuote;

    /**
     * The order-table slot of a resting order, or {@link OrderTable#MISSING} when it does not rest: the book's id
     * index answers with the handle the order rested with, which is its slot.
     *
     * @throws IllegalStateException if the book answers a slot that holds another order (a broken matching rule)
     */
    public int slot(long orderId) {
        int slot = book.handle(orderId);
        if (slot == OrderBook.NO_HANDLE) {
            return OrderTable.MISSING;
        }
        if (slot >= orders.limit() || !orders.isUsed(slot) || orders.id(slot) != orderId) {
            throw new IllegalStateException(String.format(
                    "book %d: order %d rests with handle %d, which is not its slot", rules.bookId(), orderId, slot));
        }
        return slot;
    }

    public BookState(BookRules rules, OrderBook book, OrderTable orders) {
        this.rules = rules;
        this.book = book;
        this.orders = orders;
        this.lastPrice = rules.initialPrice();
    }
}
