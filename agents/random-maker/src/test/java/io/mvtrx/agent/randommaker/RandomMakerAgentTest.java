package io.mvtrx.agent.randommaker;

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

class RandomMakerAgentTest {

    private static final int UID = 3;
    private static final long NOW = 100_000_000_000L;

    private static List<Instruction> respond(Settings settings, ScriptedRandom random, StateUpdate state) {
        RandomMakerAgent agent = new RandomMakerAgent(RandomMakerAgent.Params.from(settings), uid -> random);
        agent.start(UID, TradingStates.simulation());
        List<Instruction> instructions = agent.respond(state).instructions();
        assertThat(random.exhausted()).as("every scripted draw used").isTrue();
        return instructions;
    }

    private static Settings defaults() {
        return Settings.empty("RandomMakerAgent");
    }

    private static TradingStates.AccountBuilder account() {
        return TradingStates.account(UID, 0).base(10 * BASE).quote(3_000 * QUOTE);
    }

    @Test
    void quotesBothSidesAroundTheMidAndCancelsStaleOrders() {
        StateUpdate state = TradingStates.state(NOW)
                .book(TradingStates.book(0).bid(29_990, 3 * BASE).ask(30_010, BASE))
                .account(account()
                        .order(TradingStates.order(UID, 0, 5, Side.BUY, 29_950, BASE, 30_000_000_000L))
                        .order(TradingStates.order(UID, 0, 6, Side.SELL, 30_050, BASE, 50_000_000_000L)))
                .build();

        // mid 300.00; bid 300·(1 − 0.5·0.001) = 299.85; ask ⌈300·(1 + 0.25·0.001)⌉ = ⌈300.075⌉ = 300.08;
        // volumes 0.25 + ⌊0 · 0.75⌋ and 0.25 + ⌊0.5 · 0.75⌋ = 0.625; order 5 is older than now − 60 s
        assertThat(respond(defaults(), new ScriptedRandom().uniforms(0.5, 0.25, 0.0, 0.5), state)).containsExactly(
                Instructions.cancel(0, List.of(5L)),
                Instructions.limit(0, Side.BUY, 29_985, 2_500).build(),
                Instructions.limit(0, Side.SELL, 30_008, 6_250).build());
    }

    @Test
    void aBookAboveTheFeeCapIsClearedAndNotQuoted() {
        StateUpdate state = TradingStates.state(NOW)
                .book(TradingStates.book(0).bid(29_990, BASE).ask(30_010, BASE))
                .account(account().fees(600_000, 0)
                        .order(TradingStates.order(UID, 0, 5, Side.BUY, 29_950, BASE, NOW - 1))
                        .order(TradingStates.order(UID, 0, 6, Side.SELL, 30_050, BASE, NOW - 1)))
                .build();

        // 0.006 > 0.005: no draw at all (an empty script fails on any draw)
        assertThat(respond(defaults(), new ScriptedRandom(), state))
                .containsExactly(Instructions.cancel(0, List.of(5L, 6L)));
    }

    @Test
    void skipsTheBidWhenFreeQuoteDoesNotCoverItsNotional() {
        StateUpdate state = TradingStates.state(NOW)
                .book(TradingStates.book(0).bid(29_990, BASE).ask(30_010, BASE))
                .account(TradingStates.account(UID, 0).base(BASE).quote(74 * QUOTE))
                .build();

        // 299.85 × 0.25 = 74.9625 quote > 74 free
        assertThat(respond(defaults(), new ScriptedRandom().uniforms(0.5, 0.25, 0.0, 0.0), state))
                .containsExactly(Instructions.limit(0, Side.SELL, 30_008, 2_500).build());
    }

    @Test
    void skipsTheAskWhenFreeBaseDoesNotCoverItsVolume() {
        StateUpdate state = TradingStates.state(NOW)
                .book(TradingStates.book(0).bid(29_990, BASE).ask(30_010, BASE))
                .account(TradingStates.account(UID, 0).base(2_499).quote(3_000 * QUOTE))
                .build();

        assertThat(respond(defaults(), new ScriptedRandom().uniforms(0.5, 0.25, 0.0, 0.0), state))
                .containsExactly(Instructions.limit(0, Side.BUY, 29_985, 2_500).build());
    }

