package io.mvtrx.plugin.agents;

import java.util.List;

import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.testkit.agents.ScriptedEnvironment;
import io.mvtrx.testkit.agents.ScriptedRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InitializationAgentTest {

    private static final long TAU = 86_400_000_000_000L;

    private static BackgroundAgent agent(int books) {
        PopulationContext context = new PopulationContext(books, 1, BookDecimals.REFERENCE, 30_000, 40_000, 0,
                TAU, 1);
        return new InitializationAgentProvider().create(LiveConfig.agent("InitializationAgent"), context)
                .agent(new AgentContext(-1, 0, "INITIALIZATION_AGENT_0", 1));
    }

    @Test
    void laysBidsBelowAndAsksAboveTheInitialPriceUntilTheCapitalIsCommitted() {
        // bids: maxQ = 1000/300/2; prices U(0, 299.99) floored to the tick; asks: maxQ = 2/2, prices U(300.01, 600)
        ScriptedRandom random = new ScriptedRandom().uniforms(
                0.5, 0.6,       // 149.995 -> 149.99, min(1.0, 1000/149.99) -> 1.0
                0.25, 0.9,      // 74.9975 -> 74.99, min(1.5, 849.99/74.99) -> 1.5
                0.0, 0.3,       // price 0: not sent, nothing committed
                0.999, 0.0,     // size 0: the bid ladder ends
                0.5, 0.75,      // 450.005 -> 450.00, 0.75
                0.1, 0.9,       // 330.009 -> 330.00, min(0.9, 1.25)
                0.2, 0.5,       // 360.008 -> 360.00, min(0.5, 0.35) -> 0.35, all base committed
                0.5, 0.5);      // spare: only drawn if 0.75 + 0.9 + 0.35 rounds below 2
        ScriptedEnvironment env = new ScriptedEnvironment(1, random);
        env.account(0).balances(20_000, 10_000_000_000_000L);

        agent(1).onStart(env);

        assertThat(env.submissions()).allSatisfy(s -> assertThat(s.latency()).isZero());
        assertThat(orders(env)).containsExactly(
                new long[] {0, 14_999, 10_000}, new long[] {0, 7_499, 15_000},
                new long[] {1, 45_000, 7_500}, new long[] {1, 33_000, 9_000}, new long[] {1, 36_000, 3_500});
        PlaceLimit first = (PlaceLimit) env.submissions().getFirst().instruction();
        assertThat(first.timeInForce()).isEqualTo(TimeInForce.GTT);
        assertThat(first.expiryPeriod()).isEqualTo(TAU);
        assertThat(first.postOnly()).isFalse();
        assertThat(env.wakes()).isEmpty();
    }

    @Test
    void laysEveryBooksBidsBeforeAnyAsk() {
        ScriptedEnvironment env = new ScriptedEnvironment(2, 5);
        env.account(0).balances(1_000_000, 30_000_000_000_000_000L / 1000);
        env.account(1).balances(1_000_000, 30_000_000_000_000_000L / 1000);

        agent(2).onStart(env);

        List<Side> sides = env.submissions().stream().map(s -> ((PlaceLimit) s.instruction()).side()).toList();
        int firstAsk = sides.indexOf(Side.SELL);
        assertThat(firstAsk).isPositive();
        assertThat(sides.subList(firstAsk, sides.size())).containsOnly(Side.SELL);
        assertThat(sides.subList(0, firstAsk)).containsOnly(Side.BUY);
        assertThat(env.submissions().stream().map(s -> s.instruction())
                .filter(i -> ((PlaceLimit) i).side() == Side.BUY).map(i -> ((PlaceLimit) i).bookId()).distinct())
                .containsExactly(0, 1);
    }

    @Test
    void commitsNoMoreThanItsFreeBalances() {
        ScriptedEnvironment env = new ScriptedEnvironment(1, 99);
        env.account(0).balances(1_000_000, 300_000_000_000_000L);

        agent(1).onStart(env);

        long baseSold = 0;
        double quoteBid = 0;
        for (var submission : env.submissions()) {
            PlaceLimit order = (PlaceLimit) submission.instruction();
            if (order.side() == Side.SELL) {
                baseSold += order.volume();
                assertThat(order.price()).isBetween(30_001L, 60_000L);
            } else {
                quoteBid += order.price() / 100.0 * order.volume() / 10_000.0;
                assertThat(order.price()).isBetween(1L, 29_999L);
            }
        }
        assertThat(baseSold).isLessThanOrEqualTo(1_000_000);
        assertThat(quoteBid).isLessThanOrEqualTo(30_000.0 + 1e-6);
    }

    @Test
    void refusesANonPositiveLifetime() {
        Settings settings = Settings.builder("InitializationAgent").attribute("name", "I")
                .attribute("exchange", "EXCHANGE").attribute("tau", "0").build();
        PopulationContext context = new PopulationContext(1, 1, BookDecimals.REFERENCE, 30_000, 0, 0, TAU, 1);

        assertThatThrownBy(() -> new InitializationAgentProvider().create(settings, context))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/InitializationAgent: attribute 'tau' must be > 0, got 0");
    }

    private static List<long[]> orders(ScriptedEnvironment env) {
        return env.submissions().stream().map(s -> (PlaceLimit) s.instruction())
                .map(o -> new long[] {o.side().code(), o.price(), o.volume()}).toList();
    }
}
