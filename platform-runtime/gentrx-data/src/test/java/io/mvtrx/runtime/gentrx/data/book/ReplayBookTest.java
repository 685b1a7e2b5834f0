package io.mvtrx.runtime.gentrx.data.book;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayBookTest {

    @Test
    void aCrossingBuyTakesLevelsBestFirstAndRestsTheRest() {
        ReplayBook book = new ReplayBook();
        book.submit(false, 101, 30);
        book.submit(false, 102, 40);
        book.submit(false, 104, 50);

        long matched = book.submit(true, 102, 100);

        assertThat(matched).isEqualTo(70);
        assertThat(book.snapshot()).isEqualTo(new BookSnapshot(103, new long[] {104}, new long[] {50},
                new long[] {102}, new long[] {30}));
    }

    @Test
    void aCancelTakesVolumeFromTheFrontOfTheLevelQueue() {
        ReplayBook book = new ReplayBook();
        book.submit(true, 100, 5);
        book.submit(true, 100, 7);
        book.submit(true, 100, 9);

        assertThat(book.cancel(true, 100, 8)).isEqualTo(8);
        // 5 gone, 7 -> 4: a sell of 4 at 100 now empties exactly the second order, leaving the third (9).
        book.submit(false, 100, 4);

        assertThat(book.snapshot().bidVolumes()).containsExactly(9);
        assertThat(book.cancel(true, 99, 3)).isZero();
        assertThat(book.cancel(false, 100, 3)).isZero();
        assertThat(book.cancel(true, 100, 50)).isEqualTo(9);
        assertThat(book.snapshot().bidPrices()).isEmpty();
    }

    @Test
    void midIsTheFlooredAverageOrTheOnlySideOrZero() {
        ReplayBook book = new ReplayBook();
        assertThat(book.mid()).isZero();
        book.submit(true, 100, 1);
        assertThat(book.mid()).isEqualTo(100);
        book.submit(false, 103, 1);
        assertThat(book.mid()).isEqualTo(101);
        book.reset();
        book.submit(false, 7, 1);
        assertThat(book.mid()).isEqualTo(7);
    }

    @Test
    void topShowsTenLevelsPerSidePaddedWithZeros() {
        ReplayBook book = new ReplayBook();
        for (int i = 0; i < 12; i++) {
            book.submit(false, 200 + i, i + 1);
            book.submit(false, 200 + i, 1);
        }
        book.submit(true, 150, 3);
        long[] asks = new long[10];
        long[] bids = new long[10];

        long mid = book.top(asks, bids);

        assertThat(mid).isEqualTo(175);
        assertThat(asks).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(bids).containsExactly(3, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
