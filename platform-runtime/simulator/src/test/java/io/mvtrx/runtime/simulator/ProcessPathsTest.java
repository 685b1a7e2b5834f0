package io.mvtrx.runtime.simulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.PluginProvider;
import io.mvtrx.api.spi.agentmodel.AgentEnvironment;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.simulator.report.MarketFacts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fundamental price rebuilt after a run ({@link ProcessPaths}) is the one the agents read during it: a probe
 * model reads every book's {@code fundamental} once a minute in a run of 2 blocks × 2 books.
 */
class ProcessPathsTest {

    private static final long MINUTE = 60_000_000_000L;

    /** Reads the fundamental of every book of its block each minute; populations are numbered in block order. */
    private record Reader(Map<Integer, List<Double>> seen, AtomicInteger populations)
            implements BackgroundAgentModelProvider {
        @Override
        public String name() {
            return "FundamentalReader";
        }

        @Override
        public AgentPopulation create(Settings settings, PopulationContext context) {
            int offset = populations.getAndIncrement() * context.bookCount();
            return agent -> new BackgroundAgent() {
                @Override
                public void onStart(AgentEnvironment environment) {
                    for (int book = 0; book < context.bookCount(); book++) {
                        environment.wakeAt(book, environment.now() + MINUTE, 0);
                    }
                }

                @Override
                public void onWake(int bookId, int kind, AgentEnvironment environment) {
                    seen.computeIfAbsent(offset + bookId, b -> new ArrayList<>())
                            .add(environment.process(bookId, "fundamental").value());
                    environment.wakeAt(bookId, environment.now() + MINUTE, 0);
                }
            };
        }
    }

    private record WithReader(Reader reader) implements PluginCatalog {
        @Override
        public <P extends PluginProvider> Optional<P> find(Class<P> type, String name) {
            if (type == BackgroundAgentModelProvider.class && name.equals(reader.name())) {
                return Optional.of(type.cast(reader));
            }
            return Fixtures.PLUGINS.find(type, name);
        }

        @Override
        public List<String> names(ExtensionPoint point) {
            List<String> names = new ArrayList<>(Fixtures.PLUGINS.names(point));
            if (point == ExtensionPoint.of(BackgroundAgentModelProvider.class)) {
                names.add(reader.name());
            }
            return names;
        }
    }

    @Test
    void rebuildsTheFundamentalEveryBookReadDuringTheRun() {
        Reader reader = new Reader(new TreeMap<>(), new AtomicInteger());
        WithReader catalog = new WithReader(reader);
        String xml = Fixtures.text("small.xml").replace("<DistributedProxyAgent />",
                "<FundamentalReader name=\"READER\" instanceCount=\"1\" exchange=\"EXCHANGE\"/>");
        SimulationConfig config = SimulationConfigs.load("small.xml with a reader",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), catalog);
        long duration = 5 * MINUTE;
        try (Simulation simulation = Simulation.create(config, catalog, SimulationOptions.defaults()
                .withDuration(duration).withSeed(11).withThreads(1))) {
            simulation.run(progress -> { });
        }

        MarketFacts.Reference rebuilt = ProcessPaths.reference(config, catalog, "fundamental", 11, duration)
                .orElseThrow();

        // wake-ups at 1..4 minutes (the one at 5 minutes is past the run)
        assertThat(reader.seen()).containsOnlyKeys(0, 1, 2, 3);
        for (Map.Entry<Integer, List<Double>> book : reader.seen().entrySet()) {
            double[] read = book.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            assertThat(read).hasSize(4);
            assertThat(rebuilt.sample(book.getKey(), config.start() + MINUTE, MINUTE, 4)).containsExactly(read);
            assertThat(read).doesNotHaveDuplicates();
        }
        assertThat(reader.seen().get(0)).isNotEqualTo(reader.seen().get(2));
        assertThat(ProcessPaths.reference(config, catalog, "no such process", 11, duration)).isEmpty();
    }
}
