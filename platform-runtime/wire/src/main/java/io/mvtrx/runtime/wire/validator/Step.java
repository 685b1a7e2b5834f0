package io.mvtrx.runtime.wire.validator;

import java.util.List;
import java.util.Map;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;

/**
 * What the simulator published for one step, for every miner at once.
 *
 * @param timestamp  simulation time, ns
 * @param simulation the simulation's configuration
 * @param books      every book, in book id order (shared by all miners)
 * @param accounts   per uid, that miner's account per book id
 * @param notices    per uid, that miner's notices since the last publish
 */
public record Step(
        long timestamp,
        SimulationInfo simulation,
        List<BookState> books,
        Map<Integer, Map<Integer, Account>> accounts,
        Map<Integer, List<Notice>> notices) {

    public Step {
        books = List.copyOf(books);
        accounts = Map.copyOf(accounts);
        notices = Map.copyOf(notices);
    }
}
