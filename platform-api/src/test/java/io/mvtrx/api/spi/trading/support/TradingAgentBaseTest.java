package io.mvtrx.api.spi.trading.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.notice.SimulationStarted;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.state.AgentResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradingAgentBaseTest {

    /** Joins the best bid of every book with one lot and writes down every hook call. */
    static final class Recorder extends TradingAgentBase {
        final List<String> calls = new ArrayList<>();

        @Override
        protected void act(StateView state, ResponseBuilder response) {
            calls.add("act@" + state.timestamp() + " history=" + history().updates());
            for (BookView book : state.books()) {
                if (book.hasBid()) {
                    response.add(Instructions.limit(book.bookId(), Side.BUY, book.bestBid(), 1).build());
                }
            }
        }

        @Override
        protected void onStart() {
            calls.add("start uid=" + agentId() + " sim=" + simulation().simulationId());
        }

        @Override
        protected void onEnd() {
            calls.add("end");
        }

        @Override
        protected void onSimulationStarted(SimulationStarted notice) {
            calls.add("simulationStarted");
        }

        @Override
        protected void onSimulationEnded(SimulationEnded notice) {
            calls.add("simulationEnded");
        }

        @Override
        protected void onOrderAccepted(OrderAccepted notice) {
            calls.add("accepted " + notice.orderId());
        }

        @Override
        protected void onOrderRejected(OrderRejected notice) {
            calls.add("rejected " + notice.reason());
        }

        @Override
        protected void onCancel(CancelReport notice) {
            calls.add("cancel " + notice.orderId());
        }

        @Override
        protected void onTrade(TradeNotice notice) {
            calls.add("trade " + notice.trade().tradeId() + " fills=" + history().fills().size());
        }

        @Override
        protected void onPositionClose(PositionCloseReport notice) {
            calls.add("close " + notice.orderId());
        }

        @Override
        protected void onReset(AgentReset notice) {
            calls.add("reset");
        }
    }

    @Test
    void refusesAnUpdateBeforeStart() {
        assertThatThrownBy(() -> new Recorder().respond(Fixtures.state(1, List.of(), List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("respond before start: the host calls start(agentId, simulation) first");
    }

    @Test
    void recordsRoutesEveryNoticeInOrderThenActs() {
        Recorder agent = new Recorder();
        List<Notice> notices = List.of(
                new SimulationStarted(1, "sim-1"),
                new OrderAccepted(2, 0, 11, -1, OrderType.LIMIT, Side.BUY, 29_990, 1, 0),
                new OrderRejected(3, 1, -1, OrderType.MARKET, Side.SELL, RejectReason.INSUFFICIENT_BASE),
                new CancelReport(4, 0, 11, 1, CancelReason.REQUESTED, Optional.empty()),
                new TradeNotice(Fixtures.trade(0, 5, 77, 29_990, 1), -1, true),
                new PositionCloseReport(6, 0, 12, Optional.of(RejectReason.NO_LOAN)),
                new AgentReset(7, 3),
                new SimulationEnded(8, "sim-1"));

        agent.start(3, Fixtures.simulation("sim-1"));
        AgentResponse response = agent.respond(Fixtures.state(5_000, List.of(
                Fixtures.book(0, 29_990, 30_010, 1, List.of()), Fixtures.book(1, 0, 30_010, 1, List.of())), notices));
        agent.end();

        assertThat(agent.calls).containsExactly("start uid=3 sim=sim-1", "simulationStarted", "accepted 11",
                "rejected INSUFFICIENT_BASE", "cancel 11", "trade 77 fills=1", "close 12", "reset",
                "simulationEnded", "act@5000 history=1", "end");
        assertThat(response).isEqualTo(new AgentResponse(3,
                List.of(Instructions.limit(0, Side.BUY, 29_990, 1).build())));
        assertThat(response.instructions().getFirst()).isInstanceOf(PlaceLimit.class);
    }

    @Test
    void noticesBetweenUpdatesAreRecordedAndRouted() {
        Recorder agent = new Recorder();
        agent.start(0, Fixtures.simulation("sim-1"));

        agent.onNotice(new TradeNotice(Fixtures.trade(0, 5, 9, 29_990, 1), -1, false));

        assertThat(agent.calls).containsExactly("start uid=0 sim=sim-1", "trade 9 fills=1");
    }

    @Test
    void aNewStartForgetsThePreviousSimulation() {
        Recorder agent = new Recorder();
        agent.start(0, Fixtures.simulation("sim-1"));
        agent.respond(Fixtures.state(1, List.of(Fixtures.book(0, 29_990, 30_010, 1, List.of())), List.of()));

        agent.start(1, Fixtures.simulation("sim-2"));
        agent.respond(Fixtures.state(2, List.of(Fixtures.book(0, 29_990, 30_010, 1, List.of())), List.of()));

        assertThat(agent.calls).containsExactly("start uid=0 sim=sim-1", "act@1 history=1",
                "start uid=1 sim=sim-2", "act@2 history=1");
    }
}
