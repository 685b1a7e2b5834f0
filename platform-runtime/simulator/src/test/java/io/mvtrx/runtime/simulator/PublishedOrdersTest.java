package io.mvtrx.runtime.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderList;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.AgentResponse;

import org.junit.jupiter.api.Test;

/**
 * Each publication records on every remote account's orders what changed since the last one, from the exchange's
 * revisions and the account's notices: the record, applied to the last publication's orders, gives the orders
 * published, through fills, whole and partial cancels, new quotes and an account reset; and it is there for nearly
 * every account, so that the validator does not compare the lists.
 */
class PublishedOrdersTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long DELAY = 5_000_000L;

    @Test
    void theRecordedChangesTurnTheLastPublishedOrdersIntoThePublishedOnes() {
        List<Publication> publications = run();
        assertThat(publications).hasSize(16);

        int accounts = 0;
        int recorded = 0;
        int withRemovals = 0;
        int changedInPlace = 0;
        OrderList.Diff diff = new OrderList.Diff();
        for (int p = 1; p < publications.size(); p++) {
            Publication before = publications.get(p - 1);
            Publication now = publications.get(p);
            for (int agent : now.updates().keySet()) {
                for (Map.Entry<Integer, Account> entry : now.updates().get(agent).accounts().entrySet()) {
                    OrderList previous = OrderList.of(before.updates().get(agent).accounts().get(entry.getKey())
                            .orders());
                    OrderList current = OrderList.of(entry.getValue().orders());
                    accounts++;
                    if (!current.hasChangesFrom(previous)) {
                        continue;
                    }
                    recorded++;
                    assertThat(diff.compute(previous, current)).isTrue();
                    assertThat(applied(previous, current, diff)).as("agent %d book %d at publication %d", agent,
                            entry.getKey(), p).isEqualTo(current);
                    // the added orders also in rows of their own, the same orders
                    assertThat(diff.addedOrders()).hasSize(diff.addedCount());
                    for (int k = 0; k < diff.addedCount(); k++) {
                        assertThat(diff.addedOrders().get(k)).isEqualTo(current.get(diff.added(k)));
                    }
                    withRemovals += diff.removedCount() > 0 ? 1 : 0;
                    for (int k = 0; k < diff.addedCount(); k++) {
                        long id = current.orderId(diff.added(k));
                        for (int r = 0; r < diff.removedCount(); r++) {
                            changedInPlace += previous.orderId(diff.removed(r)) == id ? 1 : 0;
                        }
                    }
                }
            }
        }
        // 15 publications after the first, 3 agents on 4 books
        assertThat(accounts).isEqualTo(15 * 3 * 4);
        // agent 2's reset leaves its accounts at that publication without a record (orders gone without a notice each
        // would be as well); every other account has one
        assertThat(recorded).isBetween(accounts - 4, accounts);
        assertThat(withRemovals).as("cancels and fills").isGreaterThan(40);
        assertThat(changedInPlace).as("partial cancels").isGreaterThan(20);
    }

    @Test
    void theRecordIsOfTheLastPublicationOnly() {
        List<Publication> publications = run();
        Publication first = publications.get(5);
        Publication third = publications.get(7);
        Account older = first.updates().get(0).accounts().get(1);
        Account now = third.updates().get(0).accounts().get(1);

        assertThat(OrderList.of(now.orders()).hasChangesFrom(OrderList.of(older.orders()))).isFalse();
        // compared instead, field by field: the same changes
        OrderList.Diff diff = new OrderList.Diff();
        assertThat(diff.compute(OrderList.of(older.orders()), OrderList.of(now.orders()))).isTrue();
        assertThat(applied(OrderList.of(older.orders()), OrderList.of(now.orders()), diff)).isEqualTo(now.orders());
    }

    /** {@code base} less the removed positions, merged by order id with the added orders of {@code current}. */
    private static List<Order> applied(OrderList base, OrderList current, OrderList.Diff diff) {
        List<Order> kept = new ArrayList<>();
        int r = 0;
        for (int i = 0; i < base.size(); i++) {
            if (r < diff.removedCount() && diff.removed(r) == i) {
                r++;
            } else {
                kept.add(base.get(i));
            }
        }
        List<Order> merged = new ArrayList<>();
        int i = 0;
        int k = 0;
        while (i < kept.size() || k < diff.addedCount()) {
            if (k == diff.addedCount()
                    || (i < kept.size() && kept.get(i).orderId() < current.orderId(diff.added(k)))) {
                merged.add(kept.get(i++));
            } else {
                merged.add(current.get(diff.added(k++)));
            }
        }
        return merged;
    }

    /**
     * 16 publications of the small configuration whose three remote agents, at every publish, on every book: cancel
     * their oldest order whole and halve their newest, join the best bid with a small buy (the background's sellers
     * fill some of them) and rest one far below; agent 2 is reset once.
     */
    private static List<Publication> run() {
        List<Publication> publications = new ArrayList<>();
        Simulation[] holder = new Simulation[1];
        SimulationOptions options = SimulationOptions.defaults().withDuration(75 * SECOND).withThreads(2)
                .withRemote(publication -> {
                    publications.add(publication);
                    for (int agent : publication.updates().keySet()) {
                        List<Instruction> instructions = new ArrayList<>();
                        for (int book = 0; book < 4; book++) {
                            List<Order> own = publication.updates().get(agent).accounts().get(book).orders();
                            if (own.size() >= 2) {
                                instructions.add(new CancelOrders(book, List.of(
                                        new CancelOrders.Cancellation(own.getFirst().orderId(),
                                                CancelOrders.Cancellation.ALL),
                                        new CancelOrders.Cancellation(own.getLast().orderId(),
                                                own.getLast().volume() / 2)), DELAY));
                            }
                            BookSnapshot snapshot = publication.books().get(book).snapshot();
                            long best = snapshot.bestBid() == 0 ? 29_000 : snapshot.bestBid();
                            instructions.add(limit(book, best, 2_000 + agent));
                            instructions.add(limit(book, 10_000 + 100 * agent, 10_000));
                        }
                        assertThat(holder[0].respond(agent, new AgentResponse(agent, instructions))).isEmpty();
                    }
                    return Map.of();
                });
        Fixtures.runSmall(options, holder, simulation -> {
            if (simulation.time() == 68 * SECOND) {
                simulation.resetAgents(List.of(2), 0);
            }
        });
        return publications;
    }

    private static PlaceLimit limit(int book, long price, long volume) {
        return new PlaceLimit(book, Side.BUY, price, volume, Currency.BASE, 0, TimeInForce.GTC, 0, false, StpMode.CO,
                1, SettleFlag.FIFO, 0, 0, DELAY);
    }
}
