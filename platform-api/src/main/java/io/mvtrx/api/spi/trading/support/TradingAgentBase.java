package io.mvtrx.api.spi.trading.support;

import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.notice.SimulationStarted;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;

/**
 * A {@link TradingAgent} skeleton (the reference's {@code FinanceSimulationAgent}): it keeps the uid, the
 * simulation and an {@link EventHistory}, routes every notice to a typed hook, and asks the subclass only what to do
 * with each update.
 *
 * <p>Per update, in order: the update is recorded in the history; each of its notices goes to its hook; then
 * {@link #act} fills a {@link ResponseBuilder} for the uid. Notices delivered between updates are recorded and
 * routed the same way. {@link #start} clears the history and calls {@link #onStart}; {@link #end} calls
 * {@link #onEnd}. Called by one thread at a time, as {@code TradingAgent} promises.
 *
 * {@snippet :
 * final class BestBidJoiner extends TradingAgentBase {
 *     @Override
 *     protected void act(StateView state, ResponseBuilder response) {
 *         for (BookView book : state.books()) {
 *             if (book.hasBid()) {
 *                 response.add(Instructions.limit(book.bookId(), Side.BUY, book.bestBid(), 1_0000).build());
 *             }
 *         }
 *     }
 * }
 * }
 */
public abstract class TradingAgentBase implements TradingAgent {

    private final EventHistory history;
    private int agentId = -1;
    private SimulationInfo simulation;
    private Units units;

    /** An agent keeping the default history. */
    protected TradingAgentBase() {
        this(new EventHistory());
    }

    /** An agent keeping {@code history}. */
    protected TradingAgentBase(EventHistory history) {
        this.history = history;
    }

    @Override
    public final void start(int agentId, SimulationInfo simulation) {
        this.agentId = agentId;
        this.simulation = simulation;
        this.units = new Units(simulation.decimals());
        history.clear();
        onStart();
    }

    /**
     * Records the update, routes its notices, and returns what {@link #act} added.
     *
     * @throws IllegalStateException if {@link #start} was not called
     */
    @Override
    public final AgentResponse respond(StateUpdate state) {
        if (simulation == null) {
            throw new IllegalStateException("respond before start: the host calls start(agentId, simulation) first");
        }
        history.record(state);
        for (Notice notice : state.notices()) {
            route(notice);
        }
        ResponseBuilder response = new ResponseBuilder(agentId);
        act(StateView.of(state), response);
        return response.build();
    }

    @Override
    public final void onNotice(Notice notice) {
        history.recordNotice(notice);
        route(notice);
    }

    @Override
    public final void end() {
        onEnd();
    }

    /** Decides this update's instructions and adds them to {@code response}. */
    protected abstract void act(StateView state, ResponseBuilder response);

    /** The miner's uid in this simulation; -1 before {@link #start}. */
    protected final int agentId() {
        return agentId;
    }

    /** The running simulation; null before {@link #start}. */
    protected final SimulationInfo simulation() {
        return simulation;
    }

    /** Conversions at the simulation's decimals; null before {@link #start}. */
    protected final Units units() {
        return units;
    }

    /** What was seen so far in this simulation. */
    protected final EventHistory history() {
        return history;
    }

    /** After {@link #start} has stored the uid and simulation. */
    protected void onStart() {
    }

    /** When the simulation ends. */
    protected void onEnd() {
    }

    /** A {@link SimulationStarted} notice. */
    protected void onSimulationStarted(SimulationStarted notice) {
    }

    /** A {@link SimulationEnded} notice (before {@link #end}, which the host calls next). */
    protected void onSimulationEnded(SimulationEnded notice) {
    }

    /** An order was accepted. */
    protected void onOrderAccepted(OrderAccepted notice) {
    }

    /** An order was refused. */
    protected void onOrderRejected(OrderRejected notice) {
    }

    /** A cancellation happened or failed (requested, expiry, self-trade prevention). */
    protected void onCancel(CancelReport notice) {
    }

    /** One of the agent's orders traded (already in {@link EventHistory#fills()}). */
    protected void onTrade(TradeNotice notice) {
    }

    /** A position close was dispatched or failed. */
    protected void onPositionClose(PositionCloseReport notice) {
    }

    /** The account was reset. */
    protected void onReset(AgentReset notice) {
    }

    private void route(Notice notice) {
        switch (notice) {
            case SimulationStarted n -> onSimulationStarted(n);
            case SimulationEnded n -> onSimulationEnded(n);
            case OrderAccepted n -> onOrderAccepted(n);
            case OrderRejected n -> onOrderRejected(n);
            case CancelReport n -> onCancel(n);
            case TradeNotice n -> onTrade(n);
            case PositionCloseReport n -> onPositionClose(n);
            case AgentReset n -> onReset(n);
        }
    }
}
