package io.mvtrx.api.spi.trading.support;

import java.util.List;
import java.util.Optional;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.TradeNotice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EventHistoryTest {

    private static TradeNotice fill(int book, long id) {
        return new TradeNotice(Fixtures.trade(book, id, id, 30_000, 1_000), -1, true);
    }

    @Test
    void keepsTheNewestWithinEachLimit() {
        EventHistory history = new EventHistory(new EventHistory.Limits(2, 3, 2, 3));
        long[][] quotes = {{29_990, 30_010}, {30_000, 30_020}, {0, 30_030}, {30_010, 30_030}, {30_020, 30_040}};
        for (int step = 0; step < quotes.length; step++) {
            long time = 1_000L * (step + 1);
            List<Notice> notices = List.of(fill(step % 2, step));
            history.record(Fixtures.state(time, List.of(
                    Fixtures.book(0, quotes[step][0], quotes[step][1], 1, List.of(Fixtures.trade(0, time, step,
                            quotes[step][1], 10))),
                    Fixtures.book(1, 0, 0, 1, List.of())), notices));
        }

        assertThat(history.updates()).isEqualTo(5);
        assertThat(history.trades(0)).extracting(t -> t.tradeId()).containsExactly(3L, 4L);
        assertThat(history.trades(1)).isEmpty();
        PriceSeries mids = history.mids(0);
        // step 3 (index 2) was one-sided: no sample; the oldest of four two-sided samples fell out
        assertThat(mids.values()).containsExactly(300.1, 300.2, 300.3);
        assertThat(mids.timestamp(0)).isEqualTo(2_000);
        assertThat(mids.timestamp(2)).isEqualTo(5_000);
        assertThat(mids.logReturns()).hasSize(2);
        assertThat(mids.logReturns()[0]).isCloseTo(Math.log(300.2 / 300.1), within(1e-15));
        assertThat(history.mids(1).isEmpty()).isTrue();
        assertThat(history.fills()).extracting(f -> f.trade().tradeId()).containsExactly(3L, 4L);
        assertThat(history.fills(0)).extracting(f -> f.trade().tradeId()).containsExactly(4L);
        assertThat(history.notices()).hasSize(3);
    }

    @Test
    void noticesBetweenUpdatesAreKeptAndFillsCounted() {
        EventHistory history = new EventHistory();
        CancelReport cancel = new CancelReport(7, 0, 11, 5, CancelReason.EXPIRED, Optional.empty());

        history.recordNotice(cancel);
        history.recordNotice(fill(1, 9));

        assertThat(history.notices()).containsExactly(cancel, fill(1, 9));
        assertThat(history.fills()).containsExactly(fill(1, 9));
        assertThat(history.updates()).isZero();
    }

    @Test
    void clearForgetsEverything() {
        EventHistory history = new EventHistory();
        history.record(Fixtures.state(1, List.of(Fixtures.book(0, 29_990, 30_010, 1,
                List.of(Fixtures.trade(0, 1, 1, 30_010, 1)))), List.of(fill(0, 1))));

        history.clear();

        assertThat(history.updates()).isZero();
        assertThat(history.trades(0)).isEmpty();
        assertThat(history.mids(0).size()).isZero();
        assertThat(history.fills()).isEmpty();
        assertThat(history.notices()).isEmpty();
    }
}
