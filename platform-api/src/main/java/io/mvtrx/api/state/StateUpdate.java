package io.mvtrx.api.state;

import java.util.List;
import java.util.Map;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.notice.Notice;

/**
 * What one agent receives at a publish: every book, and its own accounts and notices only.
 *
 * @param timestamp  simulation time, ns
 * @param simulation the simulation's configuration
 * @param books      every book, by book id order
 * @param accounts   the receiving agent's account per book id
 * @param notices    the receiving agent's notices since the last publish, in order
 */
public record StateUpdate(
        long timestamp,
        SimulationInfo simulation,
        List<BookState> books,
        Map<Integer, Account> accounts,
        List<Notice> notices) {

    public StateUpdate {
        books = List.copyOf(books);
        accounts = Map.copyOf(accounts);
        notices = List.copyOf(notices);
    }
}
