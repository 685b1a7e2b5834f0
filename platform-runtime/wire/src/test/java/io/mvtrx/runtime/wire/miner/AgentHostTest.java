package io.mvtrx.runtime.wire.miner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgentHostTest {

    /** Records the calls it gets, in order; can be told to throw or to block. */
    static final class Recorder implements TradingAgent {
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile boolean fail;
        volatile CountDownLatch block;

        @Override
        public void start(int agentId, SimulationInfo simulation) {
            calls.add("start " + agentId + " " + simulation.simulationId());
        }

        @Override
        public AgentResponse respond(StateUpdate state) {
            calls.add("respond " + state.timestamp());
            if (fail) {
                throw new IllegalStateException("boom");
            }
            if (block != null) {
                try {
                    block.await();
                } catch (InterruptedException e) {
                    calls.add("interrupted");
                    Thread.currentThread().interrupt();
                }
            }
            return new AgentResponse(7, List.of(new CancelOrders(0, List.of(), 0)));
        }

        @Override
        public void onNotice(Notice notice) {
            calls.add("notice " + notice.getClass().getSimpleName());
        }

        @Override
        public void onAssignment(TrainingAssignment assignment) {
            calls.add("assignment " + assignment.round());
            if (fail) {
                throw new IllegalStateException("boom");
            }
        }

        @Override
        public void end() {
            calls.add("end");
        }
    }

    private static StateUpdate state(String simulation, long timestamp) {
        SimulationInfo info = new SimulationInfo(simulation, 1, 1, 1, 100, 0, 10, BookDecimals.REFERENCE, 1, 1, 0, 0,
                0, 1, "static");
        return new StateUpdate(timestamp, info, List.of(), Map.of(), List.of());
    }

    private final Recorder agent = new Recorder();
    private AgentHost host;

    @AfterEach
    void stop() {
        CountDownLatch block = agent.block;
        if (block != null) {
            block.countDown();
        }
        host.close();
    }

    @Test
    void startsOncePerSimulationAndEndsThePreviousOne() {
        host = new AgentHost(agent, Duration.ofMinutes(1));

        host.respond(7, state("sim-a", 1)).join();
        host.respond(7, state("sim-a", 2)).join();
        host.respond(7, state("sim-b", 3)).join();
        host.notify(List.of(new AgentReset(4, 7), new SimulationEnded(5, "sim-b"))).join();
        host.respond(7, state("sim-b", 6)).join();

        assertThat(agent.calls).containsExactly("start 7 sim-a", "respond 1", "respond 2", "end", "start 7 sim-b",
                "respond 3", "notice AgentReset", "notice SimulationEnded", "end", "start 7 sim-b", "respond 6");
        assertThat(host.calls()).isEqualTo(5);
    }

    @Test
    void assignmentsReachTheAgentOnItsThreadInOrderWithTheStates() {
        host = new AgentHost(agent, Duration.ofMinutes(1));
        var assignment = new TrainingAssignment(9, 2, List.of("0"), 0, 10, List.of("k"),
                new BucketAccess("local", "/tmp/data", "", "", ""), 1, "", Map.of());

        host.respond(3, state("sim-a", 100)).join();
        assertThat(host.assign(assignment).join()).isTrue();
        agent.fail = true;
        assertThat(host.assign(assignment).join()).isFalse();

        assertThat(agent.calls).containsExactly("start 3 sim-a", "respond 100", "assignment 9", "assignment 9");
        assertThat(host.calls()).isEqualTo(3);
        assertThat(host.failures()).isEqualTo(1);
    }

    @Test
    void answersEmptyAndCountsWhenTheAgentThrows() {
        host = new AgentHost(agent, Duration.ofMinutes(1));
        agent.fail = true;

        AgentResponse response = host.respond(9, state("sim", 1)).join();

        assertThat(response).isEqualTo(AgentResponse.empty(9));
        assertThat(host.failures()).isEqualTo(1);
        agent.fail = false;
        assertThat(host.respond(9, state("sim", 2)).join().instructions()).hasSize(1);
    }

    @Test
    void answersEmptyAndInterruptsTheAgentWhenItRunsOutOfTime() {
        host = new AgentHost(agent, Duration.ofMillis(50));
        agent.block = new CountDownLatch(1);

        AgentResponse response = host.respond(9, state("sim", 1)).join();

        assertThat(response).isEqualTo(AgentResponse.empty(9));
        assertThat(host.timeouts()).isEqualTo(1);
        assertThat(host.failures()).isZero();
    }

    @Test
    void reportsHowLongTheRunningCallHasBeenBusy() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000);
        host = new AgentHost(agent, Duration.ofMinutes(1), nanos::get);
        agent.block = new CountDownLatch(1);
        nanos.addAndGet(5_000_000_000L);
        assertThat(host.busyFor()).isEqualTo(Duration.ZERO);

        host.respond(9, state("sim", 1));
        while (!agent.calls.contains("respond 1")) {
            Thread.onSpinWait();
        }
        nanos.addAndGet(5_000_000_000L);

        assertThat(host.busyFor()).isEqualTo(Duration.ofSeconds(5));
        agent.block.countDown();
    }
}
