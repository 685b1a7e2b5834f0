package io.mvtrx.plugin.agents;

import java.util.random.RandomGenerator;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.agentmodel.AgentEnvironment;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.MarketView;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.plugin.agents.internal.Draws;
import io.mvtrx.plugin.agents.internal.Orders;
import io.mvtrx.plugin.agents.internal.Quantizer;

/**
 * One random trader, as the reference 0.5.4 source has it (its 0.5.4 summary gives only the polling period). It
 * reads each book {@value #FIRST_READ} ns after the start, then every second, and sends a limit bid of
 * {@code U(minQuantity, maxQuantity)} at {@code U(best bid, best ask)} and a limit ask of the same size law at
 * {@code U(bid price, best ask)}, unleveraged, living {@code tau}. Each order's latency is
 * {@code 10 ms + (e^(5t) - 1)/(e^5 - 1)·(1 s - 10 ms)} with {@code t = min(1, |N(1500, 500)|/3000)}.
 *
 * <p>The 0.1.9 rule of simulator.md §3.7 (one limit order at mid + N(0,1), at most 0.2 base, leverage near 3) is not
 * implemented: 0.5.4 replaced it, and its sizes would all fall below the exchange's minimum order size of 0.25.
 * The reference draws from a fresh {@code random_device} generator on every read; here every draw comes from the
 * agent's own seeded stream. A read with both sides empty sends nothing.
 */
final class RandomTrader implements BackgroundAgent, Snapshottable {

    /** First read after the start, ns (the reference's hard-coded grace period). */
    static final long FIRST_READ = 600_000_000_000L;

    /** Read period, ns (the reference's hard-coded step). */
    static final long PERIOD = 1_000_000_000L;

    /** Shortest order latency, ns. */
    static final long MIN_LATENCY = 10_000_000L;

    /** Longest order latency, ns. */
    static final long MAX_LATENCY = 1_000_000_000L;

    private final PopulationContext context;
    private final Quantizer quantizer;
    private final long tau;
    private final double minQuantity;
    private final double maxQuantity;

    RandomTrader(PopulationContext context, long tau, double minQuantity, double maxQuantity) {
        this.context = context;
        this.quantizer = new Quantizer(context.decimals());
        this.tau = tau;
        this.minQuantity = minQuantity;
        this.maxQuantity = maxQuantity;
    }

    @Override
    public void onStart(AgentEnvironment environment) {
        for (int book = 0; book < context.bookCount(); book++) {
            environment.wakeAt(book, environment.now() + FIRST_READ);
        }
    }

    @Override
    public void onWake(int bookId, int kind, AgentEnvironment environment) {
        RandomGenerator random = environment.random();
        MarketView market = environment.market(bookId);
        double bidQuantity = Draws.uniform(random, minQuantity, maxQuantity);
        double askQuantity = Draws.uniform(random, minQuantity, maxQuantity);
        double bestBid = quantizer.priceValue(market.bestBid());
        double bestAsk = quantizer.priceValue(market.bestAsk());
        double bidPrice = Draws.uniform(random, bestBid, bestAsk);
        double askPrice = Draws.uniform(random, bidPrice, bestAsk);
        if (market.bestBid() > 0 || market.bestAsk() > 0) {
            send(bookId, Side.BUY, bidQuantity, bidPrice, environment);
            send(bookId, Side.SELL, askQuantity, askPrice, environment);
        }
        environment.wakeAt(bookId, environment.now() + PERIOD);
    }

    /** The reference's order latency: an exponential-shaped map of a folded normal into [10 ms, 1 s]. */
    static long latency(RandomGenerator random) {
        double t = Math.min(1.0, Math.abs(Draws.normal(random, 1_500.0, 500.0)) / 3_000.0);
        double fraction = (Math.exp(5 * t) - 1) / (Math.exp(5) - 1);
        return (long) (MIN_LATENCY + fraction * (MAX_LATENCY - MIN_LATENCY));
    }

    private void send(int bookId, Side side, double quantity, double price, AgentEnvironment environment) {
        long ticks = quantizer.price(price);
        long lots = quantizer.volume(quantity);
        if (ticks > 0 && lots > 0) {
            environment.submit(Orders.limit(bookId, side, ticks, lots, 0, tau, false), latency(environment.random()));
        }
    }

    /** Nothing to save: the agent keeps no state between callbacks. */
    @Override
    public void writeState(StateWriter out) {
        // stateless
    }

    @Override
    public void readState(StateReader in) {
        // stateless
    }
}
