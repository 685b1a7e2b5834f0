package io.mvtrx.runtime.bittensor.axon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class PriorityGateTest {

    @Test
    void theHighestStakeWaitingGoesFirstThenArrivalOrder() throws Exception {
        PriorityGate gate = new PriorityGate();
        assertThat(gate.enter(0, 1)).isTrue();
        List<String> order = new CopyOnWriteArrayList<>();
        List<Thread> threads = List.of(waiter(gate, "low", 1.0, order), waiter(gate, "high", 500.0, order),
                waiter(gate, "low-2", 1.0, order), waiter(gate, "mid", 20.0, order));
        for (int i = 0; i < threads.size(); i++) {
            threads.get(i).start();
            while (gate.waiting() < i + 1) {
                Thread.onSpinWait();
            }
        }
        gate.leave();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(order).containsExactly("high", "mid", "low", "low-2");
    }

    @Test
    void aRequestThatGetsNoTurnInTimeLeavesTheQueue() throws Exception {
        PriorityGate gate = new PriorityGate();
        assertThat(gate.enter(5, 1)).isTrue();
        assertThat(gate.enter(1_000, 0)).isFalse();
        assertThat(gate.waiting()).isZero();
        gate.leave();
        assertThat(gate.enter(1, 0)).isTrue();
    }

    private static Thread waiter(PriorityGate gate, String name, double priority, List<String> order) {
        return Thread.ofPlatform().unstarted(() -> {
            try {
                if (gate.enter(priority, Long.MAX_VALUE)) {
                    order.add(name);
                    gate.leave();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
