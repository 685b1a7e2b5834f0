package io.mvtrx.runtime.wire.miner;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

import io.helidon.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MinerHealthTest {

    @Test
    void theMetagraphCheckIsReadyOnceTheMetagraphWasRead() throws Exception {
        MetagraphCacheTest.ReadOnlyChain chain = new MetagraphCacheTest.ReadOnlyChain();
        chain.neurons.add(new Neuron(0, "aa", "cold", 1, true, "", 1, 0));
        MetagraphCache cache = new MetagraphCache(chain, 79, Duration.ofSeconds(60),
                () -> Instant.parse("2026-05-23T16:44:00Z"));
        var check = MinerHealth.metagraph(cache);

        assertThat(check.call().status()).isEqualTo(HealthCheckResponse.Status.DOWN);
        cache.lookup("aa");
        HealthCheckResponse ready = check.call();

        assertThat(ready.status()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(ready.details()).containsEntry("netuid", 79).containsEntry("neurons", 1)
                .containsEntry("loadedAt", "2026-05-23T16:44:00Z");
    }

    @Test
    void theAgentCheckFailsWhileOneCallRunsLongerThanFourTimeouts() {
        AgentHostTest.Recorder agent = new AgentHostTest.Recorder();
        agent.block = new CountDownLatch(1);
        AtomicLong nanos = new AtomicLong(1);
        try (AgentHost host = new AgentHost(agent, Duration.ofSeconds(1), nanos::get)) {
            var check = MinerHealth.agent(host, new RequestAuthenticator("aa", 1, Duration.ofSeconds(1),
                    new MetagraphCache(new MetagraphCacheTest.ReadOnlyChain(), 79, Duration.ZERO, Instant::now),
                    Instant::now));
            SimulationInfo info = new SimulationInfo("sim", 1, 1, 1, 1, 0, 1, BookDecimals.REFERENCE, 1, 1, 0, 0, 0,
                    1, "static");
            host.respond(3, new StateUpdate(1, info, List.of(), Map.of(), List.of()));
            while (!agent.calls.contains("respond 1")) {
                Thread.onSpinWait();
            }

            nanos.addAndGet(4_000_000_000L);
            assertThat(check.call().status()).isEqualTo(HealthCheckResponse.Status.UP);
            nanos.addAndGet(1);
            HealthCheckResponse hung = check.call();

            assertThat(hung.status()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(hung.details()).containsEntry("busyMillis", 4000L).containsEntry("calls", 1L);
            agent.block.countDown();
        }
    }
}
