package io.mvtrx.plugin.fees;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.testkit.fees.FeePolicyContractTest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TieredFeePolicyTest extends FeePolicyContractTest {

    private static final FeeContext CONTEXT = new FeeContext(2, BookDecimals.REFERENCE);
    private static final long QUOTE = BookDecimals.REFERENCE.quote().unit();
    private static final long PERIOD = 864;

    @Override
    protected FeePolicyProvider provider() {
        return new TieredFeePolicyProvider();
    }

    /** The reference test fixture MultiAgentFees.xml (simulator-054.md §13): 30 slots of 864 ns. */
    @Override
    protected Settings settings() {
        return Settings.builder("FeePolicy").attribute("type", "tiered")
                .attribute("historySlots", "30").attribute("slotPeriod", Long.toString(PERIOD))
                .child(tier("0", "0", "0"))
                .child(tier("500", "0.001", "0.002"))
                .child(tier("100", "0.005", "0.01"))
                .child(tier("1000", "0.0005", "0.001"))
                .build();
    }

    private static Settings.Builder tier(String volume, String maker, String taker) {
        return Settings.builder("Tier").attribute("volumeRequired", volume)
                .attribute("makerFee", maker).attribute("takerFee", taker);
    }

    private TieredFeePolicy policy() {
        return (TieredFeePolicy) provider().create(settings(), CONTEXT);
    }

    /** Scenario D: a1 sells 61 @ 10 to a2 (6 at leverage 1, so 12) and a3 (25 at leverage 1, 49 left). */
    @Test
    void retiersOnlyAtAPeriodBoundaryByTheRollingVolume() {
        TieredFeePolicy policy = policy();
        policy.recordTrade(0, 10, 1, 2, 120 * QUOTE);
        policy.recordTrade(0, 10, 1, 3, 490 * QUOTE);

        assertThat(policy.volume(1, 0)).isEqualTo(610 * QUOTE);
        assertThat(policy.volume(2, 0)).isEqualTo(120 * QUOTE);
        assertThat(policy.volume(3, 0)).isEqualTo(490 * QUOTE);
        assertThat(policy.tier(1, 0)).isZero();

        policy.onStep(PERIOD + 1);
        assertThat(policy.tier(1, 0)).as("not a multiple of slotPeriod").isZero();

        policy.onStep(2 * PERIOD);
        assertThat(policy.tier(1, 0)).isEqualTo(2);
        assertThat(policy.tier(2, 0)).isEqualTo(1);
        assertThat(policy.tier(3, 0)).isEqualTo(1);
        assertThat(policy.makerRate(1, 0)).isEqualTo(100_000);
        assertThat(policy.takerRate(1, 0)).isEqualTo(200_000);
        assertThat(policy.makerRate(2, 0)).isEqualTo(500_000);
        assertThat(policy.takerRate(3, 0)).isEqualTo(1_000_000);
        assertThat(policy.tier(1, 1)).as("the other book saw nothing").isZero();
    }

    @Test
    void resetReturnsTheAgentToTierZeroWithAnEmptyWindow() {
        TieredFeePolicy policy = policy();
        policy.recordTrade(1, 10, 1, 2, 2_000 * QUOTE);
        policy.onStep(PERIOD);
        assertThat(policy.tier(1, 1)).isEqualTo(3);
        policy.reset(1);
        assertThat(policy.tier(1, 1)).isZero();
        assertThat(policy.volume(1, 1)).isZero();
        assertThat(policy.tier(2, 1)).isEqualTo(3);
    }

    @Test
    void volumeLeavesTheWindowAfterHistorySlotsRolls() {
        TieredFeePolicy policy = policy();
        policy.recordTrade(0, 10, 1, 2, 150 * QUOTE);
        for (int roll = 1; roll <= 29; roll++) {
            policy.onStep(roll * PERIOD);
        }
        assertThat(policy.volume(1, 0)).isEqualTo(150 * QUOTE);
        assertThat(policy.tier(1, 0)).isEqualTo(1);
        policy.onStep(30 * PERIOD);
        assertThat(policy.tier(1, 0)).as("tier from the window before it rolled").isEqualTo(1);
        assertThat(policy.volume(1, 0)).isZero();
        policy.onStep(31 * PERIOD);
        assertThat(policy.tier(1, 0)).isZero();
    }

    @Test
    void negativeTierRatesAreRebates() {
        Settings settings = Settings.builder("FeePolicy").attribute("historySlots", "1").attribute("slotPeriod", "1")
                .child(tier("0", "-0.0001", "0.0003")).build();
        TieredFeePolicy policy = (TieredFeePolicy) provider().create(settings, CONTEXT);
        assertThat(policy.makerRate(5, 0)).isEqualTo(-10_000);
        assertThat(policy.takerRate(5, 0)).isEqualTo(30_000);
    }

    @Test
    void rejectsDuplicateVolumeRequired() {
        Settings settings = Settings.builder("FeePolicy").attribute("historySlots", "1").attribute("slotPeriod", "1")
                .child(tier("100", "0", "0")).child(tier("100.0", "0.1", "0.1")).build();
        assertThatThrownBy(() -> provider().create(settings, CONTEXT))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/FeePolicy/Tier: duplicate volumeRequired '100.0'");
    }

    @Test
    void rejectsAPolicyWithoutTiers() {
        Settings settings = Settings.builder("FeePolicy").attribute("historySlots", "1").attribute("slotPeriod", "1")
                .build();
        assertThatThrownBy(() -> provider().create(settings, CONTEXT))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("/FeePolicy: at least one <Tier");
    }

    @Test
    void rejectsATierRateOutsideMinusOneAndOne() {
        Settings settings = Settings.builder("FeePolicy").attribute("historySlots", "1").attribute("slotPeriod", "1")
                .child(tier("0", "-1", "0")).build();
        assertThatThrownBy(() -> provider().create(settings, CONTEXT))
                .isInstanceOf(SettingsException.class)
                .hasMessage("/FeePolicy/Tier: attribute 'makerFee' must lie strictly within (-1, 1), got '-1'");
    }
}
