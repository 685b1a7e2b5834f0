package io.mvtrx.runtime.wire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderList;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.wire.proto.MinerProto;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.ByteString;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Open orders as changes to the accounts a miner kept: the miner rebuilds exactly the accounts the validator has, the
 * writer gives the generated encoder's bytes, and changes that do not apply are refused.
 */
class AccountOrderChangesProperties {

    private static final SimulationInfo SIMULATION_INFO = new RecordGen(new Random(1)).simulation();
    private static final ByteString SIMULATION = StateCodec.encode(SIMULATION_INFO).toByteString();
    private static final long BASE_NONCE = 1_700_000_000_000_000_001L;

    /** An account of agent 5 on {@code book} holding {@code orders}. */
    private static Account account(int book, List<Order> orders, long free) {
        return new Account(5, book, new Balance(free + 7, free, 7, 1_000), new Balance(300, 200, 100, 300), 0, 0, 0, 0,
                orders, List.of(), new FeeRates(12, -1, 3));
    }

    private static Order order(Random r, int book, long id) {
        return new Order(id, book, 5, r.nextInt(3) == 0 ? 0 : r.nextLong(), r.nextBoolean() ? Side.BUY : Side.SELL,
                1_000_000 + r.nextInt(10_000), 1 + r.nextInt(1_000), 1, 1_000_000_000L + id * 1_000,
                r.nextBoolean() ? TimeInForce.GTC : TimeInForce.GTT, r.nextBoolean() ? 0 : 2_000_000_000L + id * 1_000,
                StpMode.values()[r.nextInt(StpMode.values().length)]);
    }

    /**
     * A publish later: each base order kept, cancelled or filled (gone), or partly filled (its volume changed), and
     * new ones added among and above the old ids.
     */
    private static List<Order> evolve(Random r, int book, List<Order> base) {
        TreeMap<Long, Order> next = new TreeMap<>();
        for (Order o : base) {
            int fate = r.nextInt(10);
            if (fate < 6) {
                next.put(o.orderId(), o);
            } else if (fate < 8) {
                next.put(o.orderId(), new Order(o.orderId(), o.bookId(), o.agentId(), o.clientOrderId(), o.side(),
                        o.price(), o.volume() + 1 + r.nextInt(5), o.leverage(), o.timestamp(), o.timeInForce(),
                        o.expiry(), o.stp()));
            }
        }
        long top = base.isEmpty() ? 1 : base.getLast().orderId();
        int added = r.nextInt(6);
        for (int k = 0; k < added; k++) {
            long id = 1 + (long) (r.nextDouble() * (top + 20));
            next.putIfAbsent(id, order(r, book, id));
        }
        return new ArrayList<>(next.values());
    }

    private static List<Order> ascending(Random r, int book, int n) {
        TreeSet<Long> ids = new TreeSet<>();
        while (ids.size() < n) {
            ids.add(1 + (long) r.nextInt(200));
        }
        List<Order> orders = new ArrayList<>();
        for (long id : ids) {
            orders.add(order(r, book, id));
        }
        return orders;
    }

    /** As the simulation hands them over: one block of columns, each account its slice. */
    private static Map<Integer, Account> asColumns(Map<Integer, Account> accounts) {
        OrderList.Columns block = new OrderList.Columns(16);
        Map<Integer, Account> out = new TreeMap<>();
        for (Map.Entry<Integer, Account> e : accounts.entrySet()) {
            Account a = e.getValue();
            int from = block.rows();
            a.orders().forEach(block::add);
            out.put(e.getKey(), new Account(a.agentId(), a.bookId(), a.base(), a.quote(), a.baseLoan(), a.quoteLoan(),
                    a.baseCollateral(), a.quoteCollateral(), block.slice(from, block.rows()), a.loans(), a.fees()));
        }
        return out;
    }

    /** A miner's accounts at two publishes in a row. */
    private record Publishes(Map<Integer, Account> before, Map<Integer, Account> after) {
    }

    /** Accounts on {@code books} books at one publish and the next; with {@code newBooks} some only at the next. */
    private static Publishes publishes(Random r, int books, boolean newBooks) {
        Map<Integer, Account> before = new TreeMap<>();
        Map<Integer, Account> after = new TreeMap<>();
        for (int book = 0; book < books; book++) {
            List<Order> base = ascending(r, book, r.nextInt(12));
            if (!newBooks || r.nextInt(8) != 0) { // a book may be new this publish
                before.put(book, account(book, base, r.nextInt(1_000)));
            }
            after.put(book, account(book, evolve(r, book, base), r.nextInt(1_000)));
        }
        return new Publishes(before, after);
    }

