package io.mvtrx.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.state.BookState;

import org.junit.jupiter.api.Test;

class EventListTest {

    private static final Trade TRADE = new Trade(3, 11, 1, Side.BUY, 8, 7, 2, 1, 30_000, 5, 3, -1);
    private static final List<BookEvent> EVENTS = List.of(
            new OrderCancelled(3, 10, 6, 1, 29_990, 5, 0, CancelReason.values()[0]), TRADE,
            new OrderCancelled(3, 12, 9, 2, 30_010, 6, 1, CancelReason.values()[0]));
    private static final BookSnapshot SNAPSHOT = new BookSnapshot(3, 12, List.of(), List.of());

    @Test
    void givesItsTradesWithoutBuildingTheOtherEvents() {
        AtomicInteger builds = new AtomicInteger();
        EventList events = EventList.of(List.of(TRADE), 3, () -> {
            builds.incrementAndGet();
            return EVENTS;
        });
        BookState book = new BookState(SNAPSHOT, events, 0);

        assertThat(book.events()).isSameAs(events); // kept as it is, not copied
        assertThat(book.trades()).containsExactly(TRADE);
        assertThat(events.size()).isEqualTo(3);
        assertThat(builds).hasValue(0);
        assertThat(events.built()).isFalse();
        assertThat(events).isEqualTo(EVENTS);
        assertThat(builds).hasValue(1);
        assertThat(events.built()).isTrue();
        assertThatThrownBy(() -> events.add(TRADE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> EventList.of(List.of(TRADE, TRADE), 1, () -> EVENTS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBookStateOfAnyOtherListCopiesItAndFiltersItsTrades() {
        List<BookEvent> mutable = new ArrayList<>(EVENTS);
        BookState book = new BookState(SNAPSHOT, mutable, 0);
        mutable.clear();
        assertThat(book.events()).isEqualTo(EVENTS);
        assertThat(book.trades()).containsExactly(TRADE);
        assertThat(new BookState(SNAPSHOT, List.of(), 0).trades()).isEmpty();
    }
}
