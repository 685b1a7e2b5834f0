package io.mvtrx.plugin.agents;

import java.util.Arrays;

import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.plugin.agents.internal.FeedLatency;
import io.mvtrx.plugin.agents.internal.PlacementLatency;
import io.mvtrx.plugin.agents.internal.Quantizer;

/**
 * The futures traders of one block and what they share: each book's decision turn and the signal read from the
 * book's {@code external} process. A FuturesSignal process carries the log return of its last change (component 1)
 * and the volume factor {@code min(2, e^|r|)} (component 2), which the traders use as the reference's do. Bound to a
 * process without them (fewer than 3 components, e.g. a GBM or a recorded price), the population derives both from
 * the value changes it observes, {@code r = ln(new/old)} kept until the next change; traders read the signal every
 * few seconds per book, more often than an external price changes, so each change is seen once.
 */
final class FuturesTraderPopulation implements AgentPopulation, Snapshottable {

    /** Wake kind: this instance holds the book's turn; it reads the book after the feed latency. */
    static final int TURN = 0;

    /** Wake kind: the book read arrives; pass the turn on and decide. */
    static final int OBSERVE = 1;

    /** Name of the process the traders follow. */
    static final String SIGNAL = "external";

    /** Signal component of the last log return. */
    static final int RETURN = 1;

    /** Signal component of the volume factor. */
    static final int FACTOR = 2;

    final FuturesTraderParameters parameters;
    final PopulationContext context;
    final Quantizer quantizer;
    final PlacementLatency placement;
    final FeedLatency feed;
    final FeedLatency decisionDelay;
    private final double[] lastSignal;
    private final double[] logReturn;
    private final double[] volumeFactor;

    FuturesTraderPopulation(FuturesTraderParameters parameters, PopulationContext context) {
        this.parameters = parameters;
        this.context = context;
        this.quantizer = new Quantizer(context.decimals());
        this.placement = new PlacementLatency(parameters.minPlacement(), parameters.maxPlacement(),
                parameters.placementScale());
        this.feed = new FeedLatency(parameters.feedMean(), parameters.feedStd());
        this.decisionDelay = new FeedLatency(parameters.delayMean(), parameters.delayStd());
        int books = context.bookCount();
        this.lastSignal = new double[books];
        this.logReturn = new double[books];
        this.volumeFactor = new double[books];
        Arrays.fill(lastSignal, Double.NaN);
    }

    @Override
    public BackgroundAgent agent(AgentContext agent) {
        return new FuturesTrader(this, agent.instanceIndex());
    }

    /** Reads the signal: from its components when it has them, else from its value's changes. */
    void observeSignal(int bookId, PriceProcess signal) {
        if (signal.components() > FACTOR) {
            logReturn[bookId] = signal.value(RETURN);
            volumeFactor[bookId] = signal.value(FACTOR);
        } else {
            observeValue(bookId, signal.value());
        }
    }

    /** Takes in a scalar signal's current value; a change sets the book's log return and volume factor. */
    void observeValue(int bookId, double value) {
        double last = lastSignal[bookId];
        if (Double.isNaN(last)) {
            lastSignal[bookId] = value;
            return;
        }
        if (value != last) {
            double r = last > 0 && value > 0 ? Math.log(value / last) : 0.0;
            logReturn[bookId] = r;
            volumeFactor[bookId] = Math.min(2.0, Math.exp(Math.abs(r)));
            lastSignal[bookId] = value;
        }
    }

    /** The log return of the book's last signal change (0 before any). */
    double logReturn(int bookId) {
        return logReturn[bookId];
    }

    /** The volume factor of the book's last signal change (0 before any). */
    double volumeFactor(int bookId) {
        return volumeFactor[bookId];
    }

    /** Saves every book's last signal, its log return and the volume factor derived from it. */
    @Override
    public void writeState(StateWriter out) {
        out.writeDoubles(lastSignal);
        out.writeDoubles(logReturn);
        out.writeDoubles(volumeFactor);
    }

    @Override
    public void readState(StateReader in) {
        int books = lastSignal.length;
        System.arraycopy(in.readDoubles("FuturesTraderAgent signals", books), 0, lastSignal, 0, books);
        System.arraycopy(in.readDoubles("FuturesTraderAgent returns", books), 0, logReturn, 0, books);
        System.arraycopy(in.readDoubles("FuturesTraderAgent volume factors", books), 0, volumeFactor, 0, books);
    }
}
