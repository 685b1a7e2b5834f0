package io.mvtrx.runtime.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.SettleFlag;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.state.AgentResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refusals a validator sends without queueing ({@code Simulation.refuse}), and a delay that overflows the clock. */
class RefusalTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void refusalsReachTheAgentAsTheNoticesTheExchangeWouldSend() {
        PlaceLimit bid = new PlaceLimit(1, Side.BUY, 29_000, 2_500, Currency.BASE, 0, TimeInForce.GTC, 0, false,
                StpMode.CO, 42, SettleFlag.NONE, 0, 0, Long.MAX_VALUE);
        List<Publication> publications = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Simulation[] holder = new Simulation[1];
        SimulationOptions options = SimulationOptions.defaults().withDuration(61 * SECOND).withThreads(1)
                .withRemote(publication -> {
                    publications.add(publication);
                    if (publication.timestamp() == 60 * SECOND) {
                        Simulation s = holder[0];
                        s.refuse(2, new CancelOrders(3, List.of(new CancelOrders.Cancellation(9, -1)), 0),
                                RejectReason.VOLUME_CAP);
                        s.refuse(2, new ClosePositions(0, List.of(new ClosePositions.PositionClose(8, -1)), 0),
                                RejectReason.INSTRUCTION_LIMIT);
                        s.refuse(2, new ResetAgents(List.of(1), 0), RejectReason.INVALID_INSTRUCTION);
                        problems.addAll(s.respond(1, new AgentResponse(1, List.of(bid))));
                    }
                    return Map.of();
                });
        try (Simulation simulation = Simulation.create(Fixtures.small(), Fixtures.PLUGINS, options)) {
            holder[0] = simulation;
            while (!simulation.finished()) {
                simulation.step();
            }
            assertThatThrownBy(() -> simulation.refuse(3, new ResetAgents(List.of(), 0),
                    RejectReason.UNKNOWN_BOOK)).hasMessage("no remote account 3: remote accounts are 0..2");
        }

        assertThat(problems).containsExactly("agent 1 instruction 0 refused: delay " + Long.MAX_VALUE
                + " ns overflows the clock");
        Publication last = publications.getLast();
        List<Notice> two = last.updates().get(2).notices().stream()
                .filter(n -> n.timestamp() == 60 * SECOND).toList();
        assertThat(two).containsExactly(
                new CancelReport(60 * SECOND, 3, 9, 0, CancelReason.REQUESTED, Optional.of(RejectReason.VOLUME_CAP)),
                new PositionCloseReport(60 * SECOND, 0, 8, Optional.of(RejectReason.INSTRUCTION_LIMIT)));
        assertThat(last.updates().get(1).notices()).contains(new OrderRejected(60 * SECOND, 1, 42, OrderType.LIMIT,
                Side.BUY, RejectReason.INVALID_INSTRUCTION));
    }
}
