package io.mvtrx.testkit.trading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.spi.trading.TradingAgentProvider;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every trading agent promises, whatever its strategy. A plugin's test extends this class and names its
 * provider and one valid parameter element (with a {@code seed} if the agent draws random numbers):
 *
 * {@snippet :
 * class RandomMakerContractTest extends TradingAgentContractTest {
 *     protected TradingAgentProvider provider() { return new RandomMakerProvider(); }
 *     protected Settings settings() { return Settings.builder("RandomMakerAgent").attribute("seed", "1").build(); }
 * }
 * }
 *
 * The run below is {@value #STEPS} updates, 5 s apart, of two books whose mid walks by up to ±3 ticks around
 * 300.00, five levels a side, one market trade per book and update; the agent (uid {@value #UID}) holds 10 base and
 * 3000 quote on each book and two open orders that change every update, and sometimes receives a fill or a cancel.
 * Every instruction must be one a validator accepts in shape: a book that exists, positive prices and volumes,
 * BASE volumes of at least the minimum order size, leverage within the maximum, cancels and closes of its own open
 * orders and loans only, and never a {@link ResetAgents}.
 */
public abstract class TradingAgentContractTest {

    /** The agent's uid in the run. */
    protected static final int UID = 3;

    /** Updates in the run. */
    protected static final int STEPS = 60;

    private static final long STEP_NANOS = 5_000_000_000L;

    /** The provider under test. */
    protected abstract TradingAgentProvider provider();

    /** A valid parameter element for the provider. */
    protected abstract Settings settings();

    private TradingAgent newAgent() {
        TradingAgent agent = provider().create(settings());
        agent.start(UID, TradingStates.simulation());
        return agent;
    }

    /** The run: a deterministic market walk on two books. */
    protected static List<StateUpdate> run() {
        SplittableRandom random = new SplittableRandom(20260523);
        List<StateUpdate> states = new ArrayList<>();
        long[] mids = {30_000, 30_000};
        for (int step = 0; step < STEPS; step++) {
            long now = (step + 1) * STEP_NANOS;
            TradingStates.StateBuilder state = TradingStates.state(now);
            for (int book = 0; book < 2; book++) {
                mids[book] += random.nextInt(-3, 4);
                long mid = mids[book];
                TradingStates.BookBuilder levels = TradingStates.book(book);
                for (int k = 0; k < 5; k++) {
                    levels.bid(mid - 1 - k, TradingStates.BASE * (1 + random.nextInt(5)));
                    levels.ask(mid + 1 + k, TradingStates.BASE * (1 + random.nextInt(5)));
                }
                Side taker = random.nextBoolean() ? Side.BUY : Side.SELL;
                levels.event(TradingStates.trade(book, now - 1_000, step, taker,
                        taker == Side.BUY ? mid + 1 : mid - 1, 2_500));
                state.book(levels);
                state.account(TradingStates.account(UID, book).base(10 * TradingStates.BASE)
                        .quote(3_000 * TradingStates.QUOTE)
                        .order(TradingStates.order(UID, book, 1_000 + step, Side.BUY, mid - 5, TradingStates.BASE,
                                now - 20 * STEP_NANOS))
                        .order(TradingStates.order(UID, book, 2_000 + step, Side.SELL, mid + 5, TradingStates.BASE,
                                now - STEP_NANOS)));
            }
            if (step % 7 == 3) {
                state.notice(new TradeNotice(TradingStates.trade(0, now - 2_000, 10_000 + step, Side.SELL,
                        mids[0] - 5, 2_500), Order.NO_CLIENT_ID, true));
            }
            if (step % 11 == 5) {
                state.notice(new CancelReport(now - 3_000, 1, 2_000 + step - 1, TradingStates.BASE,
                        CancelReason.EXPIRED, Optional.empty()));
            }
            states.add(state.build());
        }
        return states;
    }

    private static List<AgentResponse> answers(TradingAgent agent, List<StateUpdate> states) {
        List<AgentResponse> answers = new ArrayList<>();
        for (StateUpdate state : states) {
            answers.add(agent.respond(state));
        }
        return answers;
    }

    @Test
    void providerHasANameAndDeclaresWhatTheSettingsUse() {
        assertThat(provider().name()).isNotBlank().doesNotContainAnyWhitespaces();
        assertThat(provider().description()).isNotBlank();
        assertThat(provider().parameters().check(settings())).isEmpty();
    }

    @Test
    void answersEveryUpdateForItsUidWithInstructionsAValidatorAccepts() {
        TradingAgent agent = newAgent();
        int instructions = 0;
        for (StateUpdate state : run()) {
            AgentResponse response = agent.respond(state);

            assertThat(response.agentId()).isEqualTo(UID);
            for (Instruction instruction : response.instructions()) {
                assertWellFormed(instruction, state);
                instructions++;
            }
        }
        assertThat(instructions).as("instructions over %d updates", STEPS).isPositive();
    }

    @Test
    void theSameParametersAnswerTheSameRunTheSameWay() {
        List<StateUpdate> states = run();

        assertThat(answers(newAgent(), states)).isEqualTo(answers(newAgent(), states));
    }

    @Test
    void copesWithEmptyAndOneSidedBooks() {
        TradingAgent agent = newAgent();
        List<StateUpdate> states = List.of(
                TradingStates.state(STEP_NANOS).book(TradingStates.book(0)).book(TradingStates.book(1))
                        .account(TradingStates.account(UID, 0).base(10 * TradingStates.BASE)
                                .quote(3_000 * TradingStates.QUOTE)).build(),
                TradingStates.state(2 * STEP_NANOS).book(TradingStates.book(0).bid(29_990, TradingStates.BASE))
                        .book(TradingStates.book(1).ask(30_010, TradingStates.BASE))
                        .account(TradingStates.account(UID, 1).base(10 * TradingStates.BASE)
                                .quote(3_000 * TradingStates.QUOTE)).build(),
                TradingStates.state(3 * STEP_NANOS).book(TradingStates.book(0)).book(TradingStates.book(1)).build());

        for (StateUpdate state : states) {
            AgentResponse response = agent.respond(state);

            assertThat(response.agentId()).isEqualTo(UID);
            response.instructions().forEach(instruction -> assertWellFormed(instruction, state));
        }
    }

    @Test
    void everyMissingRequiredParameterIsNamedWithItsPath() {
        for (Parameter parameter : provider().parameters().parameters().values()) {
            if (!parameter.required()) {
                continue;
            }
            Settings without = without(settings(), parameter.name());
            assertThat(provider().parameters().check(without))
                    .singleElement().asString().contains(parameter.name()).contains(without.path());
            assertThatThrownBy(() -> provider().create(without).start(UID, TradingStates.simulation()))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining(parameter.name());
        }
    }

    /** Checks one instruction against the state it answers. */
    protected static void assertWellFormed(Instruction instruction, StateUpdate state) {
        SimulationInfo simulation = state.simulation();
        switch (instruction) {
            case PlaceLimit limit -> {
                assertBook(limit.bookId(), simulation, limit);
                assertThat(limit.price()).as("price of %s", limit).isPositive();
                assertVolume(limit.volume(), limit.currency(), limit.leverage(), simulation, limit);
            }
            case PlaceMarket market -> {
                assertBook(market.bookId(), simulation, market);
                assertVolume(market.volume(), market.currency(), market.leverage(), simulation, market);
            }
            case CancelOrders cancel -> {
                assertBook(cancel.bookId(), simulation, cancel);
                assertThat(cancel.cancellations()).as("cancellations of %s", cancel).isNotEmpty();
                Set<Long> open = openOrderIds(state.accounts().get(cancel.bookId()));
                for (CancelOrders.Cancellation c : cancel.cancellations()) {
                    assertThat(open).as("open orders on book %d cancelled by %s", cancel.bookId(), cancel)
                            .contains(c.orderId());
                }
            }
            case ClosePositions close -> {
                assertBook(close.bookId(), simulation, close);
                Account account = state.accounts().get(close.bookId());
                assertThat(account).as("account closed by %s", close).isNotNull();
                Set<Long> loans = new HashSet<>();
                account.loans().forEach(loan -> loans.add(loan.orderId()));
                for (ClosePositions.PositionClose c : close.closes()) {
                    assertThat(loans).as("loans closed by %s", close).contains(c.orderId());
                }
            }
            case ResetAgents reset -> throw new AssertionError("an agent sent a validator-only " + reset);
        }
    }

    private static void assertBook(int bookId, SimulationInfo simulation, Instruction instruction) {
        assertThat(bookId).as("book of %s", instruction).isBetween(0, simulation.bookCount() - 1);
    }

    private static void assertVolume(long volume, Currency currency, long leverage, SimulationInfo simulation,
                                     Instruction instruction) {
        assertThat(volume).as("volume of %s", instruction).isPositive();
        if (currency == Currency.BASE) {
            assertThat(volume).as("volume of %s against the minimum order size", instruction)
                    .isGreaterThanOrEqualTo(simulation.minOrderSize());
        }
        assertThat(leverage).as("leverage of %s", instruction).isBetween(0L, simulation.maxLeverage());
    }

    private static Set<Long> openOrderIds(Account account) {
        Set<Long> ids = new HashSet<>();
        if (account != null) {
            account.orders().forEach(order -> ids.add(order.orderId()));
        }
        return ids;
    }

    /** A copy of an element without one attribute. */
    protected static Settings without(Settings settings, String attribute) {
        Settings.Builder builder = Settings.builder(settings.element());
        for (Map.Entry<String, String> entry : settings.attributes().entrySet()) {
            if (!entry.getKey().equals(attribute)) {
                builder.attribute(entry.getKey(), entry.getValue());
            }
        }
        return builder.build();
    }
}
