package io.mvtrx.runtime.config;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.config.ReferenceXml.replacing;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigSummaryTest {

    @Test
    void referenceSummaryFitsOneScreen() {
        SimulationConfig config = ReferenceXml.validate(ReferenceXml.text()).config().orElseThrow();

        String summary = ConfigSummary.render(config);

        assertThat(summary.lines().toList()).containsExactly(
                "simulation   24h 0m (86400000000000 ns), step 1 s, start 0 ns, seed 0",
                "books        8 blocks x 16 books = 128 books, matching rule PriceTime, depth 21 (5 detailed)",
                "decimals     price 2, volume 4, base 4, quote 10",
                "exchange     EXCHANGE: initial price 300, min order size 0.25, max open orders 100",
                "leverage     max leverage 4, max loan 10000, maintenance margin 0.1",
                "fees         dynamic: historySlots=300, makerFee=0.000, takerFee=0.00023, maxMakerRate=0.015,",
                "             maxTakerRate=0.015, targetMTR=0.4, shapeMakerFee=2, shapeMakerRebate=2",
                "remote       264 accounts per block, proxy on, grace period 10m 0s (600000000000 ns)",
                "balances     pareto: scale=1.0, shape=2.0, seed=1337, wealth=50000.0, price=300.0",
                "processes    3 per book: FundamentalPrice 'fundamental', FuturesSignal 'external',",
                "             MagneticField 'magneticfield'",
                "agents       2635 per block, 21080 in total",
                "  InitializationAgent       INITIALIZATION_AGENT            500  balances static",
                "  ALGOTraderAgent           ALGO_TRADER_AGENT                 1  balances static",
                "  HighFrequencyTraderAgent  HIGH_FREQUENCY_TRADER_AGENT      10  balances static",
                "  NoiseTraderAgent          NOISE_TRADER_AGENT             1024  balances pareto-50",
                "  FuturesTraderAgent        FUTURES_TRADER_AGENT            100  balances static",
                "  StylizedTraderAgent       STYLIZED_TRADER_AGENT          1000  balances pareto-50",
                "logging      start 2025-05-07 00:00:00, rotated every 1h 0m, L2 depth 5, L3 on, fee log on,",
                "             replay off",
                "checkpoints  every 60 steps, keep last 3, 8 workers");
        assertThat(summary.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void defaultsReadPlainly() {
        String text = ReferenceXml.text();
        String xml = text.substring(0, text.indexOf("\t\t    <FeePolicy"))
                + text.substring(text.indexOf("            <Books"), text.indexOf("            <Logging"))
                + text.substring(text.indexOf("        </MultiBookExchangeAgent>"));
        xml = replacing(xml, " maxOpenOrders=\"100\"", "");
        xml = replacing(xml, "ckptIntervalInSteps=\"60\"", "ckptIntervalInSteps=\"0\"");
        xml = replacing(xml, "        <DistributedProxyAgent />\n", "");
        xml = replacing(xml, "<Simulation start=\"0\"", "<Simulation id=\"weekly\" seed=\"7\" start=\"0\"");

        String summary = ConfigSummary.render(ReferenceXml.validate(xml).config().orElseThrow());

        assertThat(summary.lines().toList())
                .contains("simulation   'weekly' 24h 0m (86400000000000 ns), step 1 s, start 0 ns, seed 7",
                        "exchange     EXCHANGE: initial price 300, min order size 0.25, max open orders unlimited",
                        "fees         static",
                        "remote       264 accounts per block, proxy off, grace period 10m 0s (600000000000 ns)",
                        "logging      off",
                        "checkpoints  off");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(ConfigSummary.human(0)).isEqualTo("0 ns");
        assertThat(ConfigSummary.human(750)).isEqualTo("750 ns");
        assertThat(ConfigSummary.human(90_000)).isEqualTo("90 us");
        assertThat(ConfigSummary.human(250_000_000)).isEqualTo("250 ms");
        assertThat(ConfigSummary.human(1_000_000_000)).isEqualTo("1 s");
        assertThat(ConfigSummary.human(1_500_000_000)).isEqualTo("1.5 s");
        assertThat(ConfigSummary.human(59_000_000_000L)).isEqualTo("59 s");
        assertThat(ConfigSummary.human(600_000_000_000L)).isEqualTo("10m 0s");
        assertThat(ConfigSummary.human(3_661_000_000_000L)).isEqualTo("1h 1m 1s");
        assertThat(ConfigSummary.human(86_400_000_000_000L)).isEqualTo("24h 0m");
    }
}
