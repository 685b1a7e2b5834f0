package io.mvtrx.agent.regressor;

import java.util.List;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.settings.SettingsException;
import io.mvtrx.api.spi.trading.support.Instructions;
import io.mvtrx.testkit.trading.TradingStates;

import org.junit.jupiter.api.Test;

import static io.mvtrx.testkit.trading.TradingStates.BASE;
import static io.mvtrx.testkit.trading.TradingStates.QUOTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimpleRegressorAgentTest {

    private static final int UID = 1;
    private static final long EXPIRY = 120_000_000_000L;

    /** One lag, predictions after four returns. */
    private static Settings.Builder ar1() {
        return Settings.builder("SimpleRegressorAgent").attribute("lags", "1").attribute("train_n", "20")
                .attribute("min_observations", "4");
    }

    /**
     * Feeds {@code updates} updates whose mid alternates 300.00, 301.00, 300.00, … (spread 0.02), so the returns
     * alternate +ln(301/300), −ln(301/300) and the fitted AR(1) predicts the opposite of the last return; returns
     * the last update's instructions.
     */
    private static List<Instruction> alternate(Settings settings, int updates, long freeBase) {
        SimpleRegressorAgent agent = new SimpleRegressorAgent(SimpleRegressorAgent.Params.from(settings));
        agent.start(UID, TradingStates.simulation());
        List<Instruction> last = List.of();
        for (int i = 0; i < updates; i++) {
            long mid = i % 2 == 0 ? 30_000 : 30_100;
            last = agent.respond(TradingStates.state((i + 1) * 5_000_000_000L)
                    .book(TradingStates.book(0).bid(mid - 1, BASE).ask(mid + 1, BASE))
                    .account(TradingStates.account(UID, 0).base(freeBase).quote(30_000 * QUOTE))
                    .build()).instructions();
        }
        return last;
    }

    @Test
    void aPredictedFallSellsNearTheAskAndBidsAtTheTarget() {
        // last mid 301.00 after 300.00: predicted return −ln(301/300), target 301·300/301 = 300.00
        assertThat(alternate(ar1().build(), 10, 10 * BASE)).containsExactly(
                Instructions.limit(0, Side.SELL, 30_100, BASE).gtt(EXPIRY).build(),
                Instructions.limit(0, Side.BUY, 30_000, BASE).gtt(EXPIRY).build());
    }

    @Test
    void aPredictedRiseBidsNearTheBidAndOffersAtTheTarget() {
        // last mid 300.00 after 301.00: predicted +ln(301/300), target 300·301/300 = 301.00
        assertThat(alternate(ar1().build(), 11, 10 * BASE)).containsExactly(
                Instructions.limit(0, Side.BUY, 30_000, BASE).gtt(EXPIRY).build(),
                Instructions.limit(0, Side.SELL, 30_100, BASE).gtt(EXPIRY).build());
    }

    @Test
    void aPredictionBeyondTheModelThresholdIsClippedToIt() {
        Settings clipped = ar1().attribute("signal_threshold", "0.002").attribute("model_threshold", "0.002")
                .attribute("quantity", "0.5").build();

        // s = −0.002: target 301.00 · e^−0.002 = 300.3986 → 300.40
        assertThat(alternate(clipped, 10, 10 * BASE)).containsExactly(
                Instructions.limit(0, Side.SELL, 30_100, 5_000).gtt(EXPIRY).build(),
                Instructions.limit(0, Side.BUY, 30_040, 5_000).gtt(EXPIRY).build());
    }

    @Test
    void aPredictionBelowTheSignalThresholdTradesNothing() {
        // |ln(301/300)| = 0.00333 < 0.004
        assertThat(alternate(ar1().attribute("signal_threshold", "0.004").build(), 10, 10 * BASE)).isEmpty();
    }

    @Test
    void waitsForTheMinimumNumberOfReturns() {
        // four updates give three returns, one short of min_observations
        assertThat(alternate(ar1().build(), 4, 10 * BASE)).isEmpty();
        assertThat(alternate(ar1().build(), 5, 10 * BASE)).hasSize(2);
    }

    @Test
    void anOrderTheBalanceCannotCoverIsLeftOut() {
        assertThat(alternate(ar1().build(), 10, BASE - 1))
                .containsExactly(Instructions.limit(0, Side.BUY, 30_000, BASE).gtt(EXPIRY).build());
    }

    @Test
    void refusesInconsistentParametersNamingThem() {
        assertThatThrownBy(() -> SimpleRegressorAgent.Params.from(ar1().attribute("model_threshold", "0.001")
                .build())).isInstanceOf(SettingsException.class)
                .hasMessage("/SimpleRegressorAgent: 'model_threshold' 0.001 is below 'signal_threshold' 0.0025");
        assertThatThrownBy(() -> SimpleRegressorAgent.Params.from(ar1().attribute("min_observations", "3").build()))
                .hasMessage("/SimpleRegressorAgent: 'min_observations' must be within 4..train_n (20), got 3");
    }
}
