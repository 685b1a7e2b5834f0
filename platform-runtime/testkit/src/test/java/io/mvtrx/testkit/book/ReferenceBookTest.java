package io.mvtrx.testkit.book;

import io.mvtrx.api.spi.matching.OrderBook;

class ReferenceBookTest extends OrderBookContractTest {

    @Override
    protected OrderBook newBook() {
        return new ReferenceBook(0);
    }

    /** The reference twins are test oracles, never part of a run: they need no checkpoints. */
    @Override
    protected boolean snapshots() {
        return false;
    }
}
