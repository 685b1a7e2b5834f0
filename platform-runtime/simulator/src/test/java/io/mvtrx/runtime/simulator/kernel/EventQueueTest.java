package io.mvtrx.runtime.simulator.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EventQueueTest {

    @Test
    void arrivalIsOccurrencePlusLatency() {
        EventQueue<String> queue = new EventQueue<>(4);
        queue.schedule(1_000, 250, "a");
        assertThat(queue.peekArrival()).isEqualTo(1_250);
        assertThat(queue.poll()).isEqualTo("a");
        assertThat(queue.lastArrival()).isEqualTo(1_250);
    }

    @Test
    void ordersByArrivalThenPriorityThenInsertion() {
        EventQueue<String> queue = new EventQueue<>(4);
        queue.schedule(100, 0, "late");
        queue.schedule(50, 0, "normal-1");
        queue.schedule(40, 10, "normal-2");
        queue.schedule(50, 0, EventQueue.PRIORITY_URGENT, "margin-call");
        queue.schedule(10, 0, "early");

        List<String> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            order.add(queue.poll());
        }
        assertThat(order).containsExactly("early", "margin-call", "normal-1", "normal-2", "late");
    }

    @Test
    void hasArrivalBeforeIsStrict() {
        EventQueue<String> queue = new EventQueue<>(1);
        queue.schedule(0, 1_000_000_000L, "at-cutoff");
        assertThat(queue.hasArrivalBefore(1_000_000_000L)).isFalse();
        assertThat(queue.hasArrivalBefore(1_000_000_001L)).isTrue();
    }

    @Test
    void rejectsNegativeLatencyAndOverflow() {
        EventQueue<String> queue = new EventQueue<>(1);
        assertThatThrownBy(() -> queue.schedule(0, -1, "x"))
                .hasMessage("latency must be >= 0 ns, got -1");
        assertThatThrownBy(() -> queue.schedule(Long.MAX_VALUE, 1, "x"))
                .hasMessageStartingWith("arrival overflows");
        assertThatThrownBy(queue::poll).hasMessage("poll on an empty event queue");
    }

    @Test
    void snapshotListsEntriesInPopOrderWithoutChangingTheQueue() {
        EventQueue<String> queue = new EventQueue<>(2);
        queue.schedule(5, 0, "b");
        queue.schedule(1, 0, EventQueue.PRIORITY_URGENT, "a");
        assertThat(queue.snapshot()).containsExactly(
                new EventQueue.Entry<>(1, EventQueue.PRIORITY_URGENT, "a"),
                new EventQueue.Entry<>(5, EventQueue.PRIORITY_NORMAL, "b"));
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.poll()).isEqualTo("a");
    }

    record Scheduled(long arrival, int priority, int sequence) {
    }

    @Property(tries = 300)
    void popsInTheSameOrderAsAStableSortByArrivalAndPriority(
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 50) Integer> arrivals,
            @ForAll @Size(max = 200) List<@IntRange(min = 0, max = 1) Integer> priorities) {
        EventQueue<Scheduled> queue = new EventQueue<>(1);
        List<Scheduled> expected = new ArrayList<>();
        for (int i = 0; i < arrivals.size(); i++) {
            int priority = i < priorities.size() ? priorities.get(i) : EventQueue.PRIORITY_NORMAL;
            Scheduled s = new Scheduled(arrivals.get(i), priority, i);
            queue.schedule(s.arrival(), 0, priority, s);
            expected.add(s);
            // Interleave pops so the heap is exercised in mixed states.
            if (i % 7 == 6) {
                expected.sort(ORDER);
                assertThat(queue.poll()).isEqualTo(expected.removeFirst());
            }
        }
        expected.sort(ORDER);
        List<Scheduled> popped = new ArrayList<>();
        while (!queue.isEmpty()) {
            popped.add(queue.poll());
        }
        assertThat(popped).isEqualTo(expected);
    }

    private static final Comparator<Scheduled> ORDER = Comparator.comparingLong(Scheduled::arrival)
            .thenComparingInt(Scheduled::priority)
            .thenComparingInt(Scheduled::sequence);
}
