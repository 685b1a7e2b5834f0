package io.mvtrx.plugin.agents;

import java.util.random.RandomGenerator;

import io.mvtrx.api.event.Trade;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.number.Rate;
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
import io.mvtrx.plugin.agents.internal.Orders;
import io.mvtrx.plugin.agents.internal.PlacementLatency;
import io.mvtrx.plugin.agents.internal.Quantizer;

/**
 * One high-frequency market maker (reference 0.5.4 §7.5). At the start it draws its risk aversion
 * {@code γ ~ N(gHFT, gHFTstd)}, its period {@code δ = clamp(delta·(1 + (gHFT-γ)/γ), 0.67·delta, 1.34·delta)}, its
 * inventory limit {@code ψ ~ N(psiHFT_constant, 10)} and a quote size per book {@code |N(orderMean, orderSTD)|}.
 * Each poll of a book, with {@code inv} its inventory there:
 * <ul>
 *   <li>{@code Δ = δ/(1 + e^(|inv|-ψ))}; next poll after {@code max(Δ, minMFLatency)}; quotes live
 *       {@code max(tau·minMFLatency, ceil(tau·Δ))};</li>
 *   <li>mid from the best prices (an empty side takes the last mid); free balances scaled by 0.99;
 *       reservation price {@code pRes = mid - γ·inv·σ²·(1 - t/T)};</li>
 *   <li>if {@code |inv| < 0.1} the book's size is redrawn {@code LogNormal(orderMean, orderSTD)}; quote volume
 *       {@code size·(1 + (relSpread - spread)/spread)};</li>
 *   <li>spread {@code (σ²γ(1-t/T) + (2/γ)ln(1+γ/κ))·(1 + makerRate·sensitivityCoef)}; bid at
 *       {@code pRes - spread/2 - (R - shift)}, ask at {@code pRes + spread/2 + (R' - shift)}, R ~ Rayleigh(noiseRay),
 *       shift its {@code shiftPercentage} quantile, both to the nearest tick; a quote larger than the wealth at that
 *       price is leveraged up to the exchange's maximum;</li>
 *   <li>with probability {@code e^(-(relSpread/base)^exp)·e^(-(makerRate-rateMax)²/(2·marginNoiseSTD))·
 *       clamp(|inv|/ψ, marginNoiseSTD, 1-marginNoiseSTD)}, when {@code |inv| > 0.1}, a market order of
 *       {@code U(0.1, min(|inv|, best opposite quantity))} reduces the inventory instead; otherwise ask, then bid.</li>
 * </ul>
 *
 * <p><b>Inventory.</b> The reference 0.5.4 updates the inventory only from trade events it no longer subscribes to,
 * so its inventory is always 0: no skew, no rebalancing, {@code Δ = δ}, sizes redrawn every poll. This class does the
 * same (it hears no notices, so none are built for it). {@link CountingFills}, chosen with
 * {@code inventoryFromFills="1"}, counts the signed sum of its own fills from its {@link TradeNotice}s instead, as
 * the code evidently intended; with the live parameters that skew feeds back into the mid the quotes are centred on
 * and makes 1-minute mid returns strongly autocorrelated (+0.3 at lag 1, doc/simulator.md §6.2).
 *
 * <p>Confined to its block's thread; two instructions per poll, nothing else allocated.
 */
sealed class HighFrequencyTrader implements BackgroundAgent, Snapshottable permits HighFrequencyTrader.CountingFills {

    /** Below this inventory (base) the trader counts as flat. */
    static final double FLAT = 0.1;

    /** Share of the free balances the trader treats as its wealth. */
    static final double WEALTH_FRACTION = 0.99;

    private final HighFrequencyTraderParameters parameters;
    private final PopulationContext context;
    private final Quantizer quantizer;
    private final PlacementLatency placement;
    private double gamma;
    private double period;
    private double inventoryLimit;
    private double[] sizes;
    private double[] inventory;
    private double[] lastMid;

    HighFrequencyTrader(HighFrequencyTraderParameters parameters, PopulationContext context, Quantizer quantizer,
                        PlacementLatency placement) {
        this.parameters = parameters;
        this.context = context;
        this.quantizer = quantizer;
        this.placement = placement;
    }

    /** Risk aversion γ drawn at the start. */
    double gamma() {
        return gamma;
    }

