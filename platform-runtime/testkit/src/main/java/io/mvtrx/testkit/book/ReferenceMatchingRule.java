package io.mvtrx.testkit.book;

import io.mvtrx.api.spi.matching.BookSpec;
import io.mvtrx.api.spi.matching.MatchingRule;
import io.mvtrx.api.spi.matching.OrderBook;

/** A {@link MatchingRule} of {@link ReferenceBook}s, for exchange tests that want the slow, obvious book. */
public final class ReferenceMatchingRule implements MatchingRule {

    @Override
    public OrderBook newBook(BookSpec spec) {
        return new ReferenceBook(spec.bookId());
    }
}
