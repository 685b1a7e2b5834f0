package io.mvtrx.runtime.gentrx.miner.agent;

import java.util.Objects;

import io.mvtrx.api.gentrx.TrainingAssignment;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.spi.trading.TradingAgent;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.gentrx.miner.training.TrainingWorker;

/**
 * The GenTRX agent (gentrx.md §7.1) as a decorator: trading is whatever the wrapped agent does, and assignments go to
 * the training worker's mailbox, so every agent can train and its answers never wait on training.
 *
 * {@snippet :
 * TradingAgent agent = new GentrxTrainingAgent(new MyStrategy(), worker.start());
 * }
 */
public final class GentrxTrainingAgent implements TradingAgent {

    private final TradingAgent trading;
    private final TrainingWorker worker;

    public GentrxTrainingAgent(TradingAgent trading, TrainingWorker worker) {
        this.trading = Objects.requireNonNull(trading, "trading");
        this.worker = Objects.requireNonNull(worker, "worker");
    }

    @Override
    public void start(int agentId, SimulationInfo simulation) {
        trading.start(agentId, simulation);
    }

    @Override
    public AgentResponse respond(StateUpdate state) {
        return trading.respond(state);
    }

    @Override
    public void onNotice(Notice notice) {
        trading.onNotice(notice);
    }

    /** Queues the assignment for the worker and returns at once. */
    @Override
    public void onAssignment(TrainingAssignment assignment) {
        worker.submit(assignment);
    }

    /** Ends the wrapped agent; the worker keeps training across simulations and is closed by its owner. */
    @Override
    public void end() {
        trading.end();
    }

    /** The wrapped trading agent. */
    public TradingAgent trading() {
        return trading;
    }

    public TrainingWorker worker() {
        return worker;
    }
}
