package io.mvtrx.runtime.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.event.BookEvent;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.simulator.internal.Block;
import io.mvtrx.runtime.simulator.log.EventLogReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 item 3: configuration + seed give one L3 event log whatever the thread count, and every agent's and
 * process's random stream depends only on its own path.
 */
class DeterminismTest {

    private static final long THIRTY_MINUTES = 1_800_000_000_000L;

    private record Run(long hash, long[] states, long events, long trades) {
    }

    private static Run run(SimulationConfig config, SimulationOptions options) {
        try (Simulation simulation = Simulation.create(config, Fixtures.PLUGINS, options)) {
            simulation.run(progress -> { });
            long trades = simulation.bookStats().stream().mapToLong(BookStats::trades).sum();
            for (Block block : simulation.blocks()) {
                block.checkInvariants();
            }
            return new Run(simulation.eventLogHash(), simulation.stateHashes(), simulation.l3Events(), trades);
        }
    }

    @Test
    void oneAndTwoThreadsWriteTheSameEventLogAndEndInTheSameState() {
        SimulationOptions options = SimulationOptions.defaults().withDuration(THIRTY_MINUTES);
        Run one = run(Fixtures.small(), options.withThreads(1));
        Run two = run(Fixtures.small(), options.withThreads(2));

        assertThat(one.events()).isGreaterThan(10_000);
        assertThat(one.trades()).isGreaterThan(20);
        assertThat(two.hash()).isEqualTo(one.hash());
        assertThat(two.events()).isEqualTo(one.events());
        assertThat(two.states()).containsExactly(one.states());
    }

    @Test
    void anotherSeedWritesAnotherEventLog() {
        SimulationOptions options = SimulationOptions.defaults().withDuration(60_000_000_000L).withThreads(1);
        Run seed42 = run(Fixtures.small(), options);
        Run seed43 = run(Fixtures.small(), options.withSeed(43));

        assertThat(seed43.hash()).isNotEqualTo(seed42.hash());
    }

    @Test
    void addingABlockLeavesTheEventsOfTheFirstBlockUnchanged(@TempDir Path dir) throws IOException {
        SimulationOptions options = SimulationOptions.defaults().withDuration(120_000_000_000L).withThreads(2);
        run(Fixtures.small(), options.withBlockCount(1).withEventLog(dir.resolve("one.l3")));
        run(Fixtures.small(), options.withBlockCount(2).withEventLog(dir.resolve("two.l3")));

        List<BookEvent> alone = new ArrayList<>();
        List<BookEvent> withSecond = new ArrayList<>();
        EventLogReader.Summary one = EventLogReader.read(dir.resolve("one.l3"), alone::add);
        EventLogReader.Summary two = EventLogReader.read(dir.resolve("two.l3"), e -> {
            if (e.bookId() < 2) {
                withSecond.add(e);
            }
        });

        assertThat(one.complete()).isTrue();
        assertThat(two.complete()).isTrue();
        assertThat(two.events()).isGreaterThan(one.events());
        assertThat(alone).hasSizeGreaterThan(1_000);
        assertThat(withSecond).isEqualTo(alone);
    }

    @Test
    void addingAnAgentShiftsNoOtherAgentsStream() {
        Map<String, Long> before = seeds(Fixtures.small());
        Map<String, Long> after = seeds(Fixtures.smallWith(
                "name=\"NOISE_TRADER_AGENT\"\n\t\t\tinstanceCount=\"12\"",
                "name=\"NOISE_TRADER_AGENT\"\n\t\t\tinstanceCount=\"13\""));

        assertThat(after).hasSize(before.size() + 2);
        assertThat(after).containsAllEntriesOf(before);
        assertThat(after).containsKeys("0/NOISE_TRADER_AGENT_12", "1/NOISE_TRADER_AGENT_12");
        assertThat(before.values()).doesNotHaveDuplicates();
    }

    /** Every agent's seed by block and instance name, from a simulation built and started but not run. */
    private static Map<String, Long> seeds(SimulationConfig config) {
        Map<String, Long> seeds = new HashMap<>();
        try (Simulation simulation = Simulation.create(config, Fixtures.PLUGINS,
                SimulationOptions.defaults().withDuration(THIRTY_MINUTES).withThreads(1))) {
            for (Block block : simulation.blocks()) {
                for (int slot = 0; slot < block.agentCount(); slot++) {
                    seeds.put(block.index() + "/" + block.agentName(slot), block.agentSeed(slot));
                }
            }
        }
        return seeds;
    }
}
