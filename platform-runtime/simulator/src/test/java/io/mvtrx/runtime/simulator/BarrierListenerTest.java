package io.mvtrx.runtime.simulator;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.state.BookState;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An observer at every step's end ({@link Simulation#onBarrier}, the dashboard of {@code simulate --serve}): it sees
 * every book with the step's L3 events and each book's fundamental, and reading all of it changes nothing in the run.
 * The small configuration: 2 blocks × 2 books, step 1 s.
 */
class BarrierListenerTest {

    private static final long SECOND = 1_000_000_000L;

    private static SimulationOptions options() {
        return SimulationOptions.defaults().withDuration(20 * SECOND).withThreads(2).withSeed(9);
    }

    @Test
    void seesEveryStepWithItsEventsAndTheFundamentalAndChangesNothing() {
        List<Long> barriers = new ArrayList<>();
        long[] events = {0};
        List<double[]> fundamentals = new ArrayList<>();
        List<List<BookState>> lastBooks = new ArrayList<>();
        long observedHash;
        long l3Events;
        try (Simulation simulation = Simulation.create(Fixtures.small(), Fixtures.PLUGINS, options())) {
            simulation.onBarrier(timestamp -> {
                barriers.add(timestamp);
                List<BookState> books = simulation.bookStates();
                lastBooks.add(books);
                books.forEach(b -> events[0] += b.events().size());
                fundamentals.add(simulation.processValues("fundamental"));
                assertThat(simulation.processValues("no-such-process")).containsOnly(Double.NaN);
            });
            simulation.run(progress -> { });
            observedHash = simulation.eventLogHash();
            l3Events = simulation.l3Events();
        }
        long plainHash;
        try (Simulation plain = Simulation.create(Fixtures.small(), Fixtures.PLUGINS, options())) {
            plain.run(progress -> { });
            plainHash = plain.eventLogHash();
        }

        assertThat(barriers).hasSize(20);
        assertThat(barriers.getFirst()).isEqualTo(Fixtures.small().start() + SECOND);
        assertThat(barriers.getLast()).isEqualTo(Fixtures.small().start() + 20 * SECOND);
        assertThat(events[0]).as("every L3 event is seen once, at its step's end").isEqualTo(l3Events);
        assertThat(lastBooks.getLast()).extracting(b -> b.snapshot().bookId()).containsExactly(0, 1, 2, 3);
        assertThat(lastBooks.getLast().getFirst().snapshot().bids()).isNotEmpty();
        assertThat(java.util.Arrays.stream(fundamentals.getLast()).boxed().toList()).hasSize(4)
                .allSatisfy(f -> assertThat(f).isGreaterThan(0));
        assertThat(observedHash).isEqualTo(plainHash);
    }
}