    @Property(tries = 400)
    void theMinerRebuildsTheValidatorsAccountsFromTheChanges(@ForAll long seed,
                                                            @ForAll @IntRange(min = 1, max = 12) int books) {
        Random r = new Random(seed);
        Publishes two = publishes(r, books, true);
        Map<Integer, Account> before = two.before();
        Map<Integer, Account> after = two.after();
        before = r.nextBoolean() ? asColumns(before) : before;
        after = r.nextBoolean() ? asColumns(after) : after;
        AccountsBase base = new AccountsBase(BASE_NONCE, before);
        StateUpdate x = new RecordGen(r).state();

        StateCodec.EncodedPayload written = StateCodec.encodePayload(9, x.timestamp(), SIMULATION, after, x.notices(),
                base);

        assertThat(written.bytes().toByteArray()).isEqualTo(StateCodec.encodePayloadWithBuilders(9, x.timestamp(),
                SIMULATION_INFO, after, x.notices(), base).toByteArray());
        Map<Integer, Account> keptByMiner = StateCodec.decode(x.books(), StateCodec.encodePayload(9, x.timestamp(),
                SIMULATION, before, List.of())).state().accounts();
        Map<Integer, Account> rebuilt = StateCodec.decode(x.books(), written.bytes(),
                nonce -> nonce == BASE_NONCE ? keptByMiner : null).state().accounts();
        assertThat(rebuilt).isEqualTo(after);
        assertThat(written.accountsBase()).isEqualTo(parse(written.bytes()).getAccountsBase())
                .isIn(0L, BASE_NONCE);
    }

    @Property(tries = 200)
    void changesRecordedOnTheOrdersTravelAsTheComparisonWouldSendThem(@ForAll long seed,
                                                                      @ForAll @IntRange(min = 1, max = 12) int books) {
        Random r = new Random(seed);
        Publishes two = publishes(r, books, false);
        Map<Integer, Account> before = asColumns(two.before());
        Map<Integer, Account> after = asColumns(two.after());
        // as the simulation hands them over: each account's orders carrying their changes from the last publication's
        Map<Integer, Account> recorded = new TreeMap<>();
        OrderList.Diff compared = new OrderList.Diff();
        for (Map.Entry<Integer, Account> e : after.entrySet()) {
            Account a = e.getValue();
            OrderList was = OrderList.of(before.get(e.getKey()).orders());
            OrderList now = OrderList.of(a.orders());
            assertThat(compared.compute(OrderList.of(new ArrayList<>(was)), OrderList.of(new ArrayList<>(now))))
                    .isTrue();
            int[] removed = new int[compared.removedCount()];
            Arrays.setAll(removed, compared::removed);
            int[] added = new int[compared.addedCount()];
            Arrays.setAll(added, compared::added);
            // with the added orders in rows of their own, as the simulation copies them, or without
            OrderList withRecord;
            if (r.nextBoolean()) {
                OrderList.Columns own = new OrderList.Columns(added.length);
                for (int position : added) {
                    own.add(now, position);
                }
                withRecord = now.withChangesFrom(was, removed, added, own.slice(0, own.rows()));
            } else {
                withRecord = now.withChangesFrom(was, removed, added);
            }
            recorded.put(e.getKey(), new Account(a.agentId(), a.bookId(), a.base(), a.quote(), a.baseLoan(),
                    a.quoteLoan(), a.baseCollateral(), a.quoteCollateral(), withRecord, a.loans(), a.fees()));
        }
        AccountsBase base = new AccountsBase(BASE_NONCE, before);
        recorded.forEach((book, a) -> assertThat(OrderList.of(a.orders())
                .hasChangesFrom(OrderList.of(base.accounts().get(book).orders()))).isTrue());
        StateUpdate x = new RecordGen(r).state();

        StateCodec.EncodedPayload fromRecords = StateCodec.encodePayload(9, x.timestamp(), SIMULATION, recorded,
                x.notices(), base);
        StateCodec.EncodedPayload fromComparison = StateCodec.encodePayload(9, x.timestamp(), SIMULATION, after,
                x.notices(), base);

        assertThat(fromRecords.bytes()).isEqualTo(fromComparison.bytes());
        assertThat(fromRecords.accountsBase()).isEqualTo(fromComparison.accountsBase());
        Map<Integer, Account> keptByMiner = StateCodec.decode(x.books(), StateCodec.encodePayload(9, x.timestamp(),
                SIMULATION, before, List.of())).state().accounts();
        assertThat(StateCodec.decode(x.books(), fromRecords.bytes(), nonce -> nonce == BASE_NONCE ? keptByMiner
                : null).state().accounts()).isEqualTo(after);
    }