    /** Polling period δ drawn at the start, ns. */
    double period() {
        return period;
    }

    /** Inventory limit ψ drawn at the start. */
    double inventoryLimit() {
        return inventoryLimit;
    }

    /** Signed inventory on a book, base. */
    double inventory(int bookId) {
        return inventory[bookId];
    }

    @Override
    public void onStart(AgentEnvironment environment) {
        RandomGenerator random = environment.random();
        int books = context.bookCount();
        gamma = Draws.normal(random, parameters.gamma(), parameters.gammaStd());
        period = Math.clamp(parameters.delta() * (1 + (parameters.gamma() - gamma) / gamma),
                parameters.delta() * 0.67, parameters.delta() * 1.34);
        inventoryLimit = Draws.normal(random, parameters.inventoryLimit(), 10.0);
        sizes = new double[books];
        inventory = new double[books];
        lastMid = new double[books];
        double initialPrice = quantizer.priceValue(context.initialPrice());
        for (int book = 0; book < books; book++) {
            sizes[book] = Math.abs(Draws.normal(random, parameters.orderMean(), parameters.orderStd()));
            lastMid[book] = initialPrice;
            environment.wakeAt(book, environment.now() + 1);
        }
    }

    @Override
    public void onWake(int bookId, int kind, AgentEnvironment environment) {
        double inv = inventory[bookId];
        double delta = period / (1 + Math.exp(Math.abs(inv) - inventoryLimit));
        long lifetime = Math.max((long) (parameters.tau() * parameters.minFeedLatency()),
                (long) Math.ceil(parameters.tau() * delta));
        long next = Math.max(1, Math.max((long) delta, parameters.minFeedLatency()));
        environment.wakeAt(bookId, environment.now() + next);

        MarketView market = environment.market(bookId);
        double bid = market.bestBid() > 0 ? quantizer.priceValue(market.bestBid()) : lastMid[bookId];
        double ask = market.bestAsk() > 0 ? quantizer.priceValue(market.bestAsk()) : lastMid[bookId];
        double bidQuantity = quantizer.volumeValue(market.depthVolume(true, 1));
        double askQuantity = quantizer.volumeValue(market.depthVolume(false, 1));
        double mid = (bid + ask) / 2;
        lastMid[bookId] = mid;
        AccountView account = environment.account(bookId);
        double baseFree = WEALTH_FRACTION * quantizer.baseValue(account.freeBase());
        double quoteFree = WEALTH_FRACTION * quantizer.quoteValue(account.freeQuote());
        double elapsed = environment.now() - context.startTime();
        double remaining = 1 - elapsed / context.duration();
        double reservation = mid - gamma * inv * parameters.sigmaSqr() * remaining;
        double makerRate = account.makerFeeRate() / (double) Rate.ONE;

        RandomGenerator random = environment.random();
        double relativeSpread = (ask - bid) / mid;
        if (Double.isNaN(relativeSpread)) {
            relativeSpread = parameters.spread();
        }
        if (Math.abs(inv) < FLAT) {
            sizes[bookId] = Draws.logNormal(random, parameters.orderMean(), parameters.orderStd());
        }
        double spreadProbability = Math.exp(-Math.pow(relativeSpread / parameters.spreadSensitivityBase(),
                parameters.spreadSensitivityExp()));
        double shift = parameters.noiseRay() * Math.sqrt(-2 * Math.log(1 - parameters.shiftPercentage()));
        double spread = optimalSpread(remaining) * (1 + makerRate * parameters.sensitivityCoef());
        double volume = sizes[bookId] * (1 + (relativeSpread - parameters.spread()) / parameters.spread());

        double bidNoise = Draws.rayleigh(random, parameters.noiseRay()) - shift;
        PlaceLimit bidOrder = quote(bookId, Side.BUY, volume, reservation - spread / 2 - bidNoise,
                ask * baseFree + quoteFree, lifetime);
        double askNoise = Draws.rayleigh(random, parameters.noiseRay()) - shift;
        PlaceLimit askOrder = quote(bookId, Side.SELL, volume, reservation + spread / 2 + askNoise,
                bid * baseFree + quoteFree, lifetime);

        double rateProbability = Math.exp(-Math.pow(makerRate - parameters.rateMax(), 2)
                / (2 * parameters.marginNoiseStd()));
        double inventoryProbability = Math.clamp(Math.abs(inv) / inventoryLimit, parameters.marginNoiseStd(),
                1 - parameters.marginNoiseStd());
        if (Draws.bernoulli(random, spreadProbability * rateProbability * inventoryProbability)
                && Math.abs(inv) > FLAT) {
            Side side = inv <= 0 ? Side.BUY : Side.SELL;
            double top = inv <= 0 ? askQuantity : bidQuantity;
            long lots = quantizer.volume(Draws.uniform(random, 0.1, Math.min(Math.abs(inv), top)));
            if (lots > 0) {
                environment.submit(Orders.market(bookId, side, lots, 0), placement.sample(random));
            }
        } else {
            send(askOrder, environment);
            send(bidOrder, environment);
        }
    }

