package io.mvtrx.testkit.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.testkit.book.RecordingSink.Event;
import io.mvtrx.testkit.book.RecordingSink.Fill;
import io.mvtrx.testkit.book.RecordingSink.SelfTradeCancel;

/**
 * Drives one book through a script of {@link BookOp}s the way an exchange would, keeps a ledger of every order's
 * quantity, and checks the invariants every book keeps after every step:
 * <ul>
 *   <li>the book is never crossed (best bid &lt; best ask when both exist);</li>
 *   <li>conservation per resting order: rested = filled + cancelled by STP + reduced + still resting;</li>
 *   <li>conservation per taker: filled + returned = quantity (CO, NONE), filled + STP-cancelled + returned =
 *       quantity (DC), filled + returned &le; quantity (CN, CB);</li>
 *   <li>levels agree with their orders (quantity and count), and the counts add up to {@code orderCount()};</li>
 *   <li>handles: an order rests with handle {@code 3·id + 1}; each event names its maker's, and
 *       {@code handle(id)} answers it while the order rests and {@code NO_HANDLE} once it has left.</li>
 * </ul>
 * Two books of the same rule replay a script to equal {@link Step}s.
 *
 * <p>Not thread-safe; allocates freely (tests only).
 */
public final class BookScript {

    /** What one step did: the sink events, the book's answer (remainder or reduced quantity), the state hash. */
    public record Step(List<Event> events, long result, long stateHash) {
    }

    private final OrderBook book;
    private final RecordingSink sink = new RecordingSink();
    private final List<Entry> ledger = new ArrayList<>();

    /** A script over an empty book. */
    public BookScript(OrderBook book) {
        this.book = book;
    }

    /** The book driven. */
    public OrderBook book() {
        return book;
    }

    /** Applies the next step, checks the invariants, and says what happened. */
    public Step apply(BookOp op) {
        long id = ledger.size();
        Entry entry = new Entry();
        ledger.add(entry);
        sink.clear();
        long result = switch (op) {
            case BookOp.Place p -> {
                long left = book.match(id, p.agentId(), p.side(), p.price(), p.quantity(), p.stp(), sink);
                checkTaker(p.quantity(), p.stp(), left);
                if (left > 0) {
                    book.rest(id, p.agentId(), p.side(), p.price(), left, id, handleOf(id));
                    entry.rested = left;
                }
                yield left;
            }
            case BookOp.Take t -> {
                long left = book.match(id, t.agentId(), t.side(), t.limitPrice(), t.quantity(), t.stp(), sink);
                checkTaker(t.quantity(), t.stp(), left);
                yield left;
            }
            case BookOp.Reduce r -> {
                long removed = book.reduce(r.step(), r.quantity());
                if (r.step() >= 0 && r.step() < ledger.size()) {
                    ledger.get(r.step()).reduced += removed;
                } else {
                    assertThat(removed).as("reduce of an unknown order").isZero();
                }
                yield removed;
            }
        };
        List<Integer> handles = sink.handles();
        for (int i = 0; i < handles.size(); i++) {
            Event event = sink.events().get(i);
            long maker = event instanceof Fill f ? f.makerOrderId() : ((SelfTradeCancel) event).makerOrderId();
            assertThat(handles.get(i)).as("handle of maker %d", maker).isEqualTo(handleOf(maker));
        }
        for (Event event : sink.events()) {
            switch (event) {
                case Fill f -> ledger.get((int) f.makerOrderId()).filled += f.quantity();
                case SelfTradeCancel c -> ledger.get((int) c.makerOrderId()).selfTradeCancelled += c.quantity();
            }
        }
        assertInvariants();
        return new Step(sink.events(), result, book.stateHash());
    }

    /** Replays a whole script, returning every step. */
    public List<Step> applyAll(List<BookOp> ops) {
        List<Step> steps = new ArrayList<>(ops.size());
        for (BookOp op : ops) {
            steps.add(apply(op));
        }
        return steps;
    }

    /** Checks the invariants listed in the class doc. */
    public void assertInvariants() {
        long bid = book.bestBid();
        long ask = book.bestAsk();
        if (bid != OrderBook.NO_PRICE && ask != OrderBook.NO_PRICE) {
            assertThat(bid).as("best bid below best ask").isLessThan(ask);
        }
        int live = 0;
        for (int id = 0; id < ledger.size(); id++) {
            Entry e = ledger.get(id);
            long resting = book.quantity(id);
            if (resting > 0) {
                live++;
                assertThat(book.handle(id)).as("handle of order %d", id).isEqualTo(handleOf(id));
            } else {
                assertThat(resting).as("quantity of order %d", id).isEqualTo(-1);
                assertThat(book.handle(id)).as("handle of order %d", id).isEqualTo(OrderBook.NO_HANDLE);
            }
            assertThat(e.filled + e.selfTradeCancelled + e.reduced + Math.max(0, resting))
                    .as("order %d: rested = filled + stp-cancelled + reduced + resting", id)
                    .isEqualTo(e.rested);
        }
        assertThat(book.orderCount()).as("orderCount").isEqualTo(live);
        int counted = 0;
        for (Side side : Side.values()) {
            List<long[]> levels = new ArrayList<>();
            book.levels(side, Integer.MAX_VALUE, (price, quantity, orders) -> levels.add(
                    new long[] {price, quantity, orders}));
            long previous = 0;
            for (long[] level : levels) {
                long[] sum = new long[2];
                book.levelOrders(side, level[0], (orderId, agentId, price, quantity) -> {
                    sum[0] += quantity;
                    sum[1]++;
                    return true;
                });
                assertThat(sum).as("%s level %d: quantity and count of its orders", side, level[0])
                        .containsExactly(level[1], level[2]);
                assertThat(level[2]).as("%s level %d is not empty", side, level[0]).isPositive();
                if (previous != 0) {
                    assertThat(side == Side.BUY ? level[0] < previous : level[0] > previous)
                            .as("%s levels best first", side).isTrue();
                }
                previous = level[0];
                counted += (int) level[2];
            }
        }
        assertThat(counted).as("orders over all levels").isEqualTo(book.orderCount());
    }

    /** The handle order {@code id} rests with: distinct per order, not its id. */
    private static int handleOf(long id) {
        return (int) (3 * id + 1);
    }

    private void checkTaker(long quantity, StpMode stp, long left) {
        long filled = sink.filledQuantity();
        long cancelled = sink.selfTradeCancelledQuantity();
        assertThat(left).as("remainder").isBetween(0L, quantity);
        switch (stp) {
            case NONE, CO -> assertThat(filled + left).as("filled + remainder").isEqualTo(quantity);
            case DC -> assertThat(filled + cancelled + left).as("filled + stp-cancelled + remainder")
                    .isEqualTo(quantity);
            case CN, CB -> assertThat(filled + left).as("filled + remainder").isLessThanOrEqualTo(quantity);
        }
    }

    private static final class Entry {
        long rested;
        long filled;
        long selfTradeCancelled;
        long reduced;
    }
}
