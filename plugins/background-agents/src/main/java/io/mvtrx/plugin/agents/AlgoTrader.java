package io.mvtrx.plugin.agents;

import java.util.random.RandomGenerator;

import io.mvtrx.api.event.Trade;
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
import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.agentmodel.AccountView;
import io.mvtrx.api.spi.agentmodel.AgentEnvironment;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.MarketView;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.plugin.agents.internal.Draws;
import io.mvtrx.plugin.agents.internal.FeedLatency;
import io.mvtrx.plugin.agents.internal.Orders;
import io.mvtrx.plugin.agents.internal.PlacementLatency;
import io.mvtrx.plugin.agents.internal.Quantizer;
import io.mvtrx.plugin.agents.internal.VwapReturns;

/**
 * The ALGO execution trader (reference 0.5.4 §7.6). Per book it is asleep or executing a target in a direction.
 * <ul>
 *   <li><b>start</b>: a target {@code min(Rayleigh(volumeDrawRayleighScale), free base)} per book; the book is read
 *       every {@code volumeStatsPeriod + MFL}; the first decision wake-up is at 600 s;</li>
 *   <li><b>tape</b> (every trade of its books): the last price, and VWAP buckets whose log-return variance
 *       ({@link VwapReturns}) feeds the volatility estimate;</li>
 *   <li><b>book read</b>: top-5 volumes a side, slopes {@code (depth volume - best)/(depth - 1)}, and the GARCH
 *       update {@code v = ω + α·r² + β·v + gammaX·tapeVariance} of the mid return (started at ω/(1-α-β) with the
 *       return from the first fundamental); if not executing, fundamental >= last price and top-5 ask volume >=
 *       immediateBase, it executes a BUY of the best ask quantity at once (a SELL of the best bid, mirrored);</li>
 *   <li><b>decision</b> (every {@code |N(updateInterval, updateSTD)|}, capped): each idle book turns to executing
 *       towards the fundamental with probability {@code pVol·pCost·pTime·pDist} (see {@link #activation}), with a
 *       new target capped at 0.99 of the funds (BUY: quote/last price);</li>
 *   <li><b>slice</b>: after the feed latency, a market order of {@code min(max(VolumeDistribution, best opposite
 *       quantity), remaining)}, capped at 0.99 of the funds; each acceptance subtracts it, and the next slice
 *       follows after MFL + decision delay until at most 1 base remains; a rejected slice is retried at once.</li>
 * </ul>
 *
 * <p><b>Deliberate fixes:</b> a slice that rounds to nothing puts the book to sleep with a new target instead of
 * sending (and endlessly retrying) a zero order; the GARCH update skips a read where a side of the book is empty
 * (the reference reads past the end). The reference's buy cap multiplied quote by price in 0.1.9; 0.5.4 divides, as
 * here.
 *
 * <p>Confined to its block's thread; a trade costs O(1) and no allocation.
 */
final class AlgoTrader implements BackgroundAgent, Snapshottable {

    /** Wake kind: the periodic decision across all books (carried on book 0). */
    static final int DECIDE = 0;

    /** Wake kind: the periodic book read of one book. */
    static final int READ = 1;

    /** Wake kind: the top-of-book read before one execution slice. */
    static final int SLICE = 2;

    /** The reference's fixed first decision time, ns. */
    static final long FIRST_DECISION = 600_000_000_000L;

    /** Remaining target (base) at or below which an execution ends. */
    static final double DONE = 1.0;

    /** Share of the funds an execution may use. */
    static final double FUNDS_SHARE = 0.99;

    private final AlgoTraderParameters parameters;
    private final PopulationContext context;
    private final Quantizer quantizer;
    private final PlacementLatency placement;
    private final FeedLatency feed;
    private final FeedLatency decisionDelay;
    private final double targetScale;
    private boolean[] executing;
    private Side[] direction;
    private double[] target;
    private long[] executionStart;
    private double[] lastPrice;
    private double[] topBid;
    private double[] topAsk;
    private double[] bidVolume;
    private double[] askVolume;
    private double[] bidSlope;
    private double[] askSlope;
    private double[] lastMid;
    private double[] variance;
    private VwapReturns[] tape;
    private double firstFundamental;

    AlgoTrader(AlgoTraderParameters parameters, PopulationContext context) {
        this.parameters = parameters;
        this.context = context;
        this.quantizer = new Quantizer(context.decimals());
        this.placement = new PlacementLatency(parameters.minPlacement(), parameters.maxPlacement(),
                parameters.placementScale());
        this.feed = new FeedLatency(parameters.feedMean(), parameters.feedStd());
        this.decisionDelay = new FeedLatency(parameters.decisionMean(), parameters.decisionStd());
        this.targetScale = Double.isNaN(parameters.targetScale())
                ? 1e9 / quantizer.priceValue(context.initialPrice())
                : parameters.targetScale();
    }

