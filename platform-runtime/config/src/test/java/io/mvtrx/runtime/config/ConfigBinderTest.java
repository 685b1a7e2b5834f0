package io.mvtrx.runtime.config;

import java.util.Map;

import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.PriceProcessProvider;
import io.mvtrx.api.spi.process.ProcessContext;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.config.ReferenceXml.formatted;
import static io.mvtrx.runtime.config.ReferenceXml.replacing;
import static io.mvtrx.runtime.config.ReferenceXml.validate;
import static org.assertj.core.api.Assertions.assertThat;

class ConfigBinderTest {

    private static final String MODELS = "ALGOTraderAgent, FuturesTraderAgent, HighFrequencyTraderAgent, "
            + "InitializationAgent, NoiseTraderAgent, StylizedTraderAgent";

    @Test
    void misspelledAgentElementIsReportedWithItsPathLineAndLoadedModels() {
        String xml = replacing("<StylizedTraderAgent", "<StylisedTraderAgent")
                .replace("</StylizedTraderAgent>", "</StylisedTraderAgent>");

        ValidationReport report = validate(xml);

        assertThat(report.valid()).isFalse();
        assertThat(report.config()).isEmpty();
        assertThat(formatted(report)).containsExactly("line 160: /Simulation/Agents/StylisedTraderAgent: "
                + "unknown background-agent model 'StylisedTraderAgent'; loaded: " + MODELS
                + "; did you mean 'StylizedTraderAgent'?");
        assertThat(report.problems().getFirst().column()).isEqualTo(9);
    }

    @Test
    void unknownModelWithNothingCloseGetsNoSuggestion() {
        String xml = replacing("<DistributedProxyAgent />", "<MarketMakerBot name=\"MM\"/>");

        assertThat(formatted(validate(xml))).containsExactly("line 200: /Simulation/Agents/MarketMakerBot: "
                + "unknown background-agent model 'MarketMakerBot'; loaded: " + MODELS);
    }

    @Test
    void wrongAttributeTypeIsReported() {
        String xml = replacing("blockCount=\"8\"", "blockCount=\"eight\"");

        assertThat(formatted(validate(xml)))
                .containsExactly("line 1: /Simulation: attribute 'blockCount' must be an integer, got 'eight'");
    }

    @Test
    void missingRequiredAttributeIsReported() {
        String xml = replacing(" step=\"1000000000\"", "");

        assertThat(formatted(validate(xml)))
                .containsExactly("line 1: /Simulation: missing required attribute 'step' (integer)");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        String xml = replacing(replacing(replacing("blockCount=\"8\"", "blockCount=\"eight\""),
                "<Books instanceCount=\"16\"", "<Books instanceCount=\"-1\""),
                "type=\"pareto-50\"\n                scale=\"0.8\"\n                shape=\"1.16\"\n"
                        + "                seed=\"1337\"\n                wealth=\"20000.0\"",
                "type=\"pareto-51\"\n                scale=\"0.8\"\n                shape=\"1.16\"\n"
                        + "                seed=\"1337\"\n                wealth=\"20000.0\"");

        assertThat(formatted(validate(xml))).containsExactly(
                "line 1: /Simulation: attribute 'blockCount' must be an integer, got 'eight'",
                "line 15: /Simulation/Agents/MultiBookExchangeAgent/Books: attribute 'instanceCount' must be >= 1, "
                        + "got '-1'",
                "line 190: /Simulation/Agents/StylizedTraderAgent/Balances: unknown balance distribution 'pareto-51' "
                        + "(attribute 'type'); loaded: pareto, pareto-50, static; did you mean 'pareto-50'?");
    }

    @Test
    void missingPluginParameterIsReportedAtThePluginElement() {
        String xml = replacing("            tau=\"86400000000000\">", "            >");

        assertThat(formatted(validate(xml))).containsExactly(
                "line 39: /Simulation/Agents/InitializationAgent: missing required attribute 'tau' (integer)");
    }

    @Test
    void pluginParameterOfTheWrongTypeIsReportedAtThePluginElement() {
        String xml = replacing("historySlots=\"300\"", "historySlots=\"many\"");

        assertThat(formatted(validate(xml))).containsExactly("line 12: /Simulation/Agents/MultiBookExchangeAgent/"
                + "FeePolicy: attribute 'historySlots' must be an integer, got 'many'");
    }

    @Test
    void misspelledExchangeChildNamesTheAllowedOnes() {
        String xml = replacing("<Books instanceCount", "<Bookz instanceCount").replace("</Books>", "</Bookz>");

        assertThat(formatted(validate(xml))).containsExactly(
                "line 8: /Simulation/Agents/MultiBookExchangeAgent: missing required element <Books>",
                "line 15: /Simulation/Agents/MultiBookExchangeAgent/Bookz: unknown element <Bookz> in "
                        + "<MultiBookExchangeAgent>; allowed: FeePolicy, Books, Balances, Logging; "
                        + "did you mean 'Books'?");
    }

