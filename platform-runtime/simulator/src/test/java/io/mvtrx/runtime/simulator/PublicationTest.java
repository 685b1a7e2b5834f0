package io.mvtrx.runtime.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.book.BookSnapshot;
import io.mvtrx.api.book.Level;
import io.mvtrx.api.book.RestingOrder;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.notice.SimulationStarted;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.StateUpdate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 item 4: remote accounts, publications after the grace period (books with detailed and broad levels, L3
 * events since the last publish, each account's own accounts and notices), answers with delays, refusals, reset.
 * The small configuration: 2 blocks × 2 books, 3 remote accounts, grace 60 s, step 1 s.
 */
class PublicationTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long DELAY = 5_000_000L;

    /** A buy of 1.0000 base at 400.00 on canonical book 3 (block 1): it crosses every ask near 300. */
    private static PlaceLimit aggressiveBuy(int bookId) {
        return new PlaceLimit(bookId, Side.BUY, 40_000, 10_000, Currency.BASE, 0, TimeInForce.GTC, 0, false,
                StpMode.CO, 77, SettleFlag.FIFO, 0, 0, DELAY);
    }

    @Test
    void publishesAfterTheGracePeriodAndQueuesAnswersWithTheirDelay() {
        List<Publication> publications = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Simulation[] holder = new Simulation[1];
        RemoteAgents remote = publication -> {
            publications.add(publication);
            if (publication.timestamp() == 60 * SECOND) {
                return Map.of(
                        0, new AgentResponse(0, List.of(aggressiveBuy(3))),
                        1, new AgentResponse(1, List.of(aggressiveBuy(99))),
                        2, new AgentResponse(0, List.of(aggressiveBuy(2))));
            }
            return Map.of();
        };
        SimulationOptions options = SimulationOptions.defaults().withDuration(62 * SECOND).withThreads(2)
                .withRemote(publication -> {
                    Map<Integer, AgentResponse> answers = remote.onPublish(publication);
                    answers.forEach((from, answer) -> problems.addAll(holder[0].respond(from, answer)));
                    return Map.of();
                });
        try (Simulation simulation = Simulation.create(Fixtures.small(), Fixtures.PLUGINS, options)) {
            holder[0] = simulation;
            Map<Integer, Account> before = null;
            while (!simulation.finished()) {
                simulation.step();
                if (simulation.time() == 60 * SECOND) {
                    before = publications.getFirst().updates().get(0).accounts();
                }
                if (simulation.time() == 61 * SECOND) {
                    simulation.resetAgents(List.of(2), 0);
                }
            }

            assertThat(publications).extracting(Publication::timestamp)
                    .containsExactly(60 * SECOND, 61 * SECOND, 62 * SECOND);
            assertThat(publications).extracting(Publication::last).containsExactly(false, false, true);
            assertThat(problems).containsExactlyInAnyOrder(
                    "agent 1 instruction 0 refused: no book 99 (books are 0..3)",
                    "answer from 2 refused: it is for agent 0");

            Publication first = publications.getFirst();
            assertThat(first.books()).extracting(b -> b.snapshot().bookId()).containsExactly(0, 1, 2, 3);
            assertThat(first.updates()).containsOnlyKeys(0, 1, 2);
            for (StateUpdate update : first.updates().values()) {
                assertThat(update.books()).isSameAs(first.books());
                assertThat(update.accounts()).containsOnlyKeys(0, 1, 2, 3);
                update.accounts().forEach((book, account) -> {
                    assertThat(account.bookId()).isEqualTo(book);
                    assertThat(account.base().initial() + account.quote().initial()).isPositive();
                });
            }
            assertThat(first.updates().get(1).notices()).first().isInstanceOf(SimulationStarted.class);
            for (BookState book : first.books()) {
                assertDepths(book.snapshot());
                for (BookEvent event : book.events()) {
                    assertThat(event.bookId()).isEqualTo(book.snapshot().bookId());
                    assertThat(event.timestamp()).isBetween(59 * SECOND, 60 * SECOND - 1);
                }
            }

            Publication second = publications.get(1);
            List<Notice> notices = second.updates().get(0).notices();
            assertThat(notices.getFirst()).isInstanceOfSatisfying(OrderAccepted.class, accepted -> {
                assertThat(accepted.timestamp()).isEqualTo(60 * SECOND + DELAY);
                assertThat(accepted.bookId()).isEqualTo(3);
                assertThat(accepted.clientOrderId()).isEqualTo(77);
            });
            List<TradeNotice> fills = notices.stream().filter(TradeNotice.class::isInstance)
                    .map(TradeNotice.class::cast).toList();
            assertThat(fills).isNotEmpty().allSatisfy(fill -> {
                assertThat(fill.trade().bookId()).isEqualTo(3);
                assertThat(fill.trade().takerAgentId()).isZero();
                assertThat(fill.clientOrderId()).isEqualTo(77);
                assertThat(fill.asMaker()).isFalse();
            });
            long bought = fills.stream().mapToLong(f -> f.trade().volume()).sum();
            // the buyer pays its taker fee in base (0.023 % at most here), so it holds a little less than it bought
            assertThat(second.updates().get(0).accounts().get(3).base().total() - before.get(3).base().total())
                    .isBetween(bought - bought / 1_000, bought - 1);
            List<Trade> tape = second.books().get(3).events().stream().filter(Trade.class::isInstance)
                    .map(Trade.class::cast).filter(t -> t.takerAgentId() == 0).toList();
            assertThat(tape).hasSameSizeAs(fills);

            assertThat(second.updates().get(1).notices()).singleElement()
                    .isInstanceOfSatisfying(OrderRejected.class, rejected -> {
                        assertThat(rejected.bookId()).isEqualTo(99);
                        assertThat(rejected.reason()).isEqualTo(RejectReason.UNKNOWN_BOOK);
                    });

            Publication last = publications.get(2);
            assertThat(last.updates().get(2).notices()).hasSize(2);
            assertThat(last.updates().get(2).notices().getFirst()).isEqualTo(new AgentReset(61 * SECOND, 2));
            assertThat(last.updates().get(2).notices().getLast()).isInstanceOf(SimulationEnded.class);
            Account reset = last.updates().get(2).accounts().get(0);
            Account original = first.updates().get(2).accounts().get(0);
            assertThat(reset.base().initial()).isNotEqualTo(original.base().initial());
            assertThat(reset.base().total()).isEqualTo(reset.base().initial());
            assertThat(reset.quote().total()).isEqualTo(reset.quote().initial());
        }
    }

    @Test
    void theAccountsReadOnTwoThreadsAreThoseReadOnOneEachHoldingItsOwnOrdersById() {
        List<Publication> one = quoting(1);
        List<Publication> two = quoting(2);

        assertThat(two).hasSameSizeAs(one).hasSize(4);
        for (int i = 0; i < one.size(); i++) {
            assertThat(two.get(i).books()).isEqualTo(one.get(i).books());
            assertThat(two.get(i).updates()).isEqualTo(one.get(i).updates());
            assertThat(one.get(i).buildNanos()).isPositive();
        }
        // by the last publication three answers of three quotes a book have rested: nine orders an account, in
        // ascending id, each the account's own
        Publication last = one.getLast();
        long orders = 0;
        for (Map.Entry<Integer, StateUpdate> update : last.updates().entrySet()) {
            for (Map.Entry<Integer, Account> account : update.getValue().accounts().entrySet()) {
                List<io.mvtrx.api.order.Order> own = account.getValue().orders();
                assertThat(own).hasSize(9).allSatisfy(order -> {
                    assertThat(order.agentId()).isEqualTo(update.getKey());
                    assertThat(order.bookId()).isEqualTo(account.getKey());
                });
                assertThat(own).extracting(io.mvtrx.api.order.Order::orderId).isSorted().doesNotHaveDuplicates();
                orders += own.size();
            }
        }
        assertThat(orders).isEqualTo(3 * 4 * 9);
    }

    /** Publications of a run whose three remote agents quote three passive buys a book at every publish. */
    private static List<Publication> quoting(int threads) {
        List<Publication> publications = new ArrayList<>();
        Simulation[] holder = new Simulation[1];
        SimulationOptions options = SimulationOptions.defaults().withDuration(63 * SECOND).withThreads(threads)
                .withRemote(publication -> {
                    publications.add(publication);
                    for (int agent : publication.updates().keySet()) {
                        List<io.mvtrx.api.instruction.Instruction> quotes = new ArrayList<>();
                        for (int book = 0; book < 4; book++) {
                            for (int k = 0; k < 3; k++) {
                                quotes.add(new PlaceLimit(book, Side.BUY, 10_000 + 100 * k + agent, 10_000,
                                        Currency.BASE, 0, TimeInForce.GTC, 0, false, StpMode.CO, k, SettleFlag.FIFO,
                                        0, 0, DELAY));
                            }
                        }
                        assertThat(holder[0].respond(agent, new AgentResponse(agent, quotes))).isEmpty();
                    }
                    return Map.of();
                });
        Fixtures.runSmall(options, holder, simulation -> { });
        return publications;
    }

    @Test
    void aResetDropsTheAccountsInstructionsStillInFlight() {
        List<Publication> publications = new ArrayList<>();
        PlaceLimit late = new PlaceLimit(1, Side.BUY, 40_000, 10_000, Currency.BASE, 0, TimeInForce.GTC, 0, false,
                StpMode.CO, 5, SettleFlag.FIFO, 0, 0, 3 * SECOND);
        SimulationOptions options = SimulationOptions.defaults().withDuration(65 * SECOND).withThreads(1)
                .withRemote(publication -> {
                    publications.add(publication);
                    return publication.timestamp() == 60 * SECOND
                            ? Map.of(0, new AgentResponse(0, List.of(late)), 1, new AgentResponse(1, List.of(late)))
                            : Map.of();
                });
        try (Simulation simulation = Simulation.create(Fixtures.small(), Fixtures.PLUGINS, options)) {
            while (!simulation.finished()) {
                simulation.step();
                if (simulation.time() == 61 * SECOND) {
                    simulation.resetAgents(List.of(0), 0);
                }
            }
        }
        List<Notice> agent0 = publications.stream().flatMap(p -> p.updates().get(0).notices().stream()).toList();
        List<Notice> agent1 = publications.stream().flatMap(p -> p.updates().get(1).notices().stream()).toList();

        assertThat(agent0).filteredOn(n -> !(n instanceof SimulationStarted) && !(n instanceof SimulationEnded))
                .containsExactly(new AgentReset(61 * SECOND, 0));
        assertThat(agent1).filteredOn(OrderAccepted.class::isInstance).singleElement()
                .extracting(Notice::timestamp).isEqualTo(63 * SECOND);
        assertThat(publications.stream().flatMap(p -> p.books().stream()).flatMap(b -> b.events().stream())
                .filter(e -> e instanceof Trade t && t.takerAgentId() == 0)).isEmpty();
    }

    /** At most 21 levels a side; the first 5 list their orders (summing to the level's volume), deeper ones none. */
    private static void assertDepths(BookSnapshot snapshot) {
        for (List<Level> side : List.of(snapshot.bids(), snapshot.asks())) {
            assertThat(side).hasSizeLessThanOrEqualTo(21);
            for (int i = 0; i < side.size(); i++) {
                Level level = side.get(i);
                if (i < 5) {
                    assertThat(level.orders()).isNotEmpty();
                    assertThat(level.orders().stream().mapToLong(RestingOrder::volume).sum())
                            .isEqualTo(level.volume());
                } else {
                    assertThat(level.orders()).isEmpty();
                }
            }
        }
        assertThat(snapshot.bids()).hasSize(21);
        assertThat(snapshot.asks()).hasSize(21);
    }
}
