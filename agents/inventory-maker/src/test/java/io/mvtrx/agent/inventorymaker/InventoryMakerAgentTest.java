package io.mvtrx.agent.inventorymaker;

import java.util.List;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.trading.support.Instructions;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.testkit.trading.TradingStates;

import org.junit.jupiter.api.Test;

import static io.mvtrx.testkit.trading.TradingStates.BASE;
import static io.mvtrx.testkit.trading.TradingStates.QUOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryMakerAgentTest {

    private static final int UID = 0;
    private static final long NOW = 50_000_000_000L;

    private static List<Instruction> respond(StateUpdate state) {
        InventoryMakerAgent agent = new InventoryMakerAgent(
                InventoryMakerAgent.Params.from(Settings.empty("InventoryMakerAgent")));
        agent.start(UID, TradingStates.simulation());
        return agent.respond(state).instructions();
    }

    /** Inventory {@code base − 10}: the account started with 10 base and 3000 quote. */
    private static TradingStates.AccountBuilder holding(long base) {
        return TradingStates.account(UID, 0).base(base).quote(3_000 * QUOTE).initial(10 * BASE, 3_000 * QUOTE);
    }

    private static StateUpdate state(TradingStates.AccountBuilder account) {
        return TradingStates.state(NOW).book(TradingStates.book(0).bid(29_990, 3 * BASE).ask(30_010, BASE))
                .account(account).build();
    }

    @Test
    void flatInventoryQuotesSymmetricallyAroundTheMid() {
        // r = 300.00; 300·0.9995 = 299.85, 300·1.0005 = 300.15
        assertThat(respond(state(holding(10 * BASE)))).containsExactly(
                Instructions.limit(0, Side.BUY, 29_985, BASE).postOnly().build(),
                Instructions.limit(0, Side.SELL, 30_015, BASE).postOnly().build());
    }

    @Test
    void aLongInventoryLowersBothQuotesAndKeepsAMatchingOrder() {
        // inventory +5 of 10: r = 300·(1 − 0.001·0.5) = 299.85; bid ⌊299.70007⌋ = 299.70, ask ⌈299.99992⌉ = 300.00
        StateUpdate state = state(holding(15 * BASE)
                .order(TradingStates.order(UID, 0, 41, Side.BUY, 29_970, BASE, NOW - 1))
                .order(TradingStates.order(UID, 0, 42, Side.SELL, 30_005, BASE, NOW - 1))
                .order(TradingStates.order(UID, 0, 43, Side.BUY, 29_970, 5_000, NOW - 1)));

        assertThat(respond(state)).containsExactly(
                Instructions.cancel(0, List.of(42L, 43L)),
                Instructions.limit(0, Side.SELL, 30_000, BASE).postOnly().build());
    }

    @Test
    void atTheLongCapItStopsBidding() {
        // inventory +12 ≥ 10: r = 300·0.999 = 299.70; ask ⌈299.84985⌉ = 299.85 would cross the 299.90 bid: 299.91
        assertThat(respond(state(holding(22 * BASE))))
                .containsExactly(Instructions.limit(0, Side.SELL, 29_991, BASE).postOnly().build());
    }

    @Test
    void atTheShortCapItStopsOfferingAndNeverCrossesTheAsk() {
        // inventory −10: r = 300·1.001 = 300.30; bid ⌊300.14985⌋ = 300.14 would cross 300.10, so 300.09
        assertThat(respond(state(holding(0))))
                .containsExactly(Instructions.limit(0, Side.BUY, 30_009, BASE).postOnly().build());
    }

    @Test
    void aQuoteTheBalanceCannotCoverIsLeftOut() {
        StateUpdate state = state(TradingStates.account(UID, 0).base(10 * BASE).quote(299 * QUOTE)
                .initial(10 * BASE, 299 * QUOTE));

        // 299.85 × 1 > 299 free quote
        assertThat(respond(state))
                .containsExactly(Instructions.limit(0, Side.SELL, 30_015, BASE).postOnly().build());
    }

    @Test
    void refusesInconsistentParametersNamingThem() {
        assertThatThrownBy(() -> InventoryMakerAgent.Params.from(Settings.builder("InventoryMakerAgent")
                .attribute("max_inventory", "0").build())).isInstanceOf(SettingsException.class)
                .hasMessage("/InventoryMakerAgent: 'max_inventory' must be > 0, got 0");
    }
}
