package io.mvtrx.api.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;

import org.junit.jupiter.api.Test;

class DeferredListTest {

    private static final List<RestingOrder> ORDERS = List.of(new RestingOrder(7, 1, 25_000, 10),
            new RestingOrder(9, -3, 5_000, 12));

    @Test
    void buildsItsElementsOnceOnFirstReadAndNotBefore() {
        AtomicInteger builds = new AtomicInteger();
        DeferredList<RestingOrder> deferred = DeferredList.of(2, () -> {
            builds.incrementAndGet();
            return ORDERS;
        });
        Level level = new Level(30_000, 30_000, deferred);

        assertThat(level.orders()).isSameAs(deferred); // kept as it is, not copied
        assertThat(deferred.size()).isEqualTo(2);
        assertThat(deferred.isEmpty()).isFalse();
        assertThat(builds).hasValue(0);
        assertThat(deferred.built()).isFalse();
        assertThat(deferred.get(1)).isEqualTo(ORDERS.get(1));
        assertThat(deferred).isEqualTo(ORDERS).hasSameHashCodeAs(ORDERS);
        assertThat(level).isEqualTo(new Level(30_000, 30_000, ORDERS));
        assertThat(builds).hasValue(1);
        assertThat(deferred.built()).isTrue();
        assertThatThrownBy(() -> deferred.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> deferred.add(ORDERS.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBuilderThatGivesAnotherCountIsABugReportedOnRead() {
        DeferredList<RestingOrder> deferred = DeferredList.of(3, () -> ORDERS);
        assertThatThrownBy(() -> deferred.get(0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the builder gave 2 elements, 3 were announced");
        assertThatThrownBy(() -> DeferredList.of(-1, () -> ORDERS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLevelCopiesAnyOtherList() {
        List<RestingOrder> mutable = new ArrayList<>(ORDERS);
        Level level = new Level(30_000, 30_000, mutable);
        mutable.clear();
        assertThat(level.orders()).isEqualTo(ORDERS);
    }
}
