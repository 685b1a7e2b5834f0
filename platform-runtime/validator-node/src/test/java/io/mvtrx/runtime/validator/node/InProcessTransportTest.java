package io.mvtrx.runtime.validator.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mvtrx.api.gentrx.BucketAccess;
import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.spi.chain.Neuron;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

import org.junit.jupiter.api.Test;

class InProcessTransportTest {

    /** Takes assignments, or fails on them when told to. */
    static final class Trainer implements TradingAgent {
        final List<TrainingAssignment> assignments = new CopyOnWriteArrayList<>();
        final boolean fail;

        Trainer(boolean fail) {
            this.fail = fail;
        }

        @Override
        public void start(int agentId, SimulationInfo simulation) {
        }

        @Override
        public AgentResponse respond(StateUpdate state) {
            return AgentResponse.empty(0);
        }

        @Override
        public void onAssignment(TrainingAssignment assignment) {
            if (fail) {
                throw new IllegalStateException("no room");
            }
            assignments.add(assignment);
        }
    }

    private static Neuron neuron(int uid) {
        return new Neuron(uid, "hk" + uid, "ck", 0, false, "127.0.0.1:1", 0, 0);
    }

    @Test
    void handsEachAgentItsOwnAssignmentAndReportsWhichTookIt() {
        Trainer one = new Trainer(false);
        Trainer two = new Trainer(true);
        Trainer three = new Trainer(false);
        BucketAccess bucket = new BucketAccess("local", "/srv/gentrx", "", "", "");
        TrainingAssignment forOne = new TrainingAssignment(4, 1, List.of("0"), 0, 10, List.of("a"), bucket, 0, "",
                Map.of());
        TrainingAssignment forTwo = new TrainingAssignment(4, 1, List.of("1"), 0, 10, List.of("b"), bucket, 0, "",
                Map.of());
        try (InProcessTransport transport = new InProcessTransport(Map.of(1, one, 2, two, 3, three),
                Duration.ofSeconds(5), Duration.ofSeconds(5))) {

            var accepted = transport.assign(Map.of(1, forOne, 2, forTwo), List.of(neuron(1), neuron(2), neuron(3)));

            assertThat(accepted).containsExactly(1);
            assertThat(one.assignments).containsExactly(forOne);
            assertThat(three.assignments).isEmpty();
        }
    }
}
