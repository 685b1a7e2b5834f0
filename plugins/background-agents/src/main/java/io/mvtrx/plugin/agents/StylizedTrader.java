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
import io.mvtrx.plugin.agents.internal.Draws;
import io.mvtrx.plugin.agents.internal.HaraDemand;
import io.mvtrx.plugin.agents.internal.Orders;
import io.mvtrx.plugin.agents.internal.Quantizer;
import io.mvtrx.plugin.agents.internal.ReturnHistory;

/**
 * One stylized trader (reference 0.5.4 §7.2). Two loops per book:
 * <ul>
 *   <li><b>observe</b> (every instance, every book): read the book 1 ns after the start and then every
 *       {@code MFL + τ}; the mid (an empty bid side falls back to the last mid, an empty ask side to bid + tick) is
 *       pushed into the H-deep history of prices and log returns;</li>
 *   <li><b>turn</b> (one holder per book): the holder hands the turn to a uniformly drawn instance after an ACD delay,
 *       then decides: forecast {@code p̂ = p·exp(r·max(1, ln H))} (see {@link StylizedProfile#forecastLogReturn}),
 *       σ² the population variance of the history; the HARA demand gives the indifference price (x = base) and the
 *       minimum price (q·(x - base) = quote); a price q ~ U(max(1.01·p_min, tick), 0.99·p̂) below the indifference
 *       price buys {@code x(q) - base} (capped by the quote), above it sells {@code base - x(q)} (capped by the
 *       base), at q rounded to the nearest tick, post-only with the volatility-guard probability; a non-post-only
 *       order priced more than 1 % through the mid becomes a market order with probability
 *       {@code (|q-p|/p)^0.2}. With {@code a·σ² = 0} it rebalances towards equal value with a market order of
 *       {@code U(0.1, |quote/p - base|)}.</li>
 * </ul>
 * Limit orders live {@code τ·max(1, ln H)}. Like the reference it does not wait for replies before deciding again.
 *
 * <p>Allocation: one instruction per order; the decision reuses one demand object. Confined to its block's thread.
 */
final class StylizedTrader implements BackgroundAgent, Snapshottable {

    private final StylizedTraderPopulation population;
    private final int index;
    private final HaraDemand demand = new HaraDemand();
    private StylizedProfile profile;
    private ReturnHistory[] histories;

    StylizedTrader(StylizedTraderPopulation population, int index) {
        this.population = population;
        this.index = index;
    }

    /** Fixes the profile instead of drawing it at the start (tests). */
    StylizedTrader withProfile(StylizedProfile fixed) {
        this.profile = fixed;
        return this;
    }

    /** The profile (drawn at the start). */
    StylizedProfile profile() {
        return profile;
    }

    /** The history of a book. */
    ReturnHistory history(int bookId) {
        return histories[bookId];
    }

    @Override
    public void onStart(AgentEnvironment environment) {
        RandomGenerator random = environment.random();
        if (profile == null) {
            profile = StylizedProfile.draw(population.parameters, random);
        }
        int books = population.context.bookCount();
        histories = new ReturnHistory[books];
        long now = environment.now();
        for (int book = 0; book < books; book++) {
            environment.process(book, "fundamental");
            histories[book] = initialHistory(population.path(book), profile.tau(), profile.historySize());
            environment.wakeAt(book, now + 1, StylizedTraderPopulation.OBSERVE);
            if (index == 0) {
                population.clocks[book].reset();
                int holder = random.nextInt(population.context.instanceCount());
                long delay = Math.max(1, population.feed.sample(random));
                environment.wakeInstance(holder, book, now + delay, StylizedTraderPopulation.TURN);
            }
        }
        population.started();
    }

    @Override
    public void onWake(int bookId, int kind, AgentEnvironment environment) {
        RandomGenerator random = environment.random();
        long now = environment.now();
        if (kind == StylizedTraderPopulation.OBSERVE) {
            long next = Math.max(1, population.feed.sample(random) + profile.tau());
            environment.wakeAt(bookId, now + next, StylizedTraderPopulation.OBSERVE);
            observe(bookId, environment.market(bookId));
        } else {
            int holder = random.nextInt(population.context.instanceCount());
            long delay = population.clocks[bookId].next(random, 0.0);
            environment.wakeInstance(holder, bookId, now + delay, StylizedTraderPopulation.TURN);
            decide(bookId, environment);
        }
    }

    /**
     * The history an instance starts a book with: the reference samples the book's GBM path backwards every
     * {@code τ} seconds from its last point into an H-deep ring, which keeps the H samples furthest back (the
     * earliest of the path, in reverse time order); the log returns are taken in that order after a leading 0.
     */
    static ReturnHistory initialHistory(double[] path, long tau, int capacity) {
        int steps = path.length;
        int stride = (int) Math.max(1, tau / 1_000_000_000L);
        int pushes = (steps - 2) / stride + 1;
        int kept = Math.min(pushes, capacity);
        ReturnHistory history = new ReturnHistory(capacity);
        double previous = Double.NaN;
        for (int k = pushes - kept; k < pushes; k++) {
            double price = path[steps - (1 + k * stride)];
            boolean valid = previous > 0 && Double.isFinite(price);
            history.pushReturn(valid ? Math.log(price / previous) : 0.0);
            previous = price;
        }
        history.seedPrice(previous);
        return history;
    }

