package io.mvtrx.runtime.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.state.SimulationInfo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class SimulationConfigsTest {

    @TempDir
    Path folder;

    @Test
    void referenceConfigurationValidatesFromAFile() throws IOException {
        Path file = folder.resolve("simulation_0.xml");
        Files.writeString(file, ReferenceXml.text());

        ValidationReport report = SimulationConfigs.validate(file, TestCatalog.reference());

        assertThat(report.problems()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.source()).isEqualTo(file.toString());
        assertThat(report.format()).isEqualTo(file + ": valid");
    }

    @Test
    void referenceSimulationAttributesBindExactly() {
        SimulationConfig config = referenceConfig();

        assertThat(config.id()).isEmpty();
        assertThat(config.start()).isZero();
        assertThat(config.step()).isEqualTo(1_000_000_000L);
        assertThat(config.duration()).isEqualTo(86_400_000_000_000L);
        assertThat(config.logWindow()).isEqualTo(3_600_000_000_000L);
        assertThat(config.timescale()).isEqualTo("ns");
        assertThat(config.blockCount()).isEqualTo(8);
        assertThat(config.bookCount()).isEqualTo(128);
        assertThat(config.seed()).isEqualTo(SimulationConfig.DEFAULT_SEED).isZero();
        assertThat(config.checkpoint()).isEqualTo(new CheckpointConfig(60, 3, true, 8));
        assertThat(config.remoteAgentsEnabled()).isTrue();
        assertThat(config.settings().path()).isEqualTo("/Simulation");
        assertThat(config.settings().attribute("host")).contains("localhost");
    }

    @Test
    void referenceExchangeBindsMoneyAtItsDecimals() {
        ExchangeConfig exchange = referenceConfig().exchange();

        assertThat(exchange.name()).isEqualTo("EXCHANGE");
        assertThat(exchange.remoteAgentCount()).isEqualTo(264);
        assertThat(exchange.gracePeriod()).isEqualTo(600_000_000_000L);
        assertThat(exchange.decimals()).isEqualTo(BookDecimals.of(2, 4, 4, 10));
        assertThat(exchange.maxLeverage()).isEqualTo(40_000L);             // 4 at 4 volume decimals
        assertThat(exchange.maxLoan()).isEqualTo(100_000_000_000_000L);    // 10000 at 10 quote decimals
        assertThat(exchange.maintenanceMargin()).isEqualTo(10_000_000L);   // 0.10 at 8 rate decimals
        assertThat(exchange.maxOpenOrders()).isEqualTo(100);
        assertThat(exchange.limitsOpenOrders()).isTrue();
        assertThat(exchange.initialPrice()).isEqualTo(30_000L);            // 300.0 at 2 price decimals
        assertThat(exchange.minOrderSize()).isEqualTo(2_500L);             // 0.25 at 4 volume decimals
        assertThat(exchange.feePolicy().type()).isEqualTo("dynamic");
        assertThat(exchange.feePolicy().settings().attribute("takerFee")).contains("0.00023");
        assertThat(exchange.feePolicy().settings().path())
                .isEqualTo("/Simulation/Agents/MultiBookExchangeAgent/FeePolicy");
        assertThat(exchange.balances().type()).isEqualTo("pareto");
        assertThat(exchange.balances().settings().attribute("wealth")).contains("50000.0");
        assertThat(exchange.logging()).isEqualTo(new LoggingConfig(LocalDateTime.of(2025, 5, 7, 0, 0),
                Optional.empty(), 5, true, true, false));
    }

    @Test
    void referenceBooksUsePriceTimeByDefaultAndRunThreeProcesses() {
        BooksConfig books = referenceConfig().exchange().books();

        assertThat(books.instanceCount()).isEqualTo(16);
        assertThat(books.maxDepth()).isEqualTo(21);
        assertThat(books.detailedDepth()).isEqualTo(5);
        assertThat(books.algorithm()).isEqualTo("PriceTime");
        assertThat(books.processes()).extracting(ProcessConfig::type, ProcessConfig::name).containsExactly(
                tuple("FundamentalPrice", "fundamental"),
                tuple("FuturesSignal", "external"),
                tuple("MagneticField", "magneticfield"));
        assertThat(books.processes().getFirst().settings().attribute("Hurst")).contains("0.75");
    }

    @Test
    void referenceAgentGroupsKeepDocumentOrderCountsAndBalances() {
        SimulationConfig config = referenceConfig();

        assertThat(config.agents()).extracting(AgentGroupConfig::model).containsExactly("InitializationAgent",
                "ALGOTraderAgent", "HighFrequencyTraderAgent", "NoiseTraderAgent", "FuturesTraderAgent",
                "StylizedTraderAgent");
        assertThat(config.agents()).extracting(AgentGroupConfig::name).containsExactly("INITIALIZATION_AGENT",
                "ALGO_TRADER_AGENT", "HIGH_FREQUENCY_TRADER_AGENT", "NOISE_TRADER_AGENT", "FUTURES_TRADER_AGENT",
                "STYLIZED_TRADER_AGENT");
        assertThat(config.agents()).extracting(AgentGroupConfig::instanceCount)
                .containsExactly(500, 1, 10, 1024, 100, 1000);
        assertThat(config.agents()).extracting(g -> g.balances().orElseThrow().type())
                .containsExactly("static", "static", "static", "pareto-50", "static", "pareto-50");
        assertThat(config.agents()).extracting(AgentGroupConfig::exchange).containsOnly("EXCHANGE");
        assertThat(config.agentsPerBlock()).isEqualTo(2_635L);
        assertThat(config.agentsPerBlock() * config.blockCount()).isEqualTo(21_080L);
        assertThat(config.agents().getFirst().settings().attribute("tau")).contains("86400000000000");
    }

    @Test
    void simulationInfoCarriesTheExchangeShape() {
        SimulationInfo info = referenceConfig().toSimulationInfo("20260523_1644");

        assertThat(info).isEqualTo(new SimulationInfo("20260523_1644", 264, 8, 16, 86_400_000_000_000L,
                600_000_000_000L, 1_000_000_000L, BookDecimals.of(2, 4, 4, 10), 2_500L, 100, 40_000L,
                100_000_000_000_000L, 10_000_000L, 30_000L, "dynamic"));
        assertThat(info.bookCount()).isEqualTo(128);
    }

    @Test
    void unreadableFileIsOneProblemNotAnException() {
        Path missing = folder.resolve("absent.xml");

        ValidationReport report = SimulationConfigs.validate(missing, TestCatalog.reference());

        assertThat(report.valid()).isFalse();
        assertThat(report.config()).isEmpty();
        assertThat(ReferenceXml.formatted(report)).containsExactly("cannot read " + missing + ": no such file");
    }

    @Test
    void loadThrowsListingEveryProblem() throws IOException {
        Path file = folder.resolve("broken.xml");
        Files.writeString(file, ReferenceXml.replacing(" blockCount=\"8\"", " blockCount=\"eight\"")
                .replace(" step=\"1000000000\"", ""), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SimulationConfigs.load(file, TestCatalog.reference()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::format).containsExactly(
                            "line 1: /Simulation: missing required attribute 'step' (integer)",
                            "line 1: /Simulation: attribute 'blockCount' must be an integer, got 'eight'");
                    assertThat(e.getMessage()).isEqualTo(String.join(System.lineSeparator(),
                            file + ": 2 configuration problems",
                            "  line 1: /Simulation: missing required attribute 'step' (integer)",
                            "  line 1: /Simulation: attribute 'blockCount' must be an integer, got 'eight'"));
                });
    }

    @Test
    void loadReturnsTheConfigurationOfAValidFile() throws IOException {
        Path file = folder.resolve("simulation_0.xml");
        Files.writeString(file, ReferenceXml.text());

        assertThat(SimulationConfigs.load(file, TestCatalog.reference()).bookCount()).isEqualTo(128);
    }

    @Test
    void embeddedDefaultIsTheReferenceProductionConfiguration() throws IOException {
        try (var input = SimulationConfigs.embeddedDefault()) {
            SimulationConfig config = SimulationConfigs.load(SimulationConfigs.EMBEDDED_DEFAULT_NAME, input,
                    TestCatalog.reference());
            assertThat(config.bookCount()).isEqualTo(128);
            assertThat(config.exchange().remoteAgentCount()).isEqualTo(264);
        }
    }

    private static SimulationConfig referenceConfig() {
        ValidationReport report = ReferenceXml.validate(ReferenceXml.text());
        assertThat(ReferenceXml.formatted(report)).isEmpty();
        return report.config().orElseThrow();
    }
}