    @Test
    void unknownFeePolicyTypeNamesTheLoadedPolicies() {
        String xml = replacing("<FeePolicy type=\"dynamic\"", "<FeePolicy type=\"dynamc\"");

        assertThat(formatted(validate(xml))).containsExactly("line 12: /Simulation/Agents/MultiBookExchangeAgent/"
                + "FeePolicy: unknown fee policy 'dynamc' (attribute 'type'); loaded: dynamic, static, tiered; "
                + "did you mean 'dynamic'?");
    }

    @Test
    void absentFeePolicyIsStaticWithZeroRates() {
        String xml = replacing(ReferenceXml.text().substring(ReferenceXml.text().indexOf("\t\t    <FeePolicy"),
                ReferenceXml.text().indexOf("            <Books")), "");

        FeePolicyConfig fees = validate(xml).config().orElseThrow().exchange().feePolicy();

        assertThat(fees.type()).isEqualTo("static");
        assertThat(fees.settings().attributes()).containsExactly(Map.entry("type", "static"));
        assertThat(fees.settings().path()).isEqualTo("/Simulation/Agents/MultiBookExchangeAgent/FeePolicy");
    }

    @Test
    void absentFeePolicyNeedsTheStaticPolicyLoaded() {
        String xml = replacing(ReferenceXml.text().substring(ReferenceXml.text().indexOf("\t\t    <FeePolicy"),
                ReferenceXml.text().indexOf("            <Books")), "");

        ValidationReport report = validate(xml, TestCatalog.reference().remove(ExtensionPoint.FEE_POLICY, "static"));

        assertThat(formatted(report)).containsExactly("line 8: /Simulation/Agents/MultiBookExchangeAgent: no "
                + "<FeePolicy> given and the default fee policy 'static' is not loaded; loaded: dynamic, tiered");
    }

    @Test
    void booksAlgorithmResolvesToAMatchingRule() {
        String chosen = replacing("<Books instanceCount=\"16\"", "<Books algorithm=\"ProRata\" instanceCount=\"16\"");
        String unknown = replacing("<Books instanceCount=\"16\"", "<Books algorithm=\"FIFO\" instanceCount=\"16\"");

        assertThat(validate(chosen).config().orElseThrow().exchange().books().algorithm()).isEqualTo("ProRata");
        assertThat(formatted(validate(unknown))).containsExactly("line 15: /Simulation/Agents/"
                + "MultiBookExchangeAgent/Books: unknown matching rule 'FIFO' (attribute 'algorithm'); "
                + "loaded: PriceTime, ProRata");
    }

    @Test
    void unknownProcessIsReportedAtItsElement() {
        String xml = replacing("<FuturesSignal name=\"external\"", "<FutureSignal name=\"external\"");

        assertThat(formatted(validate(xml))).containsExactly("line 20: /Simulation/Agents/MultiBookExchangeAgent/"
                + "Books/Processes/FutureSignal: unknown price process 'FutureSignal'; loaded: FundamentalPrice, "
                + "FuturesSignal, GBM, MagneticField; did you mean 'FuturesSignal'?");
    }

    @Test
    void processNeedsAnInstanceNameAndNamesAreUnique() {
        String xml = replacing(replacing("<FuturesSignal name=\"external\"", "<FuturesSignal"),
                "<MagneticField name=\"magneticfield\"", "<MagneticField name=\"fundamental\"");

        assertThat(formatted(validate(xml))).containsExactly(
                "line 20: /Simulation/Agents/MultiBookExchangeAgent/Books/Processes/FuturesSignal: "
                        + "missing required attribute 'name' (string)",
                "line 21: /Simulation/Agents/MultiBookExchangeAgent/Books/Processes/MagneticField: "
                        + "duplicate process name 'fundamental'; first at line 17");
    }

    @Test
    void maintenanceMarginUsesTheIntendedBoundNotTheReferenceQuirk() {
        // v0.5.4 accepts 0.2 here (its bound is 1/volumeDecimals = 0.25); the intended bound 1/(2*(1+4)) is 0.1
        String xml = replacing("maintenanceMargin=\"0.10\"", "maintenanceMargin=\"0.2\"");

        assertThat(formatted(validate(xml))).containsExactly("line 8: /Simulation/Agents/MultiBookExchangeAgent: "
                + "attribute 'maintenanceMargin' must be <= 1/(2*(1+maxLeverage)) = 0.1 for maxLeverage 4, "
                + "got '0.2'");
    }

