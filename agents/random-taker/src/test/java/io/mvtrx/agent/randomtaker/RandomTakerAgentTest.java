package io.mvtrx.agent.randomtaker;

import java.util.List;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.trading.support.Instructions;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.testkit.agents.ScriptedRandom;
import io.mvtrx.testkit.trading.TradingStates;

import org.junit.jupiter.api.Test;

import static io.mvtrx.testkit.trading.TradingStates.BASE;
import static io.mvtrx.testkit.trading.TradingStates.QUOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RandomTakerAgentTest {

    private static final int UID = 2;
    private static final long SECOND = 1_000_000_000L;
    /** 0.01 at {@code Rate.SCALE}. */
    private static final long SLIPPAGE = 1_000_000;

    private final ScriptedRandom random = new ScriptedRandom();
    private final RandomTakerAgent agent = new RandomTakerAgent(
            RandomTakerAgent.Params.from(Settings.empty("RandomTakerAgent")), uid -> random);

    private static StateUpdate twoBooks(long now, long quoteFree, long baseFree) {
        return TradingStates.state(now)
                .book(TradingStates.book(0).bid(29_990, BASE).ask(30_010, BASE))
                .book(TradingStates.book(1).bid(29_990, BASE).ask(30_010, BASE))
                .account(TradingStates.account(UID, 0).base(baseFree).quote(quoteFree))
                .account(TradingStates.account(UID, 1).base(baseFree).quote(quoteFree))
                .build();
    }

    private List<Instruction> respond(StateUpdate state) {
        List<Instruction> instructions = agent.respond(state).instructions();
        assertThat(random.exhausted()).as("every scripted draw used").isTrue();
        return instructions;
    }

    @Test
    void keepsEachBooksDirectionForThePeriodAndRedrawsInTheNext() {
        agent.start(UID, TradingStates.simulation());
        StateUpdate first = twoBooks(5 * SECOND, 3_000 * QUOTE, 10 * BASE);
        StateUpdate sameperiod = twoBooks(95 * SECOND, 3_000 * QUOTE, 10 * BASE);
        StateUpdate next = twoBooks(100 * SECOND, 3_000 * QUOTE, 10 * BASE);

        // book 0: direction 0.3 → BUY, volume 0.25 + ⌊0.5·0.75⌋; book 1: 0.7 → SELL, 0.25
        random.uniforms(0.3, 0.5, 0.7, 0.0);
        assertThat(respond(first)).containsExactly(
                Instructions.market(0, Side.BUY, 6_250).maxSlippage(SLIPPAGE).build(),
                Instructions.market(1, Side.SELL, 2_500).maxSlippage(SLIPPAGE).build());
        // same 100 s period: volumes only
        random.uniforms(0.2, 0.4);
        assertThat(respond(sameperiod)).containsExactly(
                Instructions.market(0, Side.BUY, 4_000).maxSlippage(SLIPPAGE).build(),
                Instructions.market(1, Side.SELL, 5_500).maxSlippage(SLIPPAGE).build());
        // period 1: both directions redrawn
        random.uniforms(0.9, 0.0, 0.1, 0.0);
        assertThat(respond(next)).containsExactly(
                Instructions.market(0, Side.SELL, 2_500).maxSlippage(SLIPPAGE).build(),
                Instructions.market(1, Side.BUY, 2_500).maxSlippage(SLIPPAGE).build());
    }

    @Test
    void skipsABuyTheQuoteCannotPayAtTheSlippageBoundAndASellWithoutBase() {
        agent.start(UID, TradingStates.simulation());
        // the worst buy price is ⌈300.10·1.01⌉ = 303.11; 0.25 of it costs 75.7775 > 75.77 free
        StateUpdate poor = twoBooks(5 * SECOND, 7_577 * QUOTE / 100, 2_499);

        random.uniforms(0.3, 0.0, 0.7, 0.0);
        assertThat(respond(poor)).isEmpty();

        StateUpdate enough = twoBooks(10 * SECOND, 7_578 * QUOTE / 100, 2_500);
        random.uniforms(0.0, 0.0);
        assertThat(respond(enough)).containsExactly(
                Instructions.market(0, Side.BUY, 2_500).maxSlippage(SLIPPAGE).build(),
                Instructions.market(1, Side.SELL, 2_500).maxSlippage(SLIPPAGE).build());
    }

    @Test
    void aBookAboveTheTakerFeeCapOrWithoutTheSideToTakeFromGetsNothing() {
        agent.start(UID, TradingStates.simulation());
        StateUpdate state = TradingStates.state(5 * SECOND)
                .book(TradingStates.book(0).bid(29_990, BASE).ask(30_010, BASE))
                .book(TradingStates.book(1).bid(29_990, BASE))
                .account(TradingStates.account(UID, 0).base(10 * BASE).quote(3_000 * QUOTE).fees(0, 300_000))
                .account(TradingStates.account(UID, 1).base(10 * BASE).quote(3_000 * QUOTE))
                .build();

        // book 0 is skipped before any draw; book 1 draws BUY and a volume, but has no ask to buy from
        random.uniforms(0.1, 0.0);
        assertThat(respond(state)).isEmpty();
    }

    @Test
    void refusesInconsistentParametersNamingThem() {
        assertThatThrownBy(() -> RandomTakerAgent.Params.from(Settings.builder("RandomTakerAgent")
                .attribute("direction_period", "0").build()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/RandomTakerAgent: 'direction_period' must be > 0 ns, got 0");
    }
}
