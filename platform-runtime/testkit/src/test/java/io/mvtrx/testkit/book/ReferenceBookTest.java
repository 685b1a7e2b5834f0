package io.mvtrx.testkit.book;

import io.mvtrx.api.spi.matching.OrderBook;

class ReferenceBookTest extends OrderBookContractTest {

    @Override
    protected OrderBook newBook() {
        return new ReferenceBook(0);
    }
}