    @Override
    public boolean observesTrades() {
        return true;
    }

    /** Whether a book is executing. */
    boolean executing(int bookId) {
        return executing[bookId];
    }

    /** The remaining target of a book, base. */
    double target(int bookId) {
        return target[bookId];
    }

    /** The execution direction of a book. */
    Side direction(int bookId) {
        return direction[bookId];
    }

    /** The current GARCH variance of a book. */
    double variance(int bookId) {
        return variance[bookId];
    }

    @Override
    public void onStart(AgentEnvironment environment) {
        int books = context.bookCount();
        executing = new boolean[books];
        direction = new Side[books];
        target = new double[books];
        executionStart = new long[books];
        lastPrice = new double[books];
        topBid = new double[books];
        topAsk = new double[books];
        bidVolume = new double[books];
        askVolume = new double[books];
        bidSlope = new double[books];
        askSlope = new double[books];
        lastMid = new double[books];
        variance = new double[books];
        tape = new VwapReturns[books];
        RandomGenerator random = environment.random();
        long now = environment.now();
        firstFundamental = environment.process(0, "fundamental").value();
        environment.wakeAt(0, Math.max(now + 1, FIRST_DECISION), DECIDE);
        double initialPrice = quantizer.priceValue(context.initialPrice());
        for (int book = 0; book < books; book++) {
            direction[book] = Side.BUY;
            lastPrice[book] = initialPrice;
            tape[book] = new VwapReturns(parameters.statsPeriod());
            double freeBase = quantizer.baseValue(environment.account(book).freeBase());
            target[book] = Math.min(newTarget(random), freeBase);
            environment.wakeAt(book, now + Math.max(1, parameters.statsPeriod() + feed.sample(random)), READ);
        }
    }

    @Override
    public void onMarketTrade(Trade trade, AgentEnvironment environment) {
        int book = trade.bookId();
        double price = quantizer.priceValue(trade.price());
        lastPrice[book] = price;
        tape[book].push(trade.timestamp(), quantizer.volumeValue(trade.volume()), price);
    }

    @Override
    public void onWake(int bookId, int kind, AgentEnvironment environment) {
        switch (kind) {
            case DECIDE -> decide(environment);
            case READ -> read(bookId, environment);
            case SLICE -> {
                MarketView market = environment.market(bookId);
                topBid[bookId] = quantizer.volumeValue(market.depthVolume(true, 1));
                topAsk[bookId] = quantizer.volumeValue(market.depthVolume(false, 1));
                execute(bookId, environment);
            }
            default -> throw new IllegalArgumentException("ALGOTraderAgent has no wake-up kind " + kind);
        }
    }

    @Override
    public void onNotice(Notice notice, AgentEnvironment environment) {
        switch (notice) {
            case OrderAccepted accepted when accepted.type() == OrderType.MARKET -> sliceDone(accepted, environment);
            case OrderRejected rejected when rejected.type() == OrderType.MARKET
                    && executing[rejected.bookId()] -> execute(rejected.bookId(), environment);
            case OrderAccepted _, OrderRejected _, TradeNotice _, CancelReport _, PositionCloseReport _,
                 SimulationStarted _, SimulationEnded _, AgentReset _ -> {
                // only the replies to its market slices move an execution
            }
        }
    }

    /**
     * The probability that an idle book starts executing: {@code pVol·pCost·pTime·pDist} with
     * {@code pVol = capacity/(1 + e^(rate·(σ̂ - midpoint)))}, σ̂ the daily volatility {@code √v·√(1 day/period)};
     * {@code pCost = min(1, fullCost/(1 + e^(2·(slope - 0.2·volume)/slope)))}, slope and top-5 volume of the side it
     * would take, {@code fullCost = 1} if {@code depth·slope} exceeds the target, else
     * {@code 1 + max(0.01, (2·depth·slope - target)/target)}; {@code pTime = min(1, (now - last start)/wakeupTimeCoef)}
     * (1 before the first start); {@code pDist = min(1, deviation·wakeDeviationCoef)}. A NaN factor counts as 1, as
     * C++'s {@code std::min(1.0, NaN)} does.
     */
    double activation(int bookId, double deviation, long now) {
        double dailyVolatility = Math.sqrt(variance[bookId])
                * Math.sqrt(86_400_000_000_000.0 / parameters.statsPeriod());
        double pVolume = parameters.capacity()
                / (1 + Math.exp(parameters.rate() * (dailyVolatility - parameters.midpoint())));
        boolean buying = direction[bookId] == Side.BUY;
        double slope = buying ? askSlope[bookId] : bidSlope[bookId];
        double volume = buying ? askVolume[bookId] : bidVolume[bookId];
        double estimate = target[bookId];
        double depth = parameters.depth();
        double fullCost = depth * slope > estimate ? 1.0 : 1 + Math.max(0.01, (2 * depth * slope - estimate) / estimate);
        double pCost = atMostOne(1 / (1 + Math.exp(2 * ((slope - volume * 0.2) / slope))) * fullCost);
        double pTime = executionStart[bookId] == 0
                ? 1.0
                : atMostOne((now - executionStart[bookId]) / parameters.timeCoef());
        double pDistance = atMostOne(deviation * parameters.deviationCoef());
        double probability = pVolume * pCost * pTime * pDistance;
        return probability < 0 ? 0.0 : atMostOne(probability);
    }

