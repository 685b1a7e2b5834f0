package io.mvtrx.plugin.agents;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterSchemaTest {

    private static Map<String, BackgroundAgentModelProvider> providers() {
        Map<String, BackgroundAgentModelProvider> byName = new TreeMap<>();
        for (BackgroundAgentModelProvider provider : ServiceLoader.load(BackgroundAgentModelProvider.class)) {
            byName.put(provider.name(), provider);
        }
        return byName;
    }

    static Stream<Settings> liveAgentElements() {
        return LiveConfig.document().child("Agents").orElseThrow().children().stream()
                .filter(e -> !e.element().equals("MultiBookExchangeAgent"))
                .filter(e -> !e.element().equals("DistributedProxyAgent"));
    }

    @Test
    void everyModelIsLoadedByItsElementName() {
        assertThat(providers()).containsOnlyKeys("InitializationAgent", "StylizedTraderAgent",
                "HighFrequencyTraderAgent", "ALGOTraderAgent", "FuturesTraderAgent", "NoiseTraderAgent",
                "RandomTraderAgent");
    }

    @Test
    void everyLiveAgentElementHasAModel() {
        assertThat(liveAgentElements().map(Settings::element))
                .containsExactlyInAnyOrder("InitializationAgent", "ALGOTraderAgent", "HighFrequencyTraderAgent",
                        "NoiseTraderAgent", "FuturesTraderAgent", "StylizedTraderAgent")
                .allSatisfy(name -> assertThat(providers()).containsKey(name));
    }

    @ParameterizedTest
    @MethodSource("liveAgentElements")
    void liveElementPassesItsSchema(Settings element) {
        assertThat(providers().get(element.element()).parameters().check(element)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("liveAgentElements")
    void everyLiveAttributeIsDeclared(Settings element) {
        assertThat(element.attributes().keySet())
                .allSatisfy(name -> assertThat(providers().get(element.element()).parameters().parameter(name))
                        .as("%s declares '%s'", element.element(), name).isPresent());
    }

    @Test
    void aMissingRequiredAttributeIsReportedWithItsPath() {
        Settings stylized = LiveConfig.agent("StylizedTraderAgent");
        Settings.Builder without = Settings.builder("StylizedTraderAgent");
        stylized.attributes().forEach((name, value) -> {
            if (!name.equals("sigmaF")) {
                without.attribute(name, value);
            }
        });

        List<String> problems = providers().get("StylizedTraderAgent").parameters().check(without.build());

        assertThat(problems).containsExactly("/StylizedTraderAgent: missing required attribute 'sigmaF' (decimal)");
    }

    @Test
    void aMistypedAttributeIsReported() {
        Settings hft = Settings.builder("HighFrequencyTraderAgent").attribute("name", "H")
                .attribute("exchange", "EXCHANGE").attribute("tau", "2").attribute("gHFT", "0.5")
                .attribute("delta", "7.5e8").attribute("kappa", "1.6").attribute("spread", "0.0015")
                .attribute("minOPLatency", "1000000").attribute("maxOPLatency", "fast")
                .attribute("psiHFT_constant", "100").attribute("orderMean", "2.5").build();

        assertThat(providers().get("HighFrequencyTraderAgent").parameters().check(hft))
                .containsExactly("/HighFrequencyTraderAgent: attribute 'maxOPLatency' must be an integer, got 'fast'");
    }
}