    @Test
    void maintenanceMarginAtTheBoundIsAccepted() {
        String xml = replacing("maxLeverage=\"4\" maxLoan=\"10000\" maintenanceMargin=\"0.10\"",
                "maxLeverage=\"1\" maxLoan=\"10000\" maintenanceMargin=\"0.25\"");

        ExchangeConfig exchange = validate(xml).config().orElseThrow().exchange();

        assertThat(exchange.maintenanceMargin()).isEqualTo(25_000_000L);
        assertThat(exchange.maxLeverage()).isEqualTo(10_000L);
    }

    @Test
    void decimalsOutsideTheScaleRangeAreReported() {
        String xml = replacing("priceDecimals=\"2\"", "priceDecimals=\"19\"");

        assertThat(formatted(validate(xml))).containsExactly("line 8: /Simulation/Agents/MultiBookExchangeAgent: "
                + "attribute 'priceDecimals' must be within 0..18, got '19'");
    }

    @Test
    void initialPriceBelowOneTickIsReported() {
        String xml = replacing("initialPrice=\"300.0\"", "initialPrice=\"0.001\"");

        assertThat(formatted(validate(xml))).containsExactly("line 8: /Simulation/Agents/MultiBookExchangeAgent: "
                + "attribute 'initialPrice' must be at least one tick (0.01 at 2 price decimals), got '0.001'");
    }

    @Test
    void minOrderSizeIsTruncatedAndNeverBelowOneLot() {
        String truncated = replacing("minOrderSize=\"0.25\"", "minOrderSize=\"0.25009\"");
        String tiny = replacing("minOrderSize=\"0.25\"", "minOrderSize=\"0\"");
        String absent = replacing(" minOrderSize=\"0.25\"", "");

        assertThat(validate(truncated).config().orElseThrow().exchange().minOrderSize()).isEqualTo(2_500L);
        assertThat(validate(tiny).config().orElseThrow().exchange().minOrderSize()).isEqualTo(1L);
        assertThat(validate(absent).config().orElseThrow().exchange().minOrderSize()).isEqualTo(1L);
    }

    @Test
    void absentMaxOpenOrdersIsUnlimited() {
        String xml = replacing(" maxOpenOrders=\"100\"", "");

        ExchangeConfig exchange = validate(xml).config().orElseThrow().exchange();

        assertThat(exchange.maxOpenOrders()).isEqualTo(Integer.MAX_VALUE);
        assertThat(exchange.limitsOpenOrders()).isFalse();
    }

    @Test
    void onlyNanosecondsAreATimescale() {
        String xml = replacing("timescale=\"ns\"", "timescale=\"s\"");

        assertThat(formatted(validate(xml))).containsExactly("line 1: /Simulation: attribute 'timescale' must be "
                + "'ns' (the only time unit MVTRX supports), got 's'");
    }

    @Test
    void logWindowIsOffOrBetweenOneSecondAndNinetyNineDays() {
        String xml = replacing("logWindow=\"3600000000000\"", "logWindow=\"5\"");

        assertThat(formatted(validate(xml))).containsExactly("line 1: /Simulation: attribute 'logWindow' must be "
                + "0 or within 1000000000..8553600000000000 (1 s..99 days), got '5'");
    }

    @Test
    void seedIsReadWhenPresent() {
        String xml = replacing("<Simulation start=\"0\"", "<Simulation seed=\"42\" start=\"0\"");

        assertThat(validate(xml).config().orElseThrow().seed()).isEqualTo(42L);
    }

    @Test
    void siblingsSharingANameGetTheirPositionInPaths() {
        String noise = ReferenceXml.text().substring(ReferenceXml.text().indexOf("        <NoiseTraderAgent"),
                ReferenceXml.text().indexOf("        <FuturesTraderAgent"));
        String xml = replacing("        <FuturesTraderAgent", noise + "        <FuturesTraderAgent");

        assertThat(formatted(validate(xml))).containsExactly("line 140: /Simulation/Agents/NoiseTraderAgent[2]: "
                + "duplicate agent name 'NOISE_TRADER_AGENT'; first at line 109");
    }

    @Test
    void agentExchangeMustNameTheExchange() {
        String xml = replacing("name=\"ALGO_TRADER_AGENT\"\n            instanceCount=\"1\"\n"
                        + "            exchange=\"EXCHANGE\"",
                "name=\"ALGO_TRADER_AGENT\"\n            instanceCount=\"1\"\n            exchange=\"NYSE\"");

        assertThat(formatted(validate(xml))).containsExactly("line 49: /Simulation/Agents/ALGOTraderAgent: "
                + "attribute 'exchange' must be the exchange's name 'EXCHANGE', got 'NYSE'");
    }

