package io.mvtrx.plugin.fees;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.testkit.fees.FeePolicyContractTest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DynamicFeePolicyTest extends FeePolicyContractTest {

    private static final FeeContext CONTEXT = new FeeContext(2, BookDecimals.REFERENCE);
    private static final long QUOTE = BookDecimals.REFERENCE.quote().unit();
    private static final int MINER = 7;
    private static final int BACKGROUND = -3;

    @Override
    protected FeePolicyProvider provider() {
        return new DynamicFeePolicyProvider();
    }

    /** The production element of simulation_0.xml. */
    @Override
    protected Settings settings() {
        return production("300");
    }

    private static Settings production(String slots) {
        return Settings.builder("FeePolicy").attribute("type", "dynamic").attribute("historySlots", slots)
                .attribute("makerFee", "0.000").attribute("takerFee", "0.00023")
                .attribute("maxMakerRate", "0.015").attribute("maxTakerRate", "0.015")
                .attribute("targetMTR", "0.4").attribute("shapeMakerFee", "2").attribute("shapeMakerRebate", "2")
                .build();
    }

    private static DynamicFeePolicy oneSlot() {
        return (DynamicFeePolicy) new DynamicFeePolicyProvider().create(production("1"), CONTEXT);
    }

    /** Miner flow with {@code passive} quote as maker and {@code aggressive} as taker at t = 1, then a trade at 2. */
    private static DynamicFeePolicy afterFlow(long passive, long aggressive) {
        DynamicFeePolicy policy = oneSlot();
        if (passive > 0) {
            policy.recordTrade(0, 1, MINER, BACKGROUND, passive * QUOTE);
        }
        if (aggressive > 0) {
            policy.recordTrade(0, 1, BACKGROUND, MINER, aggressive * QUOTE);
        }
        policy.recordTrade(0, 2, MINER, BACKGROUND, QUOTE);
        return policy;
    }

    /** The table of simulator-054.md §4.11, exact at 10^-8 (0.844 % is 0.84375 %, 0.867 % is 0.86675 %). */
    @Test
    void reproducesTheProductionTable() {
        assertRates(new DynamicFeePolicyProvider().create(settings(), CONTEXT), 0, 23_000);
        assertRates(afterFlow(40, 60), 0, 23_000);
        assertRates(afterFlow(20, 80), -375_000, 398_000);
        assertRates(afterFlow(10, 90), -843_750, 866_750);
        assertRates(afterFlow(70, 30), 375_000, -352_000);
        assertRates(afterFlow(100, 0), 1_500_000, -1_477_000);
        assertRates(afterFlow(0, 100), 0, 23_000);
    }

    private static void assertRates(io.mvtrx.api.spi.fees.FeePolicy policy, long maker, long taker) {
        for (int agent : new int[] {MINER, BACKGROUND, 0}) {
            assertThat(policy.makerRate(agent, 0)).isEqualTo(maker);
            assertThat(policy.takerRate(agent, 0)).isEqualTo(taker);
        }
    }

    @Test
    void publishesTheRatioItPricesWith() {
        assertThat(afterFlow(20, 80).makerTakerRatio(0)).isEqualTo(20_000_000);
        assertThat(afterFlow(0, 0).makerTakerRatio(0)).as("only the second trade: still warming up")
                .isEqualTo(40_000_000);
    }

    @Test
    void ratesMoveOnlyWhenATradeAtANewTimestampIsRecorded() {
        DynamicFeePolicy policy = oneSlot();
        policy.recordTrade(0, 1, BACKGROUND, MINER, 100 * QUOTE);
        assertThat(policy.takerRate(MINER, 0)).isEqualTo(23_000);
        policy.recordTrade(0, 1, BACKGROUND, MINER, 100 * QUOTE);
        assertThat(policy.takerRate(MINER, 0)).as("same timestamp, same bucket").isEqualTo(23_000);
        policy.recordTrade(0, 2, MINER, BACKGROUND, 100 * QUOTE);
        assertThat(policy.makerTakerRatio(0)).as("x = 0: pure aggressor flow").isZero();
        policy.recordTrade(0, 3, MINER, BACKGROUND, 100 * QUOTE);
        assertThat(policy.makerTakerRatio(0)).as("the window holds only the t = 2 bucket").isEqualTo(100_000_000);
        assertThat(policy.makerRate(1, 0)).isEqualTo(1_500_000);
    }

    @Test
    void staysAtTheTargetUntilTheWindowIsFull() {
        DynamicFeePolicy policy = (DynamicFeePolicy) provider().create(production("3"), CONTEXT);
        policy.recordTrade(0, 1, MINER, BACKGROUND, 100 * QUOTE);
        policy.recordTrade(0, 2, MINER, BACKGROUND, 100 * QUOTE);
        policy.recordTrade(0, 3, MINER, BACKGROUND, 100 * QUOTE);
        assertThat(policy.makerTakerRatio(0)).isEqualTo(40_000_000);
        policy.recordTrade(0, 4, MINER, BACKGROUND, 100 * QUOTE);
        assertThat(policy.makerTakerRatio(0)).isEqualTo(100_000_000);
    }

    @Test
    void countsOnlyTradesWithAMinerOnASide() {
        DynamicFeePolicy policy = oneSlot();
        policy.recordTrade(0, 1, MINER, BACKGROUND, 100 * QUOTE);
        policy.recordTrade(0, 2, BACKGROUND, -9, 900 * QUOTE);
        policy.recordTrade(0, 3, BACKGROUND, MINER, 0);
        assertThat(policy.makerTakerRatio(0)).as("the background trade opened no bucket").isEqualTo(100_000_000);
    }

    /** The reference shares one last-update time between books; a trade on book 1 must not split book 0's bucket. */
    @Test
    void keepsTheLastTimestampPerBook() {
        DynamicFeePolicy policy = (DynamicFeePolicy) provider().create(production("2"), CONTEXT);
        policy.recordTrade(0, 1, MINER, BACKGROUND, 100 * QUOTE);
        policy.recordTrade(1, 2, MINER, BACKGROUND, 100 * QUOTE);
        policy.recordTrade(0, 1, MINER, BACKGROUND, 100 * QUOTE);
        policy.recordTrade(0, 3, BACKGROUND, MINER, 100 * QUOTE);
        assertThat(policy.makerTakerRatio(0)).as("one bucket so far: still warming up").isEqualTo(40_000_000);
    }

    /** The reference test fixture MultiAgentDynamicFees.xml: target 0.7, maxima 0.005 / 0.0045, shapes 3.2 / 2.2. */
    @Test
    void appliesFractionalShapes() {
        Settings settings = Settings.builder("FeePolicy").attribute("historySlots", "300")
                .attribute("makerFee", "0.002").attribute("takerFee", "0.005")
                .attribute("maxMakerRate", "0.005").attribute("maxTakerRate", "0.0045")
                .attribute("targetMTR", "0.7").attribute("shapeMakerFee", "3.2").attribute("shapeMakerRebate", "2.2")
                .build();
        DynamicFeePolicy policy = (DynamicFeePolicy) provider().create(settings, CONTEXT);
        // 0.005 * 0.5^3.2 = 0.0000544094...; 0.0045 * 0.5^2.2 = 0.000979369...
        assertThat(policy.adjustment(35_000_000)).isEqualTo(-54_409);
        assertThat(policy.adjustment(85_000_000)).isEqualTo(97_937);
        assertThat(policy.adjustment(69_900_001)).as("within 0.001 of the target").isZero();
    }

    @Test
    void dividesLargeVolumesWithoutOverflow() {
        assertThat(DynamicFeePolicy.ratio(Long.MAX_VALUE / 3, Long.MAX_VALUE)).isEqualTo(33_333_333);
        assertThat(DynamicFeePolicy.ratio(1, 3)).isEqualTo(33_333_333);
        assertThat(DynamicFeePolicy.ratio(5, 5)).isEqualTo(100_000_000);
    }

    @net.jqwik.api.Property(tries = 500)
    void ratioIsTheExactTruncatedQuotient(
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.LongRange(min = 1) long whole,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.LongRange(min = 0) long numerator) {
        long part = numerator % (whole + 1 == 0 ? whole : whole + 1);
        long exact = java.math.BigInteger.valueOf(part).multiply(java.math.BigInteger.valueOf(100_000_000L))
                .divide(java.math.BigInteger.valueOf(whole)).longValueExact();
        assertThat(DynamicFeePolicy.ratio(part, whole)).isEqualTo(exact);
    }
}
