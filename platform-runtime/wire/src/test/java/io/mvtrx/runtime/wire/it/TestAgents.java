package io.mvtrx.runtime.wire.it;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

/** Trading agents for the wire tests; each counts how often it was invoked. */
final class TestAgents {

    private TestAgents() {
    }

    /** Base: counts every call the host makes. */
    abstract static class Counting implements TradingAgent {
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger responds = new AtomicInteger();
        final List<Notice> notices = new CopyOnWriteArrayList<>();
        final List<StateUpdate> states = new CopyOnWriteArrayList<>();
        final List<TrainingAssignment> assignments = new CopyOnWriteArrayList<>();
        volatile int agentId = -1;

        @Override
        public void start(int agentId, SimulationInfo simulation) {
            this.agentId = agentId;
            starts.incrementAndGet();
        }

        @Override
        public AgentResponse respond(StateUpdate state) {
            responds.incrementAndGet();
            states.add(state);
            return answer(state);
        }

        abstract AgentResponse answer(StateUpdate state);

        @Override
        public void onNotice(Notice notice) {
            notices.add(notice);
        }

        @Override
        public void onAssignment(TrainingAssignment assignment) {
            assignments.add(assignment);
        }

        int invocations() {
            return starts.get() + responds.get() + notices.size();
        }
    }

    /** Places one limit buy at book 0's best bid for its free base on book 0; client id = its notice count. */
    static final class Echo extends Counting {
        @Override
        AgentResponse answer(StateUpdate state) {
            return new AgentResponse(agentId, List.of(limitAt(state)));
        }

        static Instruction limitAt(StateUpdate state) {
            return new PlaceLimit(0, Side.BUY, state.books().getFirst().snapshot().bestBid(),
                    state.accounts().get(0).base().free(), Currency.BASE, 0, TimeInForce.GTC, 0, false, StpMode.CO,
                    state.notices().size(), -2, 0, 0, 0);
        }
    }

    /** Answers with {@code count} copies of the echo instruction. */
    static final class Flood extends Counting {
        private final int count;

        Flood(int count) {
            this.count = count;
        }

        @Override
        AgentResponse answer(StateUpdate state) {
            return new AgentResponse(agentId, Collections.nCopies(count, Echo.limitAt(state)));
        }
    }

    /** Blocks until released. */
    static final class Slow extends Counting {
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        AgentResponse answer(StateUpdate state) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return AgentResponse.empty(agentId);
        }
    }

    /** Throws on every state. */
    static final class Throwing extends Counting {
        @Override
        AgentResponse answer(StateUpdate state) {
            throw new IllegalStateException("strategy bug");
        }
    }
}
