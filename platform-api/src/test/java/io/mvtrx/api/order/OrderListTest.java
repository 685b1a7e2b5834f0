package io.mvtrx.api.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class OrderListTest {

    @Property(tries = 300)
    void slicesReadBackTheOrdersTheyWereGiven(@ForAll("orderLists") List<List<Order>> accounts) {
        // every account's orders appended to one block, as a publication does, the block growing from nothing
        OrderList.Columns block = new OrderList.Columns(0);
        List<OrderList> slices = new ArrayList<>();
        for (List<Order> orders : accounts) {
            int first = block.append(orders.size());
            for (int i = 0; i < orders.size(); i++) {
                Order o = orders.get(i);
                block.set(first + i, o.orderId(), o.bookId(), o.agentId(), o.clientOrderId(), o.side(), o.price(),
                        o.volume(), o.leverage(), o.timestamp(), o.timeInForce(), o.expiry(), o.stp());
            }
            slices.add(block.slice(first, block.rows()));
        }
        for (int a = 0; a < accounts.size(); a++) {
            List<Order> expected = accounts.get(a);
            OrderList slice = slices.get(a);
            assertThat(slice).containsExactlyElementsOf(expected);
            assertThat(slice).isEqualTo(expected).hasSameHashCodeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                Order o = expected.get(i);
                assertThat(new long[] {slice.orderId(i), slice.bookId(i), slice.agentId(i), slice.clientOrderId(i),
                    slice.price(i), slice.volume(i), slice.leverage(i), slice.timestamp(i), slice.expiry(i)})
                        .containsExactly(o.orderId(), o.bookId(), o.agentId(), o.clientOrderId(), o.price(),
                                o.volume(), o.leverage(), o.timestamp(), o.expiry());
                assertThat(List.of(slice.side(i), slice.timeInForce(i), slice.stp(i)))
                        .containsExactly(o.side(), o.timeInForce(), o.stp());
            }
            assertThat(OrderList.of(expected)).isEqualTo(slice);
        }
    }

    @Test
    void isImmutableAndChecksItsBounds() {
        OrderList.Columns block = new OrderList.Columns(2);
        block.add(order(7));
        block.add(order(9));
        OrderList slice = block.slice(1, 2);
        block.add(order(11)); // appending later, past a growth, leaves the slice as it was
        block.add(order(13));
        assertThat(slice).containsExactly(order(9));
        assertThatThrownBy(() -> slice.add(order(1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> slice.set(0, order(1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> slice.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> slice.price(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> block.slice(3, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> block.set(4, 1, 0, 0, 0, Side.BUY, 1, 1, 0, 0, TimeInForce.GTC, 0,
                StpMode.CO)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(block.slice(2, 2)).isSameAs(OrderList.empty());
        assertThat(OrderList.empty()).isEmpty();
    }

    @Test
    void anAccountKeepsAnOrderListAndCopiesAnyOtherList() {
        OrderList columns = OrderList.of(List.of(order(3), order(4)));
        List<Order> mutable = new ArrayList<>(List.of(order(3), order(4)));
        Account kept = account(columns);
        Account copied = account(mutable);
        mutable.clear();
        assertThat(kept.orders()).isSameAs(columns);
        assertThat(copied.orders()).containsExactly(order(3), order(4));
        assertThat(kept).isEqualTo(copied).hasSameHashCodeAs(copied);
    }

    @Test
    void theChangesSinceABaseAreTheGoneOrChangedAndTheNewOrChangedPositions() {
        Order changed = new Order(3, 1, 0, Order.NO_CLIENT_ID, Side.SELL, 103, 4, 0, 1_003, TimeInForce.GTT, 9_000,
                StpMode.CN); // order 3 partly filled: volume 5 -> 4
        OrderList base = OrderList.of(List.of(order(1), order(2), order(3), order(5), order(6)));
        OrderList now = OrderList.of(List.of(order(2), changed, order(4), order(6), order(7)));
        OrderList.Diff diff = new OrderList.Diff();

        assertThat(diff.compute(base, now)).isTrue();
        assertThat(removed(diff)).containsExactly(0, 2, 3); // 1 gone, 3 changed, 5 gone
        assertThat(added(diff)).containsExactly(1, 2, 4); // 3 changed, 4 and 7 new

        assertThat(diff.compute(now, OrderList.of(new ArrayList<>(now)))).isTrue();
        assertThat(removed(diff)).isEmpty();
        assertThat(added(diff)).isEmpty();
        assertThat(diff.compute(OrderList.empty(), now)).isTrue();
        assertThat(added(diff)).containsExactly(0, 1, 2, 3, 4);
        // a slice of a larger block compares from its own first row; the arrays grow past their first 16
        OrderList.Columns block = new OrderList.Columns(8);
        List.of(order(9), order(2), order(3)).forEach(block::add);
        assertThat(diff.compute(base, block.slice(1, 3))).isTrue();
        assertThat(removed(diff)).containsExactly(0, 3, 4);
        List<Order> many = new ArrayList<>();
        for (long id = 1; id <= 40; id++) {
            many.add(order(id));
        }
        assertThat(diff.compute(OrderList.of(many), base)).isTrue();
        assertThat(diff.removedCount()).isEqualTo(35);
        assertThatThrownBy(() -> diff.removed(35)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theSameNonzeroRevisionOnBothSidesStandsForTheFieldsAndAnyOtherRevisionComparesThem() {
        OrderList.Diff diff = new OrderList.Diff();
        Order filled = new Order(2, 1, 0, Order.NO_CLIENT_ID, Side.SELL, 102, 4, 0, 1_002, TimeInForce.GTT, 9_000,
                StpMode.CN);
        // the promise is taken as given: a row whose fields differ under the same revision is not read (which is why
        // a source must never give it falsely)
        assertThat(diff.compute(revised(List.of(order(1), order(2)), 7, 8), revised(List.of(order(1), filled), 7, 8)))
                .isTrue();
        assertThat(removed(diff)).isEmpty();
        // another revision, or none on either side: the fields decide
        assertThat(diff.compute(revised(List.of(order(1), order(2)), 7, 8), revised(List.of(order(1), filled), 9, 10)))
                .isTrue();
        assertThat(removed(diff)).containsExactly(1);
        assertThat(added(diff)).containsExactly(1);
        assertThat(diff.compute(revised(List.of(order(1), order(2)), 7, 8), OrderList.of(List.of(order(1), filled))))
                .isTrue();
        assertThat(removed(diff)).containsExactly(1);
        assertThat(diff.compute(revised(List.of(order(1), order(2)), 0, 0), revised(List.of(order(1), filled), 0, 0)))
                .isTrue();
        assertThat(removed(diff)).containsExactly(1);
        assertThat(diff.compute(revised(List.of(order(1), order(2)), 7, 8),
                revised(List.of(order(1), order(2)), 9, 10))).isTrue();
        assertThat(removed(diff)).isEmpty();
        // a revision travels with a copied row, is 0 for a record's, and never enters equality
        OrderList.Columns copy = new OrderList.Columns(0);
        OrderList source = revised(List.of(order(1), order(2)), 7, 8);
        copy.add(source, 1);
        copy.add(order(3));
        assertThat(copy.slice(0, 2).revision(0)).isEqualTo(8);
        assertThat(copy.slice(0, 2).revision(1)).isZero();
        assertThat(source).isEqualTo(List.of(order(1), order(2))).hasSameHashCodeAs(List.of(order(1), order(2)));
    }

    @Property(tries = 300)
    void honestRevisionsGiveTheChangesComparingEveryFieldGives(@ForAll("revisedPairs") List<OrderList> pair) {
        OrderList base = pair.get(0);
        OrderList now = pair.get(1);
        OrderList.Diff withRevisions = new OrderList.Diff();
        OrderList.Diff fieldsOnly = new OrderList.Diff();

        assertThat(withRevisions.compute(base, now)).isTrue();
        assertThat(fieldsOnly.compute(OrderList.of(new ArrayList<>(base)), OrderList.of(new ArrayList<>(now))))
                .isTrue();
        assertThat(removed(withRevisions)).isEqualTo(removed(fieldsOnly));
        assertThat(added(withRevisions)).isEqualTo(added(fieldsOnly));
    }

    /**
     * A base of ascending orders, each with its own revision, and what became of it as an exchange would revise it:
     * kept (same revision), partly filled (new revision), touched without a change (new revision, same fields),
     * cancelled, and new orders between and after the old ones.
     */
    @Provide
    Arbitrary<List<OrderList>> revisedPairs() {
        return Arbitraries.integers().between(0, 4).list().ofMaxSize(30).flatMap(fates ->
                Arbitraries.integers().between(0, 3).list().ofSize(fates.size() + 1).map(inserts -> {
                    OrderList.Columns base = new OrderList.Columns(0);
                    OrderList.Columns now = new OrderList.Columns(0);
                    long revision = 100;
                    long id = 1;
                    for (int k = 0; k <= fates.size(); k++) {
                        for (int n = 0; n < inserts.get(k); n++) {
                            now.revision(now.add(order(id++)), ++revision);
                        }
                        if (k == fates.size()) {
                            break;
                        }
                        Order o = order(id++);
                        long given = ++revision;
                        base.revision(base.add(o), given);
                        switch (fates.get(k)) {
                            case 0 -> now.revision(now.add(o), given);
                            case 1 -> now.revision(now.add(new Order(o.orderId(), o.bookId(), o.agentId(),
                                    o.clientOrderId(), o.side(), o.price(), o.volume() - 1, o.leverage(),
                                    o.timestamp(), o.timeInForce(), o.expiry(), o.stp())), ++revision);
                            case 2 -> now.revision(now.add(o), ++revision);
                            case 3 -> now.add(o); // a row given no revision
                            default -> { } // cancelled
                        }
                    }
                    return List.of(base.slice(0, base.rows()), now.slice(0, now.rows()));
                }));
    }

    private static OrderList revised(List<Order> orders, long... revisions) {
        OrderList.Columns block = new OrderList.Columns(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            block.revision(block.add(orders.get(i)), revisions[i]);
        }
        return block.slice(0, orders.size());
    }

    @Test
    void aRecordOfTheChangesFromExactlyThatBaseIsCopiedAndAnyOtherBaseIsCompared() {
        OrderList base = OrderList.of(List.of(order(1), order(2), order(3), order(5), order(6)));
        OrderList.Columns block = new OrderList.Columns(8);
        List.of(order(2), order(3), order(6), order(7)).forEach(block::add);
        OrderList now = block.slice(0, 4);
        // the builder's record says order 3 changed (a fill it saw) though its fields here did not: the record is
        // what compute returns, not a comparison
        OrderList recorded = now.withChangesFrom(base, new int[] {0, 2, 3}, new int[] {1, 3});
        OrderList.Diff diff = new OrderList.Diff();

        assertThat(recorded).isEqualTo(now);
        assertThat(recorded.hasChangesFrom(base)).isTrue();
        assertThat(diff.compute(base, recorded)).isTrue();
        assertThat(removed(diff)).containsExactly(0, 2, 3);
        assertThat(added(diff)).containsExactly(1, 3);
        // the same orders in another block are another base: compared, order 3 unchanged
        OrderList copy = OrderList.of(new ArrayList<>(base));
        assertThat(recorded.hasChangesFrom(copy)).isFalse();
        assertThat(diff.compute(copy, recorded)).isTrue();
        assertThat(removed(diff)).containsExactly(0, 3);
        assertThat(added(diff)).containsExactly(3);
        // other rows of the base's own block are another base too
        OrderList.Columns shared = new OrderList.Columns(8);
        List.of(order(1), order(2), order(3), order(5), order(6)).forEach(shared::add);
        OrderList head = shared.slice(0, 5);
        OrderList record = now.withChangesFrom(head, new int[] {0, 3}, new int[] {3});
        assertThat(record.hasChangesFrom(head)).isTrue();
        assertThat(record.hasChangesFrom(shared.slice(0, 4))).isFalse();
        assertThat(record.hasChangesFrom(shared.slice(1, 5))).isFalse();
        // many changes grow the diff's arrays past their first 16
        List<Order> many = new ArrayList<>();
        for (long id = 1; id <= 40; id++) {
            many.add(order(id));
        }
        OrderList fresh = OrderList.of(many);
        int[] all = new int[40];
        for (int i = 0; i < 40; i++) {
            all[i] = i;
        }
        assertThat(diff.compute(base, fresh.withChangesFrom(base, new int[] {0, 1, 2, 3, 4}, all))).isTrue();
        assertThat(diff.addedCount()).isEqualTo(40);
        assertThat(diff.added(39)).isEqualTo(39);
    }

    @Test
    void aRecordOfChangesThatCannotDescribeTheListIsRefusedNamingWhatIsWrong() {
        OrderList base = OrderList.of(List.of(order(1), order(2), order(3)));
        OrderList now = OrderList.of(List.of(order(2), order(3), order(4)));

        assertThatThrownBy(() -> now.withChangesFrom(base, new int[] {0}, new int[] {2, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("added position [1] = 2: positions must ascend strictly within 0..2");
        assertThatThrownBy(() -> now.withChangesFrom(base, new int[] {3}, new int[] {2}))
                .hasMessage("removed position [0] = 3: positions must ascend strictly within 0..2");
        assertThatThrownBy(() -> now.withChangesFrom(base, new int[] {}, new int[] {2}))
                .hasMessage("a base of 3 orders less 0 removed plus 1 added is not these 3");
        OrderList wrongRows = OrderList.of(List.of(order(3)));
        assertThatThrownBy(() -> now.withChangesFrom(base, new int[] {0}, new int[] {2}, wrongRows))
                .hasMessage("added order [0] is order 3, position 2 holds order 4");
        assertThatThrownBy(() -> now.withChangesFrom(base, new int[] {0}, new int[] {2}, OrderList.empty()))
                .hasMessage("0 added orders given for 1 added positions");
        // the added orders in rows of their own come back from the diff that copies the record, and only from it
        OrderList own = OrderList.of(List.of(order(4)));
        OrderList withRows = now.withChangesFrom(base, new int[] {0}, new int[] {2}, own);
        OrderList.Diff rows = new OrderList.Diff();
        assertThat(rows.compute(base, withRows)).isTrue();
        assertThat(rows.addedOrders()).isSameAs(own);
        assertThat(rows.compute(OrderList.of(new ArrayList<>(base)), withRows)).isTrue();
        assertThat(rows.addedOrders()).isNull();
        // the record keeps its own copies: the caller's arrays may be reused
        int[] removedPositions = {0};
        OrderList recorded = now.withChangesFrom(base, removedPositions, new int[] {2});
        removedPositions[0] = 1;
        OrderList.Diff diff = new OrderList.Diff();
        assertThat(diff.compute(base, recorded)).isTrue();
        assertThat(removed(diff)).containsExactly(0);
    }

    @Test
    void listsNotStrictlyAscendingByIdHaveNoChanges() {
        OrderList ascending = OrderList.of(List.of(order(1), order(2)));
        OrderList.Diff diff = new OrderList.Diff();
        assertThat(diff.compute(ascending, OrderList.of(List.of(order(2), order(1))))).isFalse();
        assertThat(diff.compute(OrderList.of(List.of(order(4), order(4))), ascending)).isFalse();
        assertThat(diff.removedCount() + diff.addedCount()).isZero();
    }

    private static List<Integer> removed(OrderList.Diff diff) {
        List<Integer> positions = new ArrayList<>();
        for (int k = 0; k < diff.removedCount(); k++) {
            positions.add(diff.removed(k));
        }
        return positions;
    }

    private static List<Integer> added(OrderList.Diff diff) {
        List<Integer> positions = new ArrayList<>();
        for (int k = 0; k < diff.addedCount(); k++) {
            positions.add(diff.added(k));
        }
        return positions;
    }

    private static Account account(List<Order> orders) {
        Balance balance = new Balance(10, 10, 0, 10);
        return new Account(0, 1, balance, balance, 0, 0, 0, 0, orders, List.of(), new FeeRates(0, 0, 0));
    }

    private static Order order(long id) {
        return new Order(id, 1, 0, Order.NO_CLIENT_ID, Side.SELL, 100 + id, 5, 0, 1_000 + id, TimeInForce.GTT,
                9_000, StpMode.CN);
    }

    @Provide
    Arbitrary<List<List<Order>>> orderLists() {
        Arbitrary<Order> order = Combinators.combine(
                Combinators.combine(Arbitraries.longs(), Arbitraries.integers(), Arbitraries.integers(),
                        Arbitraries.longs(), Arbitraries.of(Side.class), Arbitraries.longs()).as(Head::new),
                Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs(),
                        Arbitraries.of(TimeInForce.class), Arbitraries.longs(), Arbitraries.of(StpMode.class))
                        .as(Tail::new))
                .as((h, t) -> new Order(h.id, h.book, h.agent, h.client, h.side, h.price, t.volume, t.leverage,
                        t.timestamp, t.tif, t.expiry, t.stp));
        return order.list().ofMaxSize(40).list().ofMaxSize(12);
    }

    private record Head(long id, int book, int agent, long client, Side side, long price) {
    }

    private record Tail(long volume, long leverage, long timestamp, TimeInForce tif, long expiry, StpMode stp) {
    }
}