    private void observe(int bookId, MarketView market) {
        Quantizer quantizer = population.quantizer;
        ReturnHistory history = histories[bookId];
        double bid = market.bestBid() > 0 ? quantizer.priceValue(market.bestBid()) : history.lastPrice();
        double ask = market.bestAsk() > 0 ? quantizer.priceValue(market.bestAsk()) : bid + quantizer.tick();
        history.observe(0.5 * (bid + ask));
    }

    private void decide(int bookId, AgentEnvironment environment) {
        StylizedTraderParameters parameters = population.parameters;
        Quantizer quantizer = population.quantizer;
        RandomGenerator random = environment.random();
        ReturnHistory history = histories[bookId];
        double price = history.lastPrice();
        if (!(price > 0)) {
            price = quantizer.priceValue(population.context.initialPrice());
        }
        double fundamental = environment.process(bookId, "fundamental").value();
        double epsilon = Draws.normal(random, 0.0, parameters.sigmaEps());
        double r = profile.forecastLogReturn(fundamental, price, parameters.tauF(), history.sum(), epsilon);
        double variance = history.variance();
        double forecast = price * Math.exp(r * profile.horizon());
        AccountView account = environment.account(bookId);
        double freeBase = quantizer.baseValue(account.freeBase());
        double freeQuote = quantizer.quoteValue(account.freeQuote());

        if (profile.riskAversion() * variance == 0.0) {
            rebalance(bookId, price, freeBase, freeQuote, environment);
            return;
        }
        demand.set(forecast, variance, profile.riskAversion(), parameters.hara(), freeBase, freeQuote);
        double indifference = demand.indifferencePrice();
        if (Double.isNaN(indifference)) {
            return;
        }
        double minimum = demand.minimumPrice();
        if (Double.isNaN(minimum)) {
            double worst = price * Math.exp(-3 * Math.sqrt(variance));
            minimum = worst < indifference
                    ? worst
                    : Math.max(indifference * Math.exp(-3 * Math.sqrt(variance)), quantizer.tick());
        }
        if (minimum <= 0 || minimum > indifference || indifference > forecast) {
            return;
        }
        double sampled = Draws.uniform(random, Math.max(minimum * 1.01, quantizer.tick()), forecast * 0.99);
        if (sampled < indifference) {
            place(bookId, Side.BUY, sampled, price, variance, environment);
        } else if (sampled > indifference) {
            place(bookId, Side.SELL, sampled, price, variance, environment);
        }
    }

    private void place(int bookId, Side side, double sampled, double price, double variance,
                       AgentEnvironment environment) {
        Quantizer quantizer = population.quantizer;
        RandomGenerator random = environment.random();
        long ticks = quantizer.nearestTick(sampled);
        if (ticks <= 0) {
            return;
        }
        double limit = quantizer.priceValue(ticks);
        double position = demand.position(sampled);
        double volume = side == Side.BUY
                ? Math.min(position - demand.freeBase(), demand.freeQuote() / limit)
                : Math.min(demand.freeBase() - position, demand.freeBase());
        long lots = quantizer.volume(volume);
        if (lots <= 0) {
            return;
        }
        boolean postOnly = Draws.bernoulli(random, population.postOnlyProbability(variance));
        boolean through = side == Side.BUY ? sampled > price * 1.01 : sampled < price * 0.99;
        boolean market = !postOnly && through
                && Draws.bernoulli(random, Math.pow(Math.abs(sampled - price) / price, 0.2));
        long latency = population.placement.sample(random);
        if (market) {
            environment.submit(Orders.market(bookId, side, lots, 0), latency);
        } else {
            environment.submit(Orders.limit(bookId, side, ticks, lots, 0, profile.orderLifetime(), postOnly),
                    latency);
        }
    }

    private void rebalance(int bookId, double price, double freeBase, double freeQuote,
                           AgentEnvironment environment) {
        RandomGenerator random = environment.random();
        double baseWorth = freeQuote / price;
        double gap = Math.abs(baseWorth - freeBase);
        if (!(gap > 0.1)) {
            return;
        }
        long lots = population.quantizer.volume(Draws.uniform(random, 0.1, gap));
        if (lots <= 0) {
            return;
        }
        Side side = freeBase < baseWorth ? Side.BUY : Side.SELL;
        environment.submit(Orders.market(bookId, side, lots, 0), population.placement.sample(random));
    }

    /** Saves the profile drawn at start and every book's return history. */
    @Override
    public void writeState(StateWriter out) {
        out.writeDouble(profile.fundamentalist());
        out.writeDouble(profile.chartist());
        out.writeDouble(profile.noise());
        out.writeDouble(profile.riskAversion());
        out.writeLong(profile.tau());
        out.writeInt(profile.historySize());
        out.writeInt(histories.length);
        for (ReturnHistory history : histories) {
            history.writeState(out);
        }
    }

    @Override
    public void readState(StateReader in) {
        profile = new StylizedProfile(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readLong(), in.readInt());
        int books = in.readInt();
        in.check(books == population.context.bookCount(), "StylizedTraderAgent: %d saved histories, %d books",
                books, population.context.bookCount());
        histories = new ReturnHistory[books];
        for (int book = 0; book < books; book++) {
            histories[book] = new ReturnHistory(profile.historySize());
            histories[book].readState(in);
        }
    }
}
