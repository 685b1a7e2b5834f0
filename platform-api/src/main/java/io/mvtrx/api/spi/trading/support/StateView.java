package io.mvtrx.api.spi.trading.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

/**
 * One state update seen through {@link BookView}s and {@link Holdings}, looked up by book id. Immutable; built once
 * per step (one small object per book).
 */
public final class StateView {

    private final StateUpdate state;
    private final Units units;
    private final Map<Integer, BookView> books;

    private StateView(StateUpdate state) {
        this.state = state;
        this.units = new Units(state.simulation().decimals());
        Map<Integer, BookView> byId = new LinkedHashMap<>();
        for (BookState book : state.books()) {
            byId.put(book.snapshot().bookId(), BookView.of(book, state.simulation().decimals()));
        }
        this.books = Collections.unmodifiableMap(byId);
    }

    /** A view of {@code state}. */
    public static StateView of(StateUpdate state) {
        return new StateView(state);
    }

    /** The update as received. */
    public StateUpdate state() {
        return state;
    }

    /** Simulation time of the update, ns. */
    public long timestamp() {
        return state.timestamp();
    }

    /** The simulation's configuration. */
    public SimulationInfo simulation() {
        return state.simulation();
    }

    /** Conversions at the exchange's decimals. */
    public Units units() {
        return units;
    }

    /** Every book, in the order published. */
    public List<BookView> books() {
        return new ArrayList<>(books.values());
    }

    /**
     * The book with that id.
     *
     * @throws IllegalArgumentException if the update has no such book
     */
    public BookView book(int bookId) {
        BookView book = books.get(bookId);
        if (book == null) {
            throw new IllegalArgumentException("the state has no book " + bookId + "; books: " + books.keySet());
        }
        return book;
    }

    /** The agent's account on a book, if it has one. */
    public Optional<Holdings> holdings(int bookId) {
        Account account = state.accounts().get(bookId);
        return account == null ? Optional.empty() : Optional.of(Holdings.of(account));
    }

    /** The agent's notices since the last update, in order. */
    public List<Notice> notices() {
        return state.notices();
    }
}
