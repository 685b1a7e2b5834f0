package io.mvtrx.testkit.fees;

import java.util.Map;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.testkit.Snapshots;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every fee policy promises, whatever its schedule. A plugin's test extends this class and names its provider
 * and one valid configuration element:
 *
 * {@snippet :
 * class StaticFeePolicyTest extends FeePolicyContractTest {
 *     protected FeePolicyProvider provider() { return new StaticFeePolicyProvider(); }
 *     protected Settings settings() {
 *         return Settings.builder("FeePolicy").attribute("makerFee", "-0.001").attribute("takerFee", "0.002").build();
 *     }
 * }
 * }
 *
 * The flow used below mixes miners ({@code agentId >= 0}) and background agents (negative ids) on two books of the
 * reference decimals, with distinct and repeated timestamps.
 */
public abstract class FeePolicyContractTest {

    /** Books of the exchange the contract runs against. */
    protected static final int BOOKS = 2;

    /** The provider under test. */
    protected abstract FeePolicyProvider provider();

    /** A valid configuration element for the provider. */
    protected abstract Settings settings();

    /** The exchange the policy serves: two books at the reference decimals. */
    protected FeeContext context() {
        return new FeeContext(BOOKS, BookDecimals.REFERENCE);
    }

    private FeePolicy newPolicy() {
        return provider().create(settings(), context());
    }

    /**
     * Whether the policy saves its state for checkpoints ({@code io.mvtrx.api.snapshot.Snapshottable}); every
     * built-in policy does, a plugin that opts out answers false and runs without checkpoints.
     */
    protected boolean snapshots() {
        return true;
    }

    /** Feeds a deterministic flow of {@code trades} trades, calling {@code onStep} every tenth. */
    private static void feed(FeePolicy policy, int trades) {
        feed(policy, 0, trades);
    }

    /** Trades {@code from} (inclusive) to {@code to} (exclusive) of the deterministic flow. */
    private static void feed(FeePolicy policy, int from, int to) {
        long quote = BookDecimals.REFERENCE.quote().unit();
        for (int i = from; i < to; i++) {
            int book = i % BOOKS;
            long timestamp = 1_000_000_000L * (i / 3);
            int maker = (i % 5) - 2;
            int taker = ((i * 7) % 5) - 2;
            long volume = quote * (1 + (i * 37) % 900);
            policy.recordTrade(book, timestamp, maker, taker, volume);
            if (i % 10 == 9) {
                policy.onStep(timestamp);
            }
        }
    }

    @Test
    void providerHasANameAndDeclaresWhatTheSettingsUse() {
        assertThat(provider().name()).isNotBlank().doesNotContainAnyWhitespaces();
        assertThat(provider().parameters().check(settings())).isEmpty();
    }

    @Test
    void ratesOfUnseenAgentsLieStrictlyWithinMinusOneAndOne() {
        FeePolicy policy = newPolicy();
        for (int book = 0; book < BOOKS; book++) {
            for (int agent : new int[] {-5, -1, 0, 1, 123_456}) {
                assertThat(policy.makerRate(agent, book)).isStrictlyBetween(-Rate.ONE, Rate.ONE);
                assertThat(policy.takerRate(agent, book)).isStrictlyBetween(-Rate.ONE, Rate.ONE);
                assertThat(policy.volume(agent, book)).isZero();
            }
        }
    }

    @Test
    void ratesStayStrictlyWithinMinusOneAndOneWhileTrading() {
        FeePolicy policy = newPolicy();
        long quote = BookDecimals.REFERENCE.quote().unit();
        for (int i = 0; i < 2_000; i++) {
            policy.recordTrade(i % BOOKS, i, i % 3 - 1, 2 - i % 4, quote * (1 + i % 17));
            for (int agent = -2; agent <= 2; agent++) {
                assertThat(policy.makerRate(agent, i % BOOKS)).isStrictlyBetween(-Rate.ONE, Rate.ONE);
                assertThat(policy.takerRate(agent, i % BOOKS)).isStrictlyBetween(-Rate.ONE, Rate.ONE);
            }
        }
    }

    @Test
    void volumesAreNeverNegativeAndRatiosLieWithinZeroAndOne() {
        FeePolicy policy = newPolicy();
        feed(policy, 500);
        for (int book = 0; book < BOOKS; book++) {
            assertThat(policy.makerTakerRatio(book)).isBetween(0L, Rate.ONE);
            for (int agent = -2; agent <= 2; agent++) {
                assertThat(policy.volume(agent, book)).isNotNegative();
            }
        }
    }

    @Test
    void resetForgetsTheAgentsVolumeOnEveryBook() {
        FeePolicy policy = newPolicy();
        feed(policy, 300);
        policy.reset(1);
        for (int book = 0; book < BOOKS; book++) {
            assertThat(policy.volume(1, book)).isZero();
        }
    }

    @Test
    void theSameFlowGivesTheSameRatesVolumesAndRatios() {
        FeePolicy first = newPolicy();
        FeePolicy second = newPolicy();
        feed(first, 700);
        feed(second, 700);
        for (int book = 0; book < BOOKS; book++) {
            assertThat(second.makerTakerRatio(book)).isEqualTo(first.makerTakerRatio(book));
            for (int agent = -2; agent <= 2; agent++) {
                assertThat(second.makerRate(agent, book)).isEqualTo(first.makerRate(agent, book));
                assertThat(second.takerRate(agent, book)).isEqualTo(first.takerRate(agent, book));
                assertThat(second.volume(agent, book)).isEqualTo(first.volume(agent, book));
            }
        }
    }

    @Test
    void aRestoredPolicyChargesAsTheSavedOneWould() {
        assumeTrue(snapshots(), "the policy does not save its state");
        FeePolicy saved = newPolicy();
        feed(saved, 0, 355);
        FeePolicy restored = Snapshots.copy(saved, newPolicy());
        for (int step = 355; step < 700; step += 5) {
            feed(saved, step, step + 5);
            feed(restored, step, step + 5);
            for (int book = 0; book < BOOKS; book++) {
                assertThat(restored.makerTakerRatio(book)).isEqualTo(saved.makerTakerRatio(book));
                for (int agent = -2; agent <= 2; agent++) {
                    assertThat(restored.makerRate(agent, book)).as("maker rate %d on %d", agent, book)
                            .isEqualTo(saved.makerRate(agent, book));
                    assertThat(restored.takerRate(agent, book)).isEqualTo(saved.takerRate(agent, book));
                    assertThat(restored.volume(agent, book)).isEqualTo(saved.volume(agent, book));
                }
            }
        }
    }

    @Test
    void everyMissingRequiredAttributeIsNamedWithItsPath() {
        for (Parameter parameter : provider().parameters().parameters().values()) {
            if (!parameter.required()) {
                continue;
            }
            Settings without = without(settings(), parameter.name());
            assertThat(provider().parameters().check(without))
                    .singleElement().asString().contains(parameter.name()).contains(without.path());
            assertThatThrownBy(() -> provider().create(without, context()))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageContaining(parameter.name());
        }
    }

    /** A copy of an element without one attribute (children kept). */
    protected static Settings without(Settings settings, String attribute) {
        return copy(settings, attribute).build();
    }

    private static Settings.Builder copy(Settings settings, String dropped) {
        Settings.Builder builder = Settings.builder(settings.element());
        for (Map.Entry<String, String> entry : settings.attributes().entrySet()) {
            if (!entry.getKey().equals(dropped)) {
                builder.attribute(entry.getKey(), entry.getValue());
            }
        }
        for (Settings child : settings.children()) {
            builder.child(copy(child, null));
        }
        return builder;
    }
}