    @Test
    void aOneSidedBookIsQuotedAroundItsOnlyPriceWithoutCrossingIt() {
        StateUpdate state = TradingStates.state(NOW)
                .book(TradingStates.book(0).bid(29_990, BASE))
                .account(account())
                .build();

        // reference 299.90: u1 = u2 = 0 put both quotes there; the ask moves one tick above the best bid
        assertThat(respond(defaults(), new ScriptedRandom().uniforms(0.0, 0.0, 0.0, 0.0), state)).containsExactly(
                Instructions.limit(0, Side.BUY, 29_990, 2_500).build(),
                Instructions.limit(0, Side.SELL, 29_991, 2_500).build());
    }

    @Test
    void anEmptyBookIsQuotedAroundTheInitialPrice() {
        StateUpdate state = TradingStates.state(NOW).book(TradingStates.book(0)).account(account()).build();
        Settings wide = Settings.builder("RandomMakerAgent").attribute("spread", "0.01")
                .attribute("min_quantity", "0.1").attribute("max_quantity", "2").build();

        // initial 300.00 ± 0.5·1 %; min 0.1 is raised to the 0.25 minimum order size; 0.25 + ⌊0.999·1.75⌋ lots
        assertThat(respond(wide, new ScriptedRandom().uniforms(0.5, 0.5, 0.0, 0.999), state)).containsExactly(
                Instructions.limit(0, Side.BUY, 29_850, 2_500).build(),
                Instructions.limit(0, Side.SELL, 30_150, 19_982).build());
    }

    @Test
    void theOpenOrderLimitLeavesRoomForOneQuote() {
        TradingStates.AccountBuilder full = account();
        for (int i = 0; i < 99; i++) {
            full.order(TradingStates.order(UID, 0, 100 + i, Side.BUY, 29_000, BASE, NOW - 1));
        }
        StateUpdate state = TradingStates.state(NOW)
                .book(TradingStates.book(0).bid(29_990, BASE).ask(30_010, BASE)).account(full).build();

        assertThat(respond(defaults(), new ScriptedRandom().uniforms(0.5, 0.25, 0.0, 0.0), state))
                .containsExactly(Instructions.limit(0, Side.BUY, 29_985, 2_500).build());
    }

    @Test
    void refusesInconsistentParametersNamingThem() {
        assertThatThrownBy(() -> RandomMakerAgent.Params.from(Settings.builder("RandomMakerAgent")
                .attribute("min_quantity", "1").attribute("max_quantity", "0.5").build()))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/RandomMakerAgent: 'max_quantity' 0.5 is below 'min_quantity' 1");
        assertThatThrownBy(() -> RandomMakerAgent.Params.from(Settings.builder("RandomMakerAgent")
                .attribute("spread", "1").build()))
                .hasMessage("/RandomMakerAgent: 'spread' must be within [0, 1), got 1");
    }

    @Test
    void theSeedFixesTheQuotesPerUid() {
        Settings seeded = Settings.builder("RandomMakerAgent").attribute("seed", "11").build();
        StateUpdate state = TradingStates.state(NOW)
                .book(TradingStates.book(0).bid(29_990, BASE).ask(30_010, BASE)).account(account()).build();
        RandomMakerAgentProvider provider = new RandomMakerAgentProvider();

        var first = provider.create(seeded);
        var second = provider.create(seeded);
        var otherUid = provider.create(seeded);
        first.start(UID, TradingStates.simulation());
        second.start(UID, TradingStates.simulation());
        otherUid.start(UID + 1, TradingStates.simulation());

        List<Instruction> quotes = first.respond(state).instructions();
        assertThat(quotes).hasSize(2).isEqualTo(second.respond(state).instructions());
        assertThat(otherUid.respond(state).instructions()).isNotEqualTo(quotes);
    }
}
