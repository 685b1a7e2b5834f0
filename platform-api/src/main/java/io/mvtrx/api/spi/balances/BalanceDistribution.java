package io.mvtrx.api.spi.balances;

/**
 * Draws starting balances. Deterministic: the same (agent, book, draw) gives the same balance, independent of the
 * order in which accounts are drawn, so adding an account does not shift the others.
 */
public interface BalanceDistribution {

    /**
     * Draws the starting balance of one account on one book.
     *
     * @param agentId account
     * @param bookId  book
     * @param draw    0 for the first start, incremented on each reset so a reset redraws
     */
    StartingBalance draw(int agentId, int bookId, int draw);
}
