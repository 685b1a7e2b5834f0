package io.mvtrx.plugin.agents;

import io.mvtrx.api.event.Trade;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.AgentEnvironment;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.testkit.agents.ScriptedEnvironment;
import io.mvtrx.testkit.agents.ScriptedRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HighFrequencyTraderTest {

    private static final long DAY = 86_400_000_000_000L;

    /** Live: gHFT 0.5, kappa 1.6, sigmaSqr 0.01 → 0.01·0.5 + (2/0.5)·ln(1 + 0.5/1.6). */
    private static final double SPREAD = 0.005 + 4 * Math.log(1 + 0.5 / 1.6);

    /** Relative spread of a 299.99 / 300.01 book over the reference 0.0015: 0.02/300/0.0015. */
    private static final double SIZE_FACTOR = 1 + (0.02 / 300.0 - 0.0015) / 0.0015;

    private final ScriptedRandom random = new ScriptedRandom();
    private final ScriptedEnvironment env = new ScriptedEnvironment(1, random);

    /** The live element, with {@code inventoryFromFills="1"} if asked. */
    private static Settings live(boolean countingFills) {
        Settings live = LiveConfig.agent("HighFrequencyTraderAgent");
        Settings.Builder element = Settings.builder(live.element());
        live.attributes().forEach(element::attribute);
        if (countingFills) {
            element.attribute("inventoryFromFills", "1");
        }
        return element.build();
    }

    private HighFrequencyTrader startedTrader() {
        return startedTrader(false);
    }

    private HighFrequencyTrader startedTrader(boolean countingFills) {
        HighFrequencyTrader trader = (HighFrequencyTrader) new HighFrequencyTraderAgentProvider()
                .create(live(countingFills),
                        new PopulationContext(1, 1, BookDecimals.REFERENCE, 30_000, 40_000, 0, DAY, 1))
                .agent(new AgentContext(-1, 0, "HFT_0", 1));
        env.book(0).quote(29_999, 10_000, 30_001, 10_000);
        env.account(0).balances(5_000_000, 1_500_000_000_000_000L);
        random.gaussians(0.0, 0.0, 0.0);          // γ = 0.5, ψ = 100, initial size 2.5
        trader.onStart(env);
        env.clearRecords();
        return trader;
    }

    @Test
    void drawsItsRiskAversionPeriodAndInventoryLimitAtTheStart() {
        HighFrequencyTrader trader = (HighFrequencyTrader) new HighFrequencyTraderAgentProvider()
                .create(LiveConfig.agent("HighFrequencyTraderAgent"),
                        new PopulationContext(1, 1, BookDecimals.REFERENCE, 30_000, 40_000, 0, DAY, 1))
                .agent(new AgentContext(-1, 0, "HFT_0", 1));
        random.gaussians(1.0, 0.5, -3.0);
        trader.onStart(env);

        assertThat(trader.gamma()).isCloseTo(0.575, within(1e-12));                       // 0.5 + 0.075
        assertThat(trader.period()).isCloseTo(750_000_000 * (1 + (0.5 - 0.575) / 0.575), within(1e-3));
        assertThat(trader.inventoryLimit()).isCloseTo(105.0, within(1e-12));
        assertThat(env.wakes()).singleElement().satisfies(w -> assertThat(w.timestamp()).isEqualTo(1));
    }

    @Test
    void quotesAroundTheReservationPriceWithTheOptimalSpread() {
        HighFrequencyTrader trader = startedTrader();
        // size redraw e^2.5; Rayleigh noises drawn at u = shiftPercentage, i.e. exactly the shift: no noise;
        // no rebalancing; latencies at u = 0.3 and 0.5
        random.gaussians(0.0).uniforms(0.05, 0.05, 0.5, 0.3, 0.5);

        trader.onWake(0, 0, env);

        PlaceLimit ask = (PlaceLimit) env.submissions().get(0).instruction();
        PlaceLimit bid = (PlaceLimit) env.submissions().get(1).instruction();
        assertThat(ask.side()).isEqualTo(Side.SELL);
        assertThat(ask.price()).isEqualTo(Math.round((300 + SPREAD / 2) * 100)).isEqualTo(30_055);
        assertThat(bid.price()).isEqualTo(Math.round((300 - SPREAD / 2) * 100)).isEqualTo(29_945);
        long lots = (long) Math.floor(Math.exp(2.5) * SIZE_FACTOR * 10_000);
        assertThat(ask.volume()).isEqualTo(lots).isEqualTo(5_414);
        assertThat(bid.volume()).isEqualTo(lots);
        assertThat(bid.leverage()).isZero();
        assertThat(bid.timeInForce()).isEqualTo(TimeInForce.GTT);
        assertThat(bid.expiryPeriod()).isEqualTo(1_500_000_000L);                    // tau 2 · Δ 7.5e8
        assertThat(env.submissions().get(0).latency()).isEqualTo(10_724_890L);
        assertThat(env.submissions().get(1).latency()).isEqualTo(14_556_732L);
        assertThat(env.wakes()).singleElement().satisfies(w -> assertThat(w.timestamp()).isEqualTo(750_000_000L));
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void widensTheSpreadWithTheMakerFee() {
        HighFrequencyTrader trader = startedTrader();
        env.account(0).fees(100_000, 0);                                             // maker 0.1 %
        random.gaussians(0.0).uniforms(0.05, 0.05, 0.5, 0.3, 0.5);

        trader.onWake(0, 0, env);

        double widened = SPREAD * (1 + 0.001 * 100);
        assertThat(((PlaceLimit) env.submissions().get(0).instruction()).price())
                .isEqualTo(Math.round((300 + widened / 2) * 100)).isEqualTo(30_060);
        assertThat(((PlaceLimit) env.submissions().get(1).instruction()).price())
                .isEqualTo(Math.round((300 - widened / 2) * 100)).isEqualTo(29_940);
    }

    @Test
    void theLiveTraderHearsNoFillsAndQuotesAroundTheMidAsTheReferenceDoes() throws NoSuchMethodException {
        HighFrequencyTrader trader = startedTrader();
        trader.onNotice(fill(Side.BUY, false, 30_000), env);
        assertThat(trader.inventory(0)).isZero();
        assertThat(trader.getClass().getMethod("onNotice", Notice.class, AgentEnvironment.class)
                .getDeclaringClass()).isEqualTo(BackgroundAgent.class);
        // flat: the size is redrawn (e^2.5), no skew
        random.gaussians(0.0).uniforms(0.05, 0.05, 0.5, 0.3, 0.5);

        trader.onWake(0, 0, env);

        assertThat(((PlaceLimit) env.submissions().get(0).instruction()).price()).isEqualTo(30_055);
        assertThat(((PlaceLimit) env.submissions().get(1).instruction()).price()).isEqualTo(29_945);
        assertThat(random.exhausted()).isTrue();
    }

    @Test
    void countsItsOwnFillsAndSkewsTheQuotesAgainstTheInventory() throws NoSuchMethodException {
        HighFrequencyTrader trader = startedTrader(true);
        assertThat(trader).isInstanceOf(HighFrequencyTrader.CountingFills.class);
        assertThat(trader.getClass().getMethod("onNotice", Notice.class, AgentEnvironment.class)
                .getDeclaringClass()).isEqualTo(HighFrequencyTrader.CountingFills.class);
        trader.onNotice(fill(Side.BUY, false, 30_000), env);                   // bought 3 as taker
        trader.onNotice(fill(Side.SELL, true, 20_000), env);                   // bought 2 as maker
        assertThat(trader.inventory(0)).isCloseTo(5.0, within(1e-12));
        // |inv| >= 0.1: the size is kept (2.5), no gaussian drawn; rebalancing not drawn (0.5)
        random.uniforms(0.05, 0.05, 0.5, 0.3, 0.5);

        trader.onWake(0, 0, env);

        double reservation = 300 - 0.5 * 5 * 0.01;
        assertThat(((PlaceLimit) env.submissions().get(0).instruction()).price())
                .isEqualTo(Math.round((reservation + SPREAD / 2) * 100)).isEqualTo(30_052);
        assertThat(((PlaceLimit) env.submissions().get(1).instruction()).price())
                .isEqualTo(Math.round((reservation - SPREAD / 2) * 100)).isEqualTo(29_943);
        assertThat(((PlaceLimit) env.submissions().get(1).instruction()).volume())
                .isEqualTo((long) Math.floor(2.5 * SIZE_FACTOR * 10_000));
    }

    @Test
    void reducesALongInventoryWithAMarketSell() {
        HighFrequencyTrader trader = startedTrader(true);
        trader.onNotice(fill(Side.BUY, false, 50_000), env);
        // P = e^(-(0.0000667/0.00015)^1.5) · e^(-(0 - 0.0075)²/2e-5) · 5/100 ≈ 0.00224 > 0.001;
        // size U(0.1, min(5, best bid 1.0)) at 0.5 = 0.55
        random.uniforms(0.05, 0.05, 0.001, 0.5, 0.3);

        trader.onWake(0, 0, env);

        assertThat(env.submissions()).singleElement().satisfies(s -> {
            PlaceMarket order = (PlaceMarket) s.instruction();
            assertThat(order.side()).isEqualTo(Side.SELL);
            assertThat(order.volume()).isEqualTo(5_500);
        });
    }

    @Test
    void leveragesAQuoteBeyondItsWealthUpToTheExchangeMaximum() {
        HighFrequencyTrader trader = startedTrader();
        env.account(0).balances(10_000, 100_000_000_000L);                      // 1 base, 10 quote
        random.gaussians(3.0).uniforms(0.05, 0.05, 0.5, 0.3, 0.5);

        trader.onWake(0, 0, env);

        PlaceLimit bid = (PlaceLimit) env.submissions().get(1).instruction();
        double volume = Math.exp(5.5) * SIZE_FACTOR;                          // ≈ 10.9 base, far beyond ≈ 307 quote
        assertThat(bid.leverage()).isEqualTo(40_000);
        assertThat(bid.volume()).isEqualTo((long) Math.floor(volume / 5 * 10_000));
    }

    private static TradeNotice fill(Side takerSide, boolean asMaker, long volume) {
        Trade trade = new Trade(0, 1, 1, takerSide, 1, 2, asMaker ? 7 : -1, asMaker ? -1 : 7, 30_000, volume, 0, 0);
        return new TradeNotice(trade, -1, asMaker);
    }
}