    @Test
    void agentWithoutBalancesUsesTheExchangeTemplate() {
        String balances = "            <Balances>\n                <Base total=\"500\" maxLeverage=\"1\" "
                + "maxLoan=\"10000\" />\n                <Quote total=\"150000.0\" maxLeverage=\"1\" "
                + "maxLoan=\"10000\" />\n            </Balances>\n        </FuturesTraderAgent>";
        String xml = replacing(balances, "        </FuturesTraderAgent>");

        AgentGroupConfig futures = validate(xml).config().orElseThrow().agents().get(4);

        assertThat(futures.model()).isEqualTo("FuturesTraderAgent");
        assertThat(futures.balances()).isEmpty();
    }

    @Test
    void untypedBalancesWithoutBaseAndQuoteIsReported() {
        String xml = replacing("<Base total=\"100.0\" maxLeverage=\"0\" maxLoan=\"0\" />", "");

        assertThat(formatted(validate(xml))).containsExactly("line 44: /Simulation/Agents/InitializationAgent/"
                + "Balances: missing required element <Base> (static balances list <Base total=...> and "
                + "<Quote total=...>)");
    }

    @Test
    void staticBalanceTotalMustBeANonNegativeNumber() {
        String xml = replacing("<Quote total=\"30000.0\"", "<Quote total=\"-1\"");

        assertThat(formatted(validate(xml))).containsExactly("line 46: /Simulation/Agents/InitializationAgent/"
                + "Balances/Quote: attribute 'total' must be >= 0, got '-1'");
    }

    @Test
    void missingExchangeIsReportedAtAgents() {
        String text = ReferenceXml.text();
        String xml = text.substring(0, text.indexOf("        <MultiBookExchangeAgent"))
                + text.substring(text.indexOf("        <InitializationAgent"));

        assertThat(formatted(validate(xml)))
                .containsExactly("line 7: /Simulation/Agents: missing required element <MultiBookExchangeAgent>");
    }

    @Test
    void rootMustBeSimulation() {
        assertThat(formatted(validate("<Config/>")))
                .containsExactly("line 1: /Config: the root element must be <Simulation>, got <Config>");
    }

    @Test
    void minimalSimulationNeedsAgentsAndItsRequiredAttributes() {
        assertThat(formatted(validate("<Simulation>\n</Simulation>"))).containsExactly(
                "line 1: /Simulation: missing required attribute 'step' (integer)",
                "line 1: /Simulation: missing required attribute 'duration' (integer)",
                "line 1: /Simulation: missing required element <Agents>");
    }

    @Test
    void unknownLoggingChildIsReported() {
        String xml = replacing("<L3 />", "<L4 />");

        assertThat(formatted(validate(xml))).containsExactly("line 35: /Simulation/Agents/MultiBookExchangeAgent/"
                + "Logging/L4: unknown element <L4> in <Logging>; allowed: L2, L3, FeeLog, Replay; "
                + "did you mean 'L2'?");
    }

    @Test
    void startDateMustBeADateAndTime() {
        String xml = replacing("startDate=\"2025-05-07 00:00:00\"", "startDate=\"2025-13-07\"");

        assertThat(formatted(validate(xml))).containsExactly("line 33: /Simulation/Agents/MultiBookExchangeAgent/"
                + "Logging: attribute 'startDate' must be a date and time as 'yyyy-MM-dd HH:mm:ss', "
                + "got '2025-13-07'");
    }

    @Test
    void nothingLoadedSaysNone() {
        ValidationReport report = validate(ReferenceXml.text(), TestCatalog.empty());

        assertThat(formatted(report)).hasSize(18).startsWith("line 12: /Simulation/Agents/MultiBookExchangeAgent/"
                + "FeePolicy: unknown fee policy 'dynamic' (attribute 'type'); loaded: none");
    }

    @Test
    void withoutTheProxyRemoteAgentsAreOff() {
        String xml = replacing("        <DistributedProxyAgent />\n", "");

        assertThat(validate(xml).config().orElseThrow().remoteAgentsEnabled()).isFalse();
    }

    @Test
    void pluginThatCannotDeclareItsParametersIsAProblemNotACrash() {
        TestCatalog catalog = TestCatalog.reference().add(new PriceProcessProvider() {
            @Override
            public String name() {
                return "MagneticField";
            }

            @Override
            public ParameterSchema parameters() {
                throw new IllegalStateException("schema resource missing");
            }

            @Override
            public PriceProcess create(Settings settings, ProcessContext context) {
                throw new UnsupportedOperationException("validation only");
            }
        });

        assertThat(formatted(validate(ReferenceXml.text(), catalog))).containsExactly("line 21: /Simulation/Agents/"
                + "MultiBookExchangeAgent/Books/Processes/MagneticField: plugin 'MagneticField' failed to declare its "
                + "parameters: java.lang.IllegalStateException: schema resource missing");
    }
}