    private void decide(AgentEnvironment environment) {
        RandomGenerator random = environment.random();
        long now = environment.now();
        for (int book = 0; book < context.bookCount(); book++) {
            if (executing[book]) {
                continue;
            }
            double fundamental = environment.process(book, "fundamental").value();
            double last = lastPrice[book];
            direction[book] = fundamental >= last ? Side.BUY : Side.SELL;
            if (Draws.bernoulli(random, activation(book, Math.abs(fundamental - last) / last, now))) {
                executing[book] = true;
                AccountView account = environment.account(book);
                double drawn = newTarget(random);
                target[book] = direction[book] == Side.BUY
                        ? Math.min(drawn, quantizer.quoteValue(account.freeQuote()) * FUNDS_SHARE / last)
                        : Math.min(drawn, quantizer.baseValue(account.freeBase()) * FUNDS_SHARE);
                executionStart[book] = now;
                environment.wakeAt(book, now + Math.max(1, feed.sample(random)), SLICE);
            }
        }
        environment.wakeAt(0, now + Math.max(1, decisionDelay.sample(random)), DECIDE);
    }

    private void read(int bookId, AgentEnvironment environment) {
        MarketView market = environment.market(bookId);
        int depth = parameters.depth();
        bidVolume[bookId] = quantizer.volumeValue(market.depthVolume(true, 5));
        askVolume[bookId] = quantizer.volumeValue(market.depthVolume(false, 5));
        topBid[bookId] = quantizer.volumeValue(market.depthVolume(true, 1));
        topAsk[bookId] = quantizer.volumeValue(market.depthVolume(false, 1));
        bidSlope[bookId] = (quantizer.volumeValue(market.depthVolume(true, depth)) - topBid[bookId]) / (depth - 1);
        askSlope[bookId] = (quantizer.volumeValue(market.depthVolume(false, depth)) - topAsk[bookId]) / (depth - 1);
        if (market.bestBid() > 0 && market.bestAsk() > 0) {
            updateVolatility(bookId, quantizer.priceValue(market.bestBid() + market.bestAsk()) / 2);
        }

        double fundamental = environment.process(bookId, "fundamental").value();
        if (!executing[bookId]) {
            if (fundamental >= lastPrice[bookId]) {
                if (askVolume[bookId] >= parameters.immediateBase()) {
                    startImmediately(bookId, Side.BUY, topAsk[bookId], environment);
                }
            } else if (bidVolume[bookId] >= parameters.immediateBase()) {
                startImmediately(bookId, Side.SELL, topBid[bookId], environment);
            }
        }
        RandomGenerator random = environment.random();
        environment.wakeAt(bookId,
                environment.now() + Math.max(1, parameters.statsPeriod() + feed.sample(random)), READ);
    }

    private void updateVolatility(int bookId, double mid) {
        if (lastMid[bookId] <= 0) {
            lastMid[bookId] = mid;
            variance[bookId] = parameters.omega() / (1 - parameters.alpha() - parameters.beta());
            return;
        }
        double r = Math.log(mid / lastMid[bookId]);
        lastMid[bookId] = mid;
        double next = parameters.omega() + parameters.alpha() * r * r + parameters.beta() * variance[bookId]
                + parameters.gammaX() * tape[bookId].variance();
        variance[bookId] = Double.isNaN(next) ? parameters.omega() / (1 - parameters.alpha() - parameters.beta())
                : next;
    }

    private void startImmediately(int bookId, Side side, double quantity, AgentEnvironment environment) {
        executing[bookId] = true;
        direction[bookId] = side;
        target[bookId] = quantizer.baseValue(Quantizer.truncate(quantity, context.decimals().base()));
        execute(bookId, environment);
    }