    /** A trader of the given parameters: {@link CountingFills} with {@code inventoryFromFills}, else the reference's. */
    static HighFrequencyTrader create(HighFrequencyTraderParameters parameters, PopulationContext context,
                                      Quantizer quantizer, PlacementLatency placement) {
        return parameters.inventoryFromFills() ? new CountingFills(parameters, context, quantizer, placement)
                : new HighFrequencyTrader(parameters, context, quantizer, placement);
    }

    /** Counts one of the agent's own fills into its inventory. */
    final void count(TradeNotice fill) {
        Trade trade = fill.trade();
        boolean bought = fill.asMaker() ? trade.takerSide() == Side.SELL : trade.takerSide() == Side.BUY;
        double volume = quantizer.volumeValue(trade.volume());
        inventory[trade.bookId()] += bought ? volume : -volume;
    }

    /**
     * The trader whose inventory is the signed sum of its own fills ({@code inventoryFromFills="1"}): skewed quotes,
     * inventory-reducing market orders, sizes kept while it holds inventory.
     */
    static final class CountingFills extends HighFrequencyTrader {

        CountingFills(HighFrequencyTraderParameters parameters, PopulationContext context, Quantizer quantizer,
                      PlacementLatency placement) {
            super(parameters, context, quantizer, placement);
        }

        @Override
        public void onNotice(Notice notice, AgentEnvironment environment) {
            if (notice instanceof TradeNotice fill) {
                count(fill);
            }
        }
    }

    /** {@code σ²γ(1 - t/T) + (2/γ)·ln(1 + γ/κ)}. */
    double optimalSpread(double remaining) {
        return parameters.sigmaSqr() * gamma * remaining + 2 / gamma * Math.log(1 + gamma / parameters.kappa());
    }

    private PlaceLimit quote(int bookId, Side side, double volume, double price, double wealth, long lifetime) {
        long ticks = quantizer.nearestTick(price);
        if (ticks <= 0 || !(volume > 0) || !(wealth > 0)) {
            return null;
        }
        double limit = quantizer.priceValue(ticks);
        double leverage = (volume * limit - wealth) / wealth;
        double maxLeverage = quantizer.volumeValue(context.maxLeverage());
        double quoted = volume;
        if (leverage > 0) {
            leverage = Math.min(leverage, maxLeverage);
            quoted = volume / (1 + leverage);
        } else {
            leverage = 0;
        }
        long lots = quantizer.volume(quoted);
        if (lots <= 0) {
            return null;
        }
        return Orders.limit(bookId, side, ticks, lots, quantizer.leverage(leverage), lifetime, false);
    }

    private void send(PlaceLimit order, AgentEnvironment environment) {
        if (order != null) {
            environment.submit(order, placement.sample(environment.random()));
        }
    }

    /** Saves the parameters drawn at start and every book's order size, inventory and last mid. */
    @Override
    public void writeState(StateWriter out) {
        out.writeDouble(gamma);
        out.writeDouble(period);
        out.writeDouble(inventoryLimit);
        out.writeDoubles(sizes);
        out.writeDoubles(inventory);
        out.writeDoubles(lastMid);
    }

    @Override
    public void readState(StateReader in) {
        int books = context.bookCount();
        gamma = in.readDouble();
        period = in.readDouble();
        inventoryLimit = in.readDouble();
        sizes = in.readDoubles("HighFrequencyTraderAgent sizes", books);
        inventory = in.readDoubles("HighFrequencyTraderAgent inventory", books);
        lastMid = in.readDoubles("HighFrequencyTraderAgent last mids", books);
    }
}
