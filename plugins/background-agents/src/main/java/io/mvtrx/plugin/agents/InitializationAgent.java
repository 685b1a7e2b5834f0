package io.mvtrx.plugin.agents;

import java.util.random.RandomGenerator;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.agentmodel.AccountView;
import io.mvtrx.api.spi.agentmodel.AgentEnvironment;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.plugin.agents.internal.Draws;
import io.mvtrx.plugin.agents.internal.Orders;
import io.mvtrx.plugin.agents.internal.Quantizer;

/**
 * One initialization agent. At the start, for every book (all bids first, then all asks), with P0 the initial price:
 * <ul>
 *   <li>bids while the quote committed is below the free quote: price {@code floor(U(0, P0 - tick))} in ticks,
 *       size {@code floor_lot(min(U(0, freeQuote/P0/2), (freeQuote - used)/price))}, stop at size 0;</li>
 *   <li>asks while the base committed is below the free base: price {@code floor(U(P0 + tick, 2·P0))} in ticks,
 *       size {@code floor_lot(min(U(0, freeBase/2), freeBase - used))}, stop at size 0.</li>
 * </ul>
 * Orders are sent with latency 0 and live {@code tau}. A bid drawn at price 0 is not sent (the reference sends it and
 * the exchange rejects it, with the same effect on the book). It never wakes again.
 */
final class InitializationAgent implements BackgroundAgent, Snapshottable {

    private final InitializationPopulation population;

    InitializationAgent(InitializationPopulation population) {
        this.population = population;
    }

    @Override
    public void onStart(AgentEnvironment environment) {
        int books = population.context.bookCount();
        for (int bookId = 0; bookId < books; bookId++) {
            placeBids(bookId, environment);
        }
        for (int bookId = 0; bookId < books; bookId++) {
            placeAsks(bookId, environment);
        }
    }

    @Override
    public void onWake(int bookId, int kind, AgentEnvironment environment) {
        // the ladders are laid once; nothing is ever scheduled
    }

    private void placeBids(int bookId, AgentEnvironment environment) {
        Quantizer quantizer = population.quantizer;
        RandomGenerator random = environment.random();
        AccountView account = environment.account(bookId);
        double initialPrice = quantizer.priceValue(population.context.initialPrice());
        double ticksPerUnit = population.context.decimals().price().unit();
        double freeQuote = quantizer.quoteValue(account.freeQuote());
        double maxQuantity = freeQuote / initialPrice / 2;
        double used = 0.0;
        while (used < freeQuote) {
            long ticks = (long) Math.floor(Draws.uniform(random, 0.0, initialPrice - quantizer.tick()) * ticksPerUnit);
            double price = ticks / ticksPerUnit;
            long lots = quantizer.volume(Math.min(Draws.uniform(random, 0.0, maxQuantity), (freeQuote - used) / price));
            if (lots <= 0) {
                break;
            }
            if (ticks > 0) {
                environment.submit(Orders.limit(bookId, Side.BUY, ticks, lots, 0, population.tau, false), 0);
            }
            used += price * quantizer.volumeValue(lots);
        }
    }

    private void placeAsks(int bookId, AgentEnvironment environment) {
        Quantizer quantizer = population.quantizer;
        RandomGenerator random = environment.random();
        AccountView account = environment.account(bookId);
        double initialPrice = quantizer.priceValue(population.context.initialPrice());
        double ticksPerUnit = population.context.decimals().price().unit();
        double freeBase = quantizer.baseValue(account.freeBase());
        double maxQuantity = freeBase / 2;
        double used = 0.0;
        while (used < freeBase) {
            long ticks = (long) Math.floor(
                    Draws.uniform(random, initialPrice + quantizer.tick(), 2 * initialPrice) * ticksPerUnit);
            long lots = quantizer.volume(Math.min(Draws.uniform(random, 0.0, maxQuantity), freeBase - used));
            if (lots <= 0) {
                break;
            }
            environment.submit(Orders.limit(bookId, Side.SELL, ticks, lots, 0, population.tau, false), 0);
            used += quantizer.volumeValue(lots);
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
