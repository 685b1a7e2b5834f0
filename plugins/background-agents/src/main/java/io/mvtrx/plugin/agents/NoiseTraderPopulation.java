package io.mvtrx.plugin.agents;

import java.util.Arrays;

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
 * keeps it inside the MagneticField process), and the change of the book's mean spin. The reference's field exposes
 * the change of the mean at its last update; our {@code PriceProcess} exposes the mean (and the spins), so the
 * population takes the change between the two last different means it read. Reads come with the turns (about
 * every minute per book, like the field's updates), so a change can span two field updates when the turns are slow.
 */
final class NoiseTraderPopulation implements AgentPopulation {

    /** Wake kind: this instance holds the book's turn; it reads the book after the feed latency. */
    static final int TURN = 0;

    /** Wake kind: the book read arrives; pass the turn on and decide. */
    static final int OBSERVE = 1;

    /** Name of the field process. */
    static final String FIELD = "magneticfield";

    final NoiseTraderParameters parameters;
    final PopulationContext context;
    final Quantizer quantizer;
    final PlacementLatency placement;
    final FeedLatency feed;
    final AcdClock[] clocks;
    private final double[] lastMean;
    private final double[] meanChange;

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
        this.lastMean = new double[books];
        this.meanChange = new double[books];
        Arrays.fill(lastMean, Double.NaN);
    }

    @Override
    public BackgroundAgent agent(AgentContext agent) {
        return new NoiseTrader(this, agent.instanceIndex());
    }

    /** Takes in the field's mean spin; a new value sets the book's change of the mean. */
    void observeField(int bookId, double mean) {
        double last = lastMean[bookId];
        if (!Double.isNaN(last) && mean != last) {
            meanChange[bookId] = mean - last;
        }
        lastMean[bookId] = mean;
    }

    /** The last change of the book's mean spin (0 before any). */
    double meanChange(int bookId) {
        return meanChange[bookId];
    }
}
