package io.mvtrx.runtime.config;

import java.util.List;
import java.util.Optional;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.settings.Settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecordInvariantsTest {

    private static final Settings ELEMENT = Settings.empty("X");
    private static final BooksConfig BOOKS = new BooksConfig(16, 21, 5, "PriceTime", List.of(), ELEMENT);

    @Test
    void exchangeRefusesAMaintenanceMarginAboveTheIntendedBound() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> exchange(40_000L, 10_000_001L))
                .withMessage("maintenanceMargin must be <= 1/(2*(1+maxLeverage)) = 0.1, got 0.10000001");
        assertThat(exchange(40_000L, 10_000_000L).maintenanceMargin()).isEqualTo(10_000_000L);
    }

    @Test
    void booksRefuseDetailedDepthBeyondMaxDepthAndDuplicateProcessNames() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BooksConfig(16, 5, 6, "PriceTime", List.of(), ELEMENT))
                .withMessage("Books detailedDepth must be within 0..5, got 6");
        ProcessConfig process = new ProcessConfig("GBM", "gbm", ELEMENT);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BooksConfig(16, 5, 5, "PriceTime", List.of(process, process), ELEMENT))
                .withMessage("process names must be unique, got 'gbm' twice");
    }

    @Test
    void simulationRefusesOtherTimescalesAndDuplicateAgentNames() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> simulation("s", List.of()))
                .withMessage("timescale must be 'ns', got 's'");
        AgentGroupConfig group = new AgentGroupConfig("NoiseTraderAgent", "NOISE", 1, "EXCHANGE", Optional.empty(),
                ELEMENT);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> simulation("ns", List.of(group, group)))
                .withMessage("agent names must be unique, got 'NOISE' twice");
    }

    @Test
    void checkpointIsOffAtIntervalZero() {
        assertThat(CheckpointConfig.OFF.enabled()).isFalse();
        assertThat(new CheckpointConfig(60, 3, true, 8).enabled()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> new CheckpointConfig(60, 0, true, 8))
                .withMessage("ckptNumLastFilesToKeep must be >= 1, got 0");
    }

    @Test
    void reportCarriesAConfigurationExactlyWhenValid() {
        ConfigProblem problem = new ConfigProblem(3, 5, "/a", "bad");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ValidationReport("x.xml", List.of(), Optional.empty()))
                .withMessage("a report carries a configuration exactly when it has no problems; "
                        + "got 0 problem(s) and none");
        assertThat(new ValidationReport("x.xml", List.of(problem, problem), Optional.empty()).format())
                .isEqualTo(String.join(System.lineSeparator(), "x.xml: 2 problems", "  line 3: /a: bad",
                        "  line 3: /a: bad"));
    }

    @Test
    void problemFormatLeavesOutWhatIsUnknown() {
        assertThat(new ConfigProblem(47, 9, "/Simulation/Agents/X", "unknown").format())
                .isEqualTo("line 47: /Simulation/Agents/X: unknown");
        assertThat(new ConfigProblem(0, 0, "", "cannot read x.xml: no such file").format())
                .isEqualTo("cannot read x.xml: no such file");
        assertThat(new ConfigProblem(0, 0, "/a", "m").format()).isEqualTo("/a: m");
    }

    private static ExchangeConfig exchange(long maxLeverage, long maintenanceMargin) {
        return new ExchangeConfig("EXCHANGE", 264, 0, BookDecimals.of(2, 4, 4, 10), maxLeverage, 0,
                maintenanceMargin, 100, 30_000, 2_500, new FeePolicyConfig("static", ELEMENT), BOOKS,
                new BalancesConfig("static", ELEMENT), LoggingConfig.OFF, ELEMENT);
    }

    private static SimulationConfig simulation(String timescale, List<AgentGroupConfig> agents) {
        return new SimulationConfig(Optional.empty(), 0, 1, 10, 0, timescale, 1, 0, CheckpointConfig.OFF,
                exchange(0, 0), agents, false, ELEMENT);
    }
}
