package io.mvtrx.runtime.validator.node;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.mvtrx.api.spi.storage.StorageBackend;

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

    /**
     * Issue 5 item 5: the configuration as an object in a storage backend. The owner replaces it during simulation 1
     * (3 books), breaks it during simulation 2, then the store goes away during simulation 3: simulation 2 runs the
     * new document, 3 and 4 keep it, each with an alert naming the problem.
     */
    @Test
    void reloadsAConfigurationPublishedToAStorageBackendAndKeepsThePreviousOneWhenItIsBadOrUnreachable()
            throws IOException {
        String xml = smallXml();
        MemoryStore store = new MemoryStore();
        String key = "owner/simulation.xml";
        store.put(key, xml.getBytes(StandardCharsets.UTF_8));
        ValidatorLoop loop = Fixtures.loop(Fixtures.settings(), Fixtures.inProcess(Map.of(1,
                new TestTraderProvider.Trader(2_500))), Roster.fixed(Fixtures.neurons(1)));
        List<String> lines = new ArrayList<>();
        List<Integer> books = new ArrayList<>();
        loop.addListener(stats -> {
            if (stats.timestamp() != 60 * SECOND) {
                return;
            }
            books.add(loop.scoring().report(1) == null ? -1 : loop.scoring().report(1).kappa().length);
            try {
                switch (books.size()) {
                    case 1 -> store.put(key, xml.replace("<Books instanceCount=\"2\"", "<Books instanceCount=\"3\"")
                            .getBytes(StandardCharsets.UTF_8));
                    case 2 -> store.put(key, xml.replace("type=\"dynamic\"", "type=\"nosuchfees\"")
                            .getBytes(StandardCharsets.UTF_8));
                    default -> store.reachable = false;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        ValidatorNode node = new ValidatorNode(loop, Fixtures.PLUGINS,
                new StorageConfigSource(store, "memory", key, Fixtures.PLUGINS), new ValidatorNode.Plan(
                SimulationOptions.defaults().withDuration(62 * SECOND).withThreads(1), 0, 4), lines::add);

        try (loop) {
            node.run();
        }

        assertThat(books).containsExactly(2, 3, 3, 3);
        List<String> alerts = lines.stream().filter(l -> l.startsWith("ALERT: ") && !l.startsWith("ALERT:   "))
                .toList();
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0)).startsWith("ALERT: the new configuration is invalid, keeping the previous one: ");
        assertThat(alerts.get(1)).isEqualTo("ALERT: the configuration cannot be read, keeping the previous one: "
                + "cannot read the configuration owner/simulation.xml from storage memory: connection refused");
        assertThat(lines).filteredOn(l -> l.startsWith("ALERT:   ")).singleElement().asString()
                .contains("nosuchfees");
        assertThat(lines).filteredOn(l -> l.equals("configuration reloaded and valid; the next simulation uses it"))
                .hasSize(1);
    }

    @Test
    void aMissingObjectIsAnErrorNamingTheKeyAndTheStore() {
        StorageConfigSource source = new StorageConfigSource(new MemoryStore(), "fs root=/srv/owner", "sim.xml",
                Fixtures.PLUGINS);
        assertThatThrownBy(source::load).isInstanceOf(IOException.class)
                .hasMessage("no configuration sim.xml in storage fs root=/srv/owner (publish one with mvtrx config "
                        + "publish)");
    }

    /** A storage backend in memory that can be made unreachable. */
    private static final class MemoryStore implements StorageBackend {

        private final Map<String, byte[]> objects = new TreeMap<>();
        volatile boolean reachable = true;

        @Override
        public void put(String key, Path source) throws IOException {
            put(key, java.nio.file.Files.readAllBytes(source));
        }

        @Override
        public synchronized void put(String key, byte[] content) throws IOException {
            check();
            objects.put(key, content.clone());
        }

        @Override
        public synchronized Optional<InputStream> get(String key) throws IOException {
            check();
            return Optional.ofNullable(objects.get(key)).map(ByteArrayInputStream::new);
        }

        @Override
        public synchronized List<String> list(String prefix) throws IOException {
            check();
            return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
        }

        @Override
        public synchronized void delete(String key) throws IOException {
            check();
            objects.remove(key);
        }

        @Override
        public void close() {
        }

        private void check() throws IOException {
            if (!reachable) {
                throw new IOException("connection refused");
            }
        }
    }
}
