package io.mvtrx.plugin.agents;

import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.agentmodel.AgentContext;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.plugin.agents.internal.AcdClock;
import io.mvtrx.plugin.agents.internal.FeedLatency;
import io.mvtrx.plugin.agents.internal.PlacementLatency;
import io.mvtrx.plugin.agents.internal.Quantizer;

/**
 * The noise traders of one block and what they share: each book's decision turn with its ACD clock (the reference
 * keeps the clock inside the MagneticField process; the turn that passes between the instances carries it here).
 * The field itself is read and written through the book's {@code magneticfield} process, whose layout is component
 * 0 the mean spin m̄, 1 its change at the last update Δm̄, {@code 2 + k} spin k.
 */
final class NoiseTraderPopulation implements AgentPopulation, Snapshottable {

    /** Wake kind: this instance holds the book's turn; it reads the book after the feed latency. */
    static final int TURN = 0;

    /** Wake kind: the book read arrives; pass the turn on and decide. */
    static final int OBSERVE = 1;

    /** Name of the field process. */
    static final String FIELD = "magneticfield";

    /** Field component of the change of the mean spin. */
    static final int MEAN_CHANGE = 1;

    /** Field component of spin 0; spin k is at {@code FIRST_SPIN + k}. */
    static final int FIRST_SPIN = 2;

    final NoiseTraderParameters parameters;
    final PopulationContext context;
    final Quantizer quantizer;
    final PlacementLatency placement;
    final FeedLatency feed;
    final AcdClock[] clocks;

    NoiseTraderPopulation(NoiseTraderParameters parameters, PopulationContext context) {
        this.parameters = parameters;
        this.context = context;
        this.quantizer = new Quantizer(context.decimals());
        this.placement = new PlacementLatency(parameters.minPlacement(), parameters.maxPlacement(),
                parameters.placementScale());
        this.feed = new FeedLatency(parameters.feedMean(), parameters.feedStd());
        int books = context.bookCount();
        this.clocks = new AcdClock[books];
        for (int book = 0; book < books; book++) {
            clocks[book] = new AcdClock(parameters.acdOmega(), parameters.acdAlpha(), parameters.acdBeta(),
                    parameters.minDelay(), parameters.maxDelay());
        }
    }

    @Override
    public BackgroundAgent agent(AgentContext agent) {
        return new NoiseTrader(this, agent.instanceIndex());
    }

    /** Saves every book's turn clock. */
    @Override
    public void writeState(StateWriter out) {
        out.writeInt(clocks.length);
        for (AcdClock clock : clocks) {
            clock.writeState(out);
        }
    }

    @Override
    public void readState(StateReader in) {
        int books = in.readInt();
        in.check(books == clocks.length, "NoiseTraderAgent: %d saved clocks, %d books", books, clocks.length);
        for (AcdClock clock : clocks) {
            clock.readState(in);
        }
    }
}
