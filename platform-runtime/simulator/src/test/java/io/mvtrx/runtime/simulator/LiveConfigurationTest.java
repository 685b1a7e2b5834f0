package io.mvtrx.runtime.simulator;

import java.io.IOException;
import java.io.InputStream;

import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.config.SimulationConfigs;
import io.mvtrx.runtime.simulator.internal.Block;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded live configuration (simulation_0.xml) runs as it is, cut to one block of 4 books. */
class LiveConfigurationTest {

    @Test
    void oneBlockOfTheLiveConfigurationRunsWithEveryAgentAndKeepsTheExchangeConsistent() throws IOException {
        SimulationConfig live;
        try (InputStream in = SimulationConfigs.embeddedDefault()) {
            live = SimulationConfigs.load("simulation_0.xml", in, Fixtures.PLUGINS);
        }
        SimulationOptions options = SimulationOptions.defaults().withBlockCount(1).withBooksPerBlock(4)
                .withDuration(90_000_000_000L).withThreads(1);
        try (Simulation simulation = Simulation.create(live, Fixtures.PLUGINS, options)) {
            assertThat(simulation.agentsPerBlock()).isEqualTo(2_635);
            assertThat(simulation.info().remoteAgentCount()).isEqualTo(264);
            Block block = simulation.blocks().getFirst();
            assertThat(block.agentName(0)).isEqualTo("INITIALIZATION_AGENT_0");
            // the reference's ids (simulator-054.md §1.4): ALGO_0 = -1, EXCHANGE = -2, INIT_0 = -113
            assertThat(block.agentId(500)).isEqualTo(-1);
            assertThat(block.agentId(0)).isEqualTo(-113);
            while (!simulation.finished()) {
                simulation.step();
                if (simulation.time() % 10_000_000_000L == 0) {
                    block.checkInvariants();
                }
            }
            // ≈ 48 000 kernel messages (no notices for the HFTs, which hear none, as in the reference)
            assertThat(simulation.progress().messages()).isGreaterThan(40_000);
            assertThat(simulation.bookStats()).hasSize(4).allSatisfy(book -> {
                assertThat(book.bestBid()).isPositive();
                assertThat(book.bestAsk()).isGreaterThan(book.bestBid());
                assertThat(book.restingOrders()).isGreaterThan(1_000);
            });
            assertThat(simulation.bookStats().stream().mapToLong(BookStats::trades).sum()).isPositive();
        }
    }
}
