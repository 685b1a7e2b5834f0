package io.mvtrx.plugin.agents;

import java.util.random.RandomGenerator;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.agentmodel.AccountView;
import io.mvtrx.api.spi.agentmodel.AgentEnvironment;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.MarketView;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.plugin.agents.internal.Draws;
import io.mvtrx.plugin.agents.internal.IsingDemand;
import io.mvtrx.plugin.agents.internal.Orders;
import io.mvtrx.plugin.agents.internal.Quantizer;

/**
 * One noise trader (reference 0.5.4 §7.3), owning spin {@code k} (its instance index) of every book's
 * {@code magneticfield} (component {@code 2 + k}). It draws a volume constant {@code LogNormal(meanVolume, 1)} at the start. Instance 0 hands
 * out the first turn of every book after a feed latency. The holder reads the book after the feed latency, passes the
 * turn on after an ACD delay with the extra term {@code acdGamma·ln(1 - |m̄|)} (strong magnetisation, short delays),
 * and decides with p the mid (empty bid: last mid; empty ask: bid + tick), s its spin, m̄ the mean spin:
 * <ul>
 *   <li>{@code balance = balanceCoef·(1 + s·m̄)/2}, {@code volume = balance·volumeConst};</li>
 *   <li>forecast {@code p̂ = p·exp(sigmaExp + weight·m̄ + Δm̄)}, demand {@code x(q) = (ln(p̂/q) + v)/(v·q)},
 *       v = sigmaExp; indifference and minimum prices by Newton; if either fails, a market order of {@code volume}
 *       in the spin's direction;</li>
 *   <li>aligned with the majority ({@code s·m̄ > 0}): with probability |m̄| an aggressive market order, BUY
 *       {@code balance·quote/(p·(1 + 3·sigmaExp))} or SELL {@code balance·base}; else the price weight is
 *       {@code w = |0.5 - |m̄||}; not aligned: {@code w = 1 - |m̄|};</li>
 *   <li>a price {@code q = min' + B·(max' - min')}, {@code min' = p_min·(1 + balance)},
 *       {@code max' = p̂·(1 - balance)} (usually {@code min' > max'}: the band is reversed), B ~ Beta(4·mode + 1, 4·(1 - mode) + 1) with i the indifference price's
 *       position in [min', max'] and {@code mode = i·(1 - w)} for s >= 0, {@code i + (1 - i)·w} for s < 0 (clamped to
 *       [0, 1]); below the indifference price a limit BUY of {@code x(q) - base}, above it a limit SELL of
 *       {@code base - x(q)}, at q to the nearest tick, living {@code tau}.</li>
 * </ul>
 *
 * <p>Like the reference it does not wait for replies before deciding again.
 *
 * <p>Confined to its block's thread; one instruction per decision, the demand object is reused.
 */
final class NoiseTrader implements BackgroundAgent, Snapshottable {

    private final NoiseTraderPopulation population;
    private final int index;
    private final IsingDemand demand = new IsingDemand();
    private double volumeConstant;
    private double[] lastMid;

    NoiseTrader(NoiseTraderPopulation population, int index) {
        this.population = population;
        this.index = index;
    }

    /** The volume constant drawn at the start. */
    double volumeConstant() {
        return volumeConstant;
    }

    @Override
    public void onStart(AgentEnvironment environment) {
        RandomGenerator random = environment.random();
        volumeConstant = Draws.logNormal(random, population.parameters.meanVolume(), 1.0);
        int books = population.context.bookCount();
        lastMid = new double[books];
        double initialPrice = population.quantizer.priceValue(population.context.initialPrice());
        for (int book = 0; book < books; book++) {
            lastMid[book] = initialPrice;
            PriceProcess field = environment.process(book, NoiseTraderPopulation.FIELD);
            if (field.components() <= NoiseTraderPopulation.FIRST_SPIN + index) {
                throw new IllegalStateException(String.format(
                        "NoiseTraderAgent instance %d follows spin %d (component %d) of book %d's '%s' process, "
                                + "which has %d components (instanceCount must equal numRows²)",
                        index, index, NoiseTraderPopulation.FIRST_SPIN + index, book, NoiseTraderPopulation.FIELD,
                        field.components()));
            }
            if (index == 0) {
                population.clocks[book].reset();
                int holder = random.nextInt(population.context.instanceCount());
                long delay = Math.max(1, population.feed.sample(random));
                environment.wakeInstance(holder, book, environment.now() + delay, NoiseTraderPopulation.TURN);
            }
        }
    }

