package io.mvtrx.plugin.agents;

import java.util.SplittableRandom;

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
 * The stylized traders of one block and what they share: the decision turn of every book with its ACD clock, and
 * the initial price paths every instance samples its history from (kept only until all instances started).
 */
final class StylizedTraderPopulation implements AgentPopulation, Snapshottable {

    /** Wake kind: read the book (the reference's RETRIEVE_L1 loop). */
    static final int OBSERVE = 0;

    /** Wake kind: this instance holds the book's decision turn (the reference's WAKEUP). */
    static final int TURN = 1;

    /** Steps of the initial GBM path: one day of seconds. */
    static final int PATH_STEPS = 86_400;

    final StylizedTraderParameters parameters;
    final PopulationContext context;
    final Quantizer quantizer;
    final PlacementLatency placement;
    final FeedLatency feed;
    final AcdClock[] clocks;
    final double guardSlope;
    final double guardCentre;
    private double[][] paths;
    private int started;

    StylizedTraderPopulation(StylizedTraderParameters parameters, PopulationContext context) {
        this.parameters = parameters;
        this.context = context;
        this.quantizer = new Quantizer(context.decimals());
        this.placement = new PlacementLatency(parameters.minPlacement(), parameters.maxPlacement(),
                parameters.placementScale());
        this.feed = new FeedLatency(parameters.feedMean(), parameters.feedStd());
        this.clocks = new AcdClock[context.bookCount()];
        for (int book = 0; book < clocks.length; book++) {
            clocks[book] = new AcdClock(parameters.acdOmega(), parameters.acdAlpha(), parameters.acdBeta(),
                    parameters.minDelay(), parameters.maxDelay());
        }
        double g = parameters.volGuard();
        double high = Math.log((1 - g) / g);
        double low = Math.log(g / (1 - g));
        this.guardSlope = (high - low) / (10 * g - g / 100);
        this.guardCentre = g / 10 + high / guardSlope;
        this.paths = new double[context.bookCount()][];
    }

    @Override
    public BackgroundAgent agent(AgentContext agent) {
        return new StylizedTrader(this, agent.instanceIndex());
    }

    /** The probability that an order is post-only, given the return variance: a logistic guard, floored. */
    double postOnlyProbability(double variance) {
        double logistic = 1 / (1 + Math.exp(-guardSlope * (variance - guardCentre)));
        return Math.max(logistic, parameters.postOnlyFloor());
    }

    /**
     * The initial price path of a book: {@value #PATH_STEPS} GBM steps over a horizon of 1 from the initial price,
     * seeded with {@code GBM_seed + book + 1}; the same for every instance and every block.
     */
    double[] path(int book) {
        if (paths == null) {
            return gbmPath(book);
        }
        if (paths[book] == null) {
            paths[book] = gbmPath(book);
        }
        return paths[book];
    }

    /** An instance started; once all did, the paths are dropped. */
    void started() {
        if (++started >= context.instanceCount()) {
            paths = null;
        }
    }

    private double[] gbmPath(int book) {
        SplittableRandom random = new SplittableRandom(parameters.gbmSeed() + book + 1);
        double dt = 1.0 / PATH_STEPS;
        double sigma = parameters.gbmSigma();
        double drift = (parameters.gbmMu() - sigma * sigma / 2) * dt;
        double diffusion = sigma * Math.sqrt(dt);
        double[] path = new double[PATH_STEPS];
        path[0] = quantizer.priceValue(context.initialPrice());
        for (int step = 1; step < PATH_STEPS; step++) {
            path[step] = path[step - 1] * Math.exp(drift + diffusion * random.nextGaussian());
        }
        return path;
    }

    /**
     * Saves every book's turn clock and how many instances started; the warm-up paths are not saved (they follow
     * from {@code gbmSeed} and are dropped once every instance started).
     */
    @Override
    public void writeState(StateWriter out) {
        out.writeInt(clocks.length);
        for (AcdClock clock : clocks) {
            clock.writeState(out);
        }
        out.writeInt(started);
    }

    @Override
    public void readState(StateReader in) {
        int books = in.readInt();
        in.check(books == clocks.length, "StylizedTraderAgent: %d saved clocks, %d books", books, clocks.length);
        for (AcdClock clock : clocks) {
            clock.readState(in);
        }
        started = in.readInt();
        if (started >= context.instanceCount()) {
            paths = null;
        }
    }
}