    private void execute(int bookId, AgentEnvironment environment) {
        RandomGenerator random = environment.random();
        AccountView account = environment.account(bookId);
        boolean buying = direction[bookId] == Side.BUY;
        double top = buying ? topAsk[bookId] : topBid[bookId];
        double drawn = quantizer.baseValue(Quantizer.truncate(Math.max(sliceSize(random), top),
                context.decimals().base()));
        double volume = Math.min(drawn, target[bookId]);
        double capped = buying
                ? Math.min(volume, quantizer.quoteValue(account.freeQuote()) * FUNDS_SHARE / lastPrice[bookId])
                : Math.min(volume, quantizer.baseValue(account.freeBase()) * FUNDS_SHARE);
        long lots = quantizer.volume(capped);
        if (lots <= 0) {
            sleep(bookId, random);
            return;
        }
        environment.submit(Orders.market(bookId, direction[bookId], lots, 0), placement.sample(random));
    }

    private void sliceDone(OrderAccepted accepted, AgentEnvironment environment) {
        int book = accepted.bookId();
        target[book] -= quantizer.volumeValue(accepted.volume());
        RandomGenerator random = environment.random();
        if (target[book] <= DONE) {
            sleep(book, random);
        } else {
            long delay = Math.max(1, feed.sample(random) + decisionDelay.sample(random));
            environment.wakeAt(book, environment.now() + delay, SLICE);
        }
    }

    private void sleep(int bookId, RandomGenerator random) {
        executing[bookId] = false;
        target[bookId] = newTarget(random);
    }

    private double newTarget(RandomGenerator random) {
        return quantizer.baseValue(Quantizer.truncate(Draws.rayleigh(random, targetScale), context.decimals().base()));
    }

    private double sliceSize(RandomGenerator random) {
        return parameters.volumeLogNormal()
                ? Draws.logNormal(random, parameters.volumeMu(), parameters.volumeSigma())
                : Draws.normal(random, parameters.volumeMu(), parameters.volumeSigma());
    }

    private static double atMostOne(double value) {
        return 1.0 < value || Double.isNaN(value) ? 1.0 : value;
    }

    /** Saves every book's execution, book readings, volatility and trade tape, and the first fundamental seen. */
    @Override
    public void writeState(StateWriter out) {
        out.writeBooleans(executing);
        int[] sides = new int[direction.length];
        for (int book = 0; book < sides.length; book++) {
            sides[book] = direction[book].ordinal();
        }
        out.writeInts(sides);
        out.writeDoubles(target);
        out.writeLongs(executionStart);
        for (double[] values : new double[][] {lastPrice, topBid, topAsk, bidVolume, askVolume, bidSlope, askSlope,
                lastMid, variance}) {
            out.writeDoubles(values);
        }
        for (VwapReturns book : tape) {
            book.writeState(out);
        }
        out.writeDouble(firstFundamental);
    }

    @Override
    public void readState(StateReader in) {
        int books = context.bookCount();
        executing = in.readBooleans();
        in.check(executing != null && executing.length == books, "ALGOTraderAgent: saved flags do not cover %d books",
                books);
        int[] sides = in.readInts();
        in.check(sides != null && sides.length == books, "ALGOTraderAgent: saved sides do not cover %d books",
                books);
        direction = new Side[books];
        for (int book = 0; book < books; book++) {
            direction[book] = Side.values()[sides[book]];
        }
        target = in.readDoubles("ALGOTraderAgent targets", books);
        executionStart = in.readLongs("ALGOTraderAgent execution starts", books);
        lastPrice = in.readDoubles("ALGOTraderAgent last prices", books);
        topBid = in.readDoubles("ALGOTraderAgent top bids", books);
        topAsk = in.readDoubles("ALGOTraderAgent top asks", books);
        bidVolume = in.readDoubles("ALGOTraderAgent bid volumes", books);
        askVolume = in.readDoubles("ALGOTraderAgent ask volumes", books);
        bidSlope = in.readDoubles("ALGOTraderAgent bid slopes", books);
        askSlope = in.readDoubles("ALGOTraderAgent ask slopes", books);
        lastMid = in.readDoubles("ALGOTraderAgent last mids", books);
        variance = in.readDoubles("ALGOTraderAgent variances", books);
        tape = new VwapReturns[books];
        for (int book = 0; book < books; book++) {
            tape[book] = new VwapReturns(parameters.statsPeriod());
            tape[book].readState(in);
        }
        firstFundamental = in.readDouble();
    }
}
