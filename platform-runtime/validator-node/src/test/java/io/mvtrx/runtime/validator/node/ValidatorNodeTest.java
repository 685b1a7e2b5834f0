package io.mvtrx.runtime.validator.node;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mvtrx.runtime.config.ConfigException;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.simulator.SimulationOptions;

import org.junit.jupiter.api.Test;

import static io.mvtrx.runtime.validator.node.Fixtures.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Simulations back to back: the configuration is reloaded at each end; an invalid one keeps the previous. */
class ValidatorNodeTest {

    private static String smallXml() throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("small.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SimulationConfig load(String xml) {
        return SimulationConfigs.load("simulation.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                Fixtures.PLUGINS);
    }

    @Test
    void reloadsTheConfigurationAtEachEndAndKeepsThePreviousOneWhenTheNewIsInvalid() throws IOException {
        String xml = smallXml();
        List<String> versions = List.of(xml, xml.replace("type=\"dynamic\"", "type=\"nosuchfees\""),
                xml.replace("<Books instanceCount=\"2\"", "<Books instanceCount=\"3\""));
        int[] loads = {0};
        ValidatorNode.ConfigSource source = () -> load(versions.get(Math.min(loads[0]++, versions.size() - 1)));
        ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), Fixtures.inProcess(Map.of(1,
                new TestTraderProvider.Trader(2_500))), Roster.fixed(Fixtures.neurons(1)));
        List<String> lines = new ArrayList<>();
        List<Integer> books = new ArrayList<>();
        loop.addListener(stats -> {
            if (stats.timestamp() == 60 * SECOND) {
                books.add(loop.scoring().report(1) == null ? -1 : loop.scoring().report(1).kappa().length);
            }
        });
        ValidatorNode node = new ValidatorNode(loop, Fixtures.PLUGINS, source, new ValidatorNode.Plan(
                SimulationOptions.defaults().withDuration(62 * SECOND).withThreads(1), 0, 3), lines::add);

        try (loop) {
            node.run();
        }

        assertThat(loads[0]).isEqualTo(3);
        assertThat(lines).filteredOn(l -> l.startsWith("simulation ")).containsExactly(
                "simulation mvtrx-42: 1 block(s) x 2 books, 4 remote accounts, seed 42",
                "simulation mvtrx-43: 1 block(s) x 2 books, 4 remote accounts, seed 43",
                "simulation mvtrx-44: 1 block(s) x 3 books, 4 remote accounts, seed 44");
        assertThat(lines).filteredOn(l -> l.startsWith("ALERT")).first().asString()
                .startsWith("ALERT: the new configuration is invalid, keeping the previous one: ");
        assertThat(lines).filteredOn(l -> l.startsWith("ALERT:   ")).singleElement().asString()
                .contains("nosuchfees");
        assertThat(lines).contains("configuration reloaded and valid; the next simulation uses it");
        assertThat(books).containsExactly(2, 2, 3);
        assertThat(loop.stats().simulations()).isEqualTo(3);
        assertThat(loop.stats().publishes()).isEqualTo(9);
    }

    @Test
    void refusesToStartOnAnInvalidFirstConfigurationOrOneWithoutRemoteAgents() throws IOException {
        String xml = smallXml();
        ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), Fixtures.inProcess(Map.of()), Roster.fixed(List.of()));
        ValidatorNode.Plan plan = new ValidatorNode.Plan(SimulationOptions.defaults().withDuration(62 * SECOND), 0,
                1);
        ValidatorNode invalid = new ValidatorNode(loop, Fixtures.PLUGINS,
                () -> load(xml.replace("type=\"dynamic\"", "type=\"nosuchfees\"")), plan, line -> { });
        assertThatThrownBy(invalid::run).isInstanceOf(ConfigException.class);

        ValidatorNode headless = new ValidatorNode(loop, Fixtures.PLUGINS,
                () -> load(xml.replace("<DistributedProxyAgent />", "")), plan, line -> { });
        assertThatThrownBy(headless::run).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no <DistributedProxyAgent/>");
        loop.close();
    }
}