    @Override
    public void onWake(int bookId, int kind, AgentEnvironment environment) {
        RandomGenerator random = environment.random();
        long now = environment.now();
        if (kind == NoiseTraderPopulation.TURN) {
            environment.wakeAt(bookId, now + Math.max(1, population.feed.sample(random)),
                    NoiseTraderPopulation.OBSERVE);
            return;
        }
        PriceProcess field = environment.process(bookId, NoiseTraderPopulation.FIELD);
        double mean = field.value();
        int holder = random.nextInt(population.context.instanceCount());
        double extra = population.parameters.acdGamma() * Math.log(1 - Math.abs(mean));
        long delay = population.clocks[bookId].next(random, extra);
        environment.wakeInstance(holder, bookId, now + delay, NoiseTraderPopulation.TURN);

        Quantizer quantizer = population.quantizer;
        MarketView market = environment.market(bookId);
        double bid = market.bestBid() > 0 ? quantizer.priceValue(market.bestBid()) : lastMid[bookId];
        double ask = market.bestAsk() > 0 ? quantizer.priceValue(market.bestAsk()) : bid + quantizer.tick();
        double mid = 0.5 * (bid + ask);
        lastMid[bookId] = mid;
        decide(bookId, mid, field, mean, environment);
    }

    private void decide(int bookId, double price, PriceProcess field, double mean, AgentEnvironment environment) {
        int spin = (int) Math.signum(field.value(NoiseTraderPopulation.FIRST_SPIN + index));
        NoiseTraderParameters parameters = population.parameters;
        Quantizer quantizer = population.quantizer;
        RandomGenerator random = environment.random();
        double magnetisation = Math.abs(mean);
        double balance = parameters.balanceCoef() * (1 + spin * mean) / 2;
        double volume = balance * volumeConstant;
        AccountView account = environment.account(bookId);
        double freeBase = quantizer.baseValue(account.freeBase());
        double freeQuote = quantizer.quoteValue(account.freeQuote());
        double forecast = price * Math.exp(parameters.sigmaExp() + parameters.weight() * mean
                + field.value(NoiseTraderPopulation.MEAN_CHANGE));
        demand.set(forecast, parameters.sigmaExp(), freeBase, freeQuote);
        double indifference = demand.indifferencePrice();
        if (Double.isNaN(indifference)) {
            marketBySpin(bookId, spin, volume, environment);
            return;
        }
        double minimum = demand.minimumPrice();
        if (Double.isNaN(minimum)) {
            marketBySpin(bookId, spin, volume, environment);
            return;
        }
        double weight;
        if (spin * mean > 0) {
            if (Draws.bernoulli(random, magnetisation)) {
                double aggressive = spin > 0
                        ? balance * (freeQuote / (price * (1 + parameters.sigmaExp() * 3)))
                        : balance * freeBase;
                marketBySpin(bookId, spin, aggressive, environment);
                return;
            }
            weight = Math.abs(0.5 - magnetisation);
        } else {
            weight = 1 - magnetisation;
        }
        double sampled = samplePrice(random, minimum * (1 + balance), indifference, forecast * (1 - balance), spin,
                weight);
        long ticks = quantizer.nearestTick(sampled);
        if (ticks <= 0) {
            return;
        }
        Side side;
        double size;
        if (sampled < indifference) {
            side = Side.BUY;
            size = demand.position(sampled) - freeBase;
        } else if (sampled > indifference) {
            side = Side.SELL;
            size = freeBase - demand.position(sampled);
        } else {
            return;
        }
        long lots = quantizer.volume(size);
        if (lots > 0) {
            environment.submit(Orders.limit(bookId, side, ticks, lots, 0, parameters.tau(), false),
                    population.placement.sample(random));
            field.set(NoiseTraderPopulation.FIRST_SPIN + index, side == Side.BUY ? 1.0 : -1.0);
        }
    }

    /**
     * The reference's Beta price draw between {@code low} and {@code high} with its mode pulled from the indifference
     * price towards the spin's side. The band is usually reversed ({@code low = p_min·(1 + balance)} above
     * {@code high = p̂·(1 - balance)}, since the noise demand puts p_min within a few 10^-4 of p̂); the draw then runs
     * from {@code low} down to {@code high}, as in the reference. NaN for an empty band.
     */
    static double samplePrice(RandomGenerator random, double low, double indifference, double high, int spin,
                              double weight) {
        if (!(high != low) || !Double.isFinite(high - low)) {
            return Double.NaN;
        }
        double position = (indifference - low) / (high - low);
        double mode = spin >= 0 ? position * (1 - weight) : position + (1 - position) * weight;
        mode = Math.clamp(mode, 0.0, 1.0);
        double beta = Draws.beta(random, 4 * mode + 1, 4 * (1 - mode) + 1);
        return low + beta * (high - low);
    }

    private void marketBySpin(int bookId, int spin, double volume, AgentEnvironment environment) {
        if (spin == 0) {
            return;
        }
        long lots = population.quantizer.volume(volume);
        if (lots > 0) {
            environment.submit(Orders.market(bookId, spin > 0 ? Side.BUY : Side.SELL, lots, 0),
                    population.placement.sample(environment.random()));
        }
    }

    /** Saves the volume constant drawn at start and the last mid seen per book. */
    @Override
    public void writeState(StateWriter out) {
        out.writeDouble(volumeConstant);
        out.writeDoubles(lastMid);
    }

    @Override
    public void readState(StateReader in) {
        volumeConstant = in.readDouble();
        lastMid = in.readDoubles("NoiseTraderAgent last mids", population.context.bookCount());
    }
}
