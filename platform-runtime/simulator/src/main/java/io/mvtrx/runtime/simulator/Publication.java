package io.mvtrx.runtime.simulator;

import java.util.List;
import java.util.Map;

import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

/**
 * Everything published at one barrier: the books once (every book's L2 snapshot at the configured depths, with
 * detailed and broad levels, and its L3 events since the previous publish), and per remote account the
 * {@link StateUpdate} it receives, which shares that same list of books.
 *
 * @param timestamp  simulation time of the barrier, ns
 * @param simulation what agents are told about the run
 * @param books      every book, in canonical id order (shared by every update)
 * @param updates    per remote account id {@code 0..remoteAgentCount-1}, its update: its own accounts (by canonical
 *                   book id) and notices only
 * @param last       whether this is the last publish of the run (its updates carry the end notice)
 * @param buildNanos wall ns the simulation took to build this publication (the books' snapshots and events, every
 *                   remote account's snapshot and notices), 0 when not measured
 */
public record Publication(long timestamp, SimulationInfo simulation, List<BookState> books,
                          Map<Integer, StateUpdate> updates, boolean last, long buildNanos) {

    public Publication {
        books = List.copyOf(books);
        updates = Map.copyOf(updates);
    }

    /** A publication whose build time was not measured. */
    public Publication(long timestamp, SimulationInfo simulation, List<BookState> books,
                       Map<Integer, StateUpdate> updates, boolean last) {
        this(timestamp, simulation, books, updates, last, 0);
    }
}
