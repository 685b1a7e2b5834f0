package io.mvtrx.runtime.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The order in which a publication writes an account's open orders: ascending order id, whatever the slots. */
class IdOrderTest {

    @Test
    void idsAlreadyAscendingNeedNoOrder() {
        assertThat(Exchange.idOrder(new long[] {3, 9, 27})).isNull();
        assertThat(Exchange.idOrder(new long[] {5})).isNull();
        assertThat(Exchange.idOrder(new long[0])).isNull();
    }

    @Test
    void positionsComeInAscendingIdOrder() {
        assertThat(Exchange.idOrder(new long[] {40, 7, 19, 8})).containsExactly(1, 3, 2, 0);
        assertThat(Exchange.idOrder(new long[] {2, 1})).containsExactly(1, 0);
    }

    @Test
    void randomIdsOfEverySizeSortAsAComparatorWould() {
        Random random = new Random(20261130);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(round % 10 == 0 ? 3_000 : 80);
            long bound = switch (round % 4) {
                case 0 -> 4L * n;            // small ids, as a book's counter gives
                case 1 -> 1L << 40;
                case 2 -> Long.MAX_VALUE;    // too large to pack: the searching path
                default -> -1;               // negative ids too
            };
            long[] ids = uniqueIds(random, n, bound);
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingLong(i -> ids[i])).mapToInt(Integer::intValue).toArray();
            int[] order = Exchange.idOrder(ids);
            if (order == null) {
                assertThat(expected).as("null only for ascending ids").isEqualTo(IntStream.range(0, n).toArray());
            } else {
                assertThat(order).as("round %d, %d ids below %d", round, n, bound).isEqualTo(expected);
            }
        }
    }

    @Test
    void idsAtThePackingLimitTakeTheSearch() {
        // two ids: one bit of position, so ids from 2^62 on cannot be packed
        long limit = 1L << 62;
        assertThat(Exchange.idOrder(new long[] {limit, limit - 1})).containsExactly(1, 0);
        assertThat(Exchange.idOrder(new long[] {limit - 1, limit - 2})).containsExactly(1, 0);
        assertThat(Exchange.idOrder(new long[] {Long.MAX_VALUE, 0, Long.MIN_VALUE})).containsExactly(2, 1, 0);
    }

    private static long[] uniqueIds(Random random, int n, long bound) {
        Set<Long> seen = new HashSet<>();
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            long id;
            do {
                id = bound > 0 ? (long) (random.nextDouble() * bound) : random.nextLong();
            } while (!seen.add(id));
            ids[i] = id;
        }
        return ids;
    }
}
