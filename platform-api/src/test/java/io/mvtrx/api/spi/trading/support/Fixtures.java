package io.mvtrx.api.spi.trading.support;

import java.util.List;
import java.util.Map;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

/** Hand-built states at the reference decimals (price 2, volume 4, base 4, quote 10). */
final class Fixtures {

    static final long QUOTE_UNIT = 10_000_000_000L;

    private Fixtures() {
    }

    static SimulationInfo simulation(String id) {
        return new SimulationInfo(id, 4, 1, 2, 86_400_000_000_000L, 0, 5_000_000_000L, BookDecimals.REFERENCE,
                2_500, 100, 4_0000, 10_000 * QUOTE_UNIT, 10_000_000, 30_000, "static");
    }

    /** A book with one level per side (bid, ask; 0 for an empty side), each of {@code volume} lots. */
    static BookState book(int id, long bid, long ask, long volume, List<BookEvent> events) {
        List<Level> bids = bid == 0 ? List.of() : List.of(Level.broad(bid, volume));
        List<Level> asks = ask == 0 ? List.of() : List.of(Level.broad(ask, volume));
        return new BookState(new BookSnapshot(id, 0, bids, asks), events, 0);
    }

    static Trade trade(int book, long time, long id, long price, long volume) {
        return new Trade(book, time, id, Side.BUY, 100 + id, 200 + id, -1, -2, price, volume, 0, 0);
    }

    static Account account(int agent, int book) {
        return new Account(agent, book, new Balance(10_0000, 10_0000, 0, 10_0000),
                new Balance(3_000 * QUOTE_UNIT, 3_000 * QUOTE_UNIT, 0, 3_000 * QUOTE_UNIT), 0, 0, 0, 0, List.of(),
                List.of(), new FeeRates(0, 10_000, 20_000));
    }

    static StateUpdate state(long time, List<BookState> books, List<Notice> notices) {
        return new StateUpdate(time, simulation("sim-1"), books, Map.of(0, account(3, 0)), notices);
    }
}
