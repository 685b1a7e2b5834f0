package io.mvtrx.api.spi.matching;

/** A factory of books that share one matching rule. */
public interface MatchingRule {

    /** Creates an empty book. */
    OrderBook newBook(BookSpec spec);
}
