package io.mvtrx.testkit.balances;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.spi.balances.BalanceContext;
import io.mvtrx.api.spi.balances.BalanceDistribution;
import io.mvtrx.api.spi.balances.StartingBalance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every {@link BalanceDistribution} must do: balances are non-negative, the same seed gives the same
 * balances, and a balance depends only on (agent, book, draw), never on which accounts were drawn before, so adding
 * an account or drawing in another order shifts nothing. Randomised distributions also redraw on a new draw index.
 * A distribution test extends this class and implements {@link #create}.
 */
public abstract class BalanceDistributionContractTest {

    /** A fresh distribution of the implementation under test. */
    protected abstract BalanceDistribution create(BalanceContext context);

    /** Whether balances vary with the seed, the account and the draw index; false for static amounts. */
    protected boolean randomized() {
        return true;
    }

    /** The context of the tests: reference decimals (2/4/4/10), initial price 300. */
    protected BalanceContext context(long seed) {
        return new BalanceContext(BookDecimals.REFERENCE, seed, 300.0);
    }

    /** The accounts drawn: background ids −40..−1, miner ids 0..39, books 0..5, draws 0..2. */
    protected List<Key> keys() {
        List<Key> keys = new ArrayList<>();
        for (int agent = -40; agent < 40; agent++) {
            for (int book = 0; book < 6; book++) {
                for (int draw = 0; draw < 3; draw++) {
                    keys.add(new Key(agent, book, draw));
                }
            }
        }
        return keys;
    }

    @Test
    public void sameSeedGivesTheSameBalances() {
        assertThat(drawAll(create(context(42)), keys())).isEqualTo(drawAll(create(context(42)), keys()));
    }

    @Test
    public void balancesDoNotDependOnTheOrderOfDraws() {
        List<Key> shuffled = new ArrayList<>(keys());
        Collections.shuffle(shuffled, new Random(2024));
        List<Key> reversed = new ArrayList<>(keys());
        Collections.reverse(reversed);

        Map<Key, StartingBalance> forward = drawAll(create(context(42)), keys());

        assertThat(drawAll(create(context(42)), shuffled)).isEqualTo(forward);
        assertThat(drawAll(create(context(42)), reversed)).isEqualTo(forward);
    }

    @Test
    public void drawingTheSameAccountAgainGivesTheSameBalance() {
        BalanceDistribution distribution = create(context(42));
        StartingBalance first = distribution.draw(7, 2, 1);
        distribution.draw(8, 2, 1);
        distribution.draw(7, 3, 0);

        assertThat(distribution.draw(7, 2, 1)).isEqualTo(first);
    }

    @Test
    public void balancesAreNonNegative() {
        for (StartingBalance balance : drawAll(create(context(3)), keys()).values()) {
            assertThat(balance.base()).isNotNegative();
            assertThat(balance.quote()).isNotNegative();
        }
    }

    @Test
    public void aNewDrawIndexRedraws() {
        assumeTrue(randomized(), "static distribution");
        BalanceDistribution distribution = create(context(42));
        int changed = 0;
        int total = 0;
        for (int agent = 0; agent < 50; agent++) {
            for (int book = 0; book < 4; book++) {
                total++;
                if (!distribution.draw(agent, book, 0).equals(distribution.draw(agent, book, 1))) {
                    changed++;
                }
            }
        }
        assertThat(changed).as("redrawn accounts of %d", total).isGreaterThanOrEqualTo(total * 9 / 10);
    }

    @Test
    public void accountsBooksAndSeedsGetTheirOwnDraws() {
        assumeTrue(randomized(), "static distribution");
        BalanceDistribution distribution = create(context(42));
        BalanceDistribution otherSeed = create(context(43));
        int sameAgent = 0;
        int sameBook = 0;
        int sameSeed = 0;
        for (int agent = 0; agent < 100; agent++) {
            StartingBalance balance = distribution.draw(agent, 0, 0);
            sameAgent += balance.equals(distribution.draw(agent + 1, 0, 0)) ? 1 : 0;
            sameBook += balance.equals(distribution.draw(agent, 1, 0)) ? 1 : 0;
            sameSeed += balance.equals(otherSeed.draw(agent, 0, 0)) ? 1 : 0;
        }
        assertThat(sameAgent).as("equal to the next agent's").isLessThanOrEqualTo(10);
        assertThat(sameBook).as("equal to the next book's").isLessThanOrEqualTo(10);
        assertThat(sameSeed).as("equal under another seed").isLessThanOrEqualTo(10);
    }

    /** Draws every key in the given order. */
    protected static Map<Key, StartingBalance> drawAll(BalanceDistribution distribution, List<Key> keys) {
        Map<Key, StartingBalance> balances = new LinkedHashMap<>();
        for (Key key : keys) {
            balances.put(key, distribution.draw(key.agentId(), key.bookId(), key.draw()));
        }
        return balances;
    }

    /**
     * One draw.
     *
     * @param agentId account
     * @param bookId  book
     * @param draw    draw index
     */
    public record Key(int agentId, int bookId, int draw) {
    }
}