    @Test
    void aMakersPublishTravelsInAFractionOfItsWholeBytes() {
        Random r = new Random(42);
        Map<Integer, Account> before = new TreeMap<>();
        Map<Integer, Account> after = new TreeMap<>();
        for (int book = 0; book < 128; book++) {
            List<Order> resting = new ArrayList<>();
            for (long id = 1; id <= 34; id++) {
                resting.add(order(r, book, id * 3));
            }
            before.put(book, account(book, resting, 500));
            List<Order> next = new ArrayList<>(resting.subList(2, 34)); // the two oldest cancelled
            next.add(order(r, book, 200)); // two new quotes
            next.add(order(r, book, 201));
            after.put(book, account(book, next, 480));
        }
        before = asColumns(before);
        after = asColumns(after);

        ByteString whole = StateCodec.encodePayload(9, 1, SIMULATION, after, List.of());
        StateCodec.EncodedPayload changes = StateCodec.encodePayload(9, 1, SIMULATION, after, List.of(),
                new AccountsBase(BASE_NONCE, before));

        assertThat(changes.accountsBase()).isEqualTo(BASE_NONCE);
        ModelProto.AccountOrderChanges book0 = parse(changes.bytes()).getAccountsOrThrow(0).getOrderChanges();
        assertThat(book0.getRemovedPositionDeltaList()).containsExactly(0, 1);
        assertThat(book0.getAdded().getOrderIdDeltaList()).containsExactly(200L, 1L);
        assertThat(whole.size()).isGreaterThan(60_000);
        assertThat(changes.bytes().size()).isLessThan(whole.size() / 4);
    }

    @Test
    void accountsWithoutAKeptBookOrNotAscendingTravelWhole() {
        Random r = new Random(7);
        List<Order> descending = new ArrayList<>(ascending(r, 1, 5).reversed());
        Map<Integer, Account> before = Map.of(1, account(1, descending, 1), 2, account(2, ascending(r, 2, 4), 1));
        Map<Integer, Account> after = Map.of(1, account(1, descending.subList(1, 5), 1),
                3, account(3, ascending(r, 3, 4), 1));

        StateCodec.EncodedPayload written = StateCodec.encodePayload(9, 1, SIMULATION, after, List.of(),
                new AccountsBase(BASE_NONCE, before));

        assertThat(written.accountsBase()).isZero();
        MinerProto.MinerPayload p = parse(written.bytes());
        assertThat(p.getAccountsBase()).isZero();
        assertThat(p.getAccountsOrThrow(1).hasOrderColumns()).isTrue();
        assertThat(p.getAccountsOrThrow(3).hasOrderColumns()).isTrue();
    }

    @Test
    void aBaseTheMinerDoesNotHoldIsAskedForAndChangesThatDoNotApplyAreRefused() {
        Random r = new Random(3);
        List<Order> base = ascending(r, 0, 6);
        Map<Integer, Account> before = Map.of(0, account(0, base, 1));
        List<Order> next = new ArrayList<>(base.subList(1, 6));
        next.add(order(r, 0, 500));
        ByteString payload = StateCodec.encodePayload(9, 1, SIMULATION, Map.of(0, account(0, next, 1)), List.of(),
                new AccountsBase(BASE_NONCE, before)).bytes();
        var books = new RecordGen(r).state().books();

        assertThatThrownBy(() -> StateCodec.decode(books, payload, nonce -> null))
                .isInstanceOf(AccountsBaseUnknownException.class)
                .hasMessage("accounts_base " + BASE_NONCE + ": the accounts of that request are not kept here");
        assertThatThrownBy(() -> StateCodec.decode(books, payload, nonce -> Map.of()))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("Account.order_changes: no account of book 0 in the accounts base");
        Map<Integer, Account> shorter = Map.of(0, account(0, base.subList(0, 0), 1));
        assertThatThrownBy(() -> StateCodec.decode(books, payload, nonce -> shorter))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("position 0 is beyond the 0 orders kept");

        ModelProto.AccountOrderChanges repeated = ModelProto.AccountOrderChanges.newBuilder()
                .addRemovedPositionDelta(1).addRemovedPositionDelta(0).build();
        assertThatThrownBy(() -> AccountOrderChanges.apply(repeated, base, 5, 0))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("a position repeated");
        ModelProto.AccountOrderChanges addsAKeptId = ModelProto.AccountOrderChanges.newBuilder()
                .setAdded(AccountOrders.encode(OrderList.of(List.of(base.get(2))))).build();
        assertThatThrownBy(() -> AccountOrderChanges.apply(addsAKeptId, base, 5, 0))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("order id " + base.get(2).orderId() + " follows " + base.get(2).orderId());
        ModelProto.Account both = AccountCodec.encode(account(0, base, 1)).toBuilder()
                .setOrderChanges(repeated).build();
        assertThatThrownBy(() -> AccountCodec.decode(both, account(0, base, 1)))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("more than one way");
    }

    private static MinerProto.MinerPayload parse(ByteString bytes) {
        try {
            return MinerProto.MinerPayload.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
