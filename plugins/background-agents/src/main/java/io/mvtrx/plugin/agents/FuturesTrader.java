package io.mvtrx.plugin.agents;

import java.util.random.RandomGenerator;

import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.notice.SimulationStarted;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.snapshot.Snapshottable;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.api.spi.agentmodel.AgentEnvironment;
import io.mvtrx.api.spi.agentmodel.BackgroundAgent;
import io.mvtrx.api.spi.agentmodel.MarketView;
import io.mvtrx.plugin.agents.internal.Draws;
import io.mvtrx.plugin.agents.internal.Orders;
import io.mvtrx.plugin.agents.internal.Quantizer;

/**
 * One futures trader (reference 0.5.4 §7.4). Instance 0 hands out the first turn of every book, after a decision
 * delay, to a uniformly drawn instance. The holder reads the book after the feed latency, passes the turn on after a
 * new decision delay, and, unless it still waits for the reply to its previous order on that book, trades the
 * external signal's last log return r (nothing while r = 0):
 * <ul>
 *   <li>forecast {@code sign(r) + N(0, sigmaEps)}; size {@code v ~ LogNormal(ln(volume)·factor, 1)}, floored to the
 *       lot;</li>
 *   <li>with probability {@code orderTypeProb} a market order in the forecast's direction, otherwise a limit order
 *       {@code shift} behind the best price on its own side (bid - shift, ask + shift), where {@code shift} is
 *       {@code floor(v)} ticks for v > 1 and {@code -floor(v/tick)} ticks (inside the spread) otherwise; limits live
 *       {@code tau}.</li>
 * </ul>
 * Confined to its block's thread.
 */
final class FuturesTrader implements BackgroundAgent, Snapshottable {

    private final FuturesTraderPopulation population;
    private final int index;
    private boolean[] inFlight;

    FuturesTrader(FuturesTraderPopulation population, int index) {
        this.population = population;
        this.index = index;
    }

    /** Whether an order on the book awaits its reply. */
    boolean inFlight(int bookId) {
        return inFlight[bookId];
    }

    @Override
    public void onStart(AgentEnvironment environment) {
        int books = population.context.bookCount();
        inFlight = new boolean[books];
        if (index != 0) {
            return;
        }
        RandomGenerator random = environment.random();
        for (int book = 0; book < books; book++) {
            population.observeSignal(book, environment.process(book, FuturesTraderPopulation.SIGNAL));
            int holder = random.nextInt(population.context.instanceCount());
            long delay = Math.max(1, population.decisionDelay.sample(random));
            environment.wakeInstance(holder, book, environment.now() + delay, FuturesTraderPopulation.TURN);
        }
    }

    @Override
    public void onWake(int bookId, int kind, AgentEnvironment environment) {
        RandomGenerator random = environment.random();
        long now = environment.now();
        if (kind == FuturesTraderPopulation.TURN) {
            environment.wakeAt(bookId, now + Math.max(1, population.feed.sample(random)),
                    FuturesTraderPopulation.OBSERVE);
            return;
        }
        int holder = random.nextInt(population.context.instanceCount());
        long delay = Math.max(1, population.decisionDelay.sample(random));
        environment.wakeInstance(holder, bookId, now + delay, FuturesTraderPopulation.TURN);
        population.observeSignal(bookId, environment.process(bookId, FuturesTraderPopulation.SIGNAL));
        if (!inFlight[bookId]) {
            trade(bookId, environment);
        }
    }

    @Override
    public void onNotice(Notice notice, AgentEnvironment environment) {
        switch (notice) {
            case OrderAccepted accepted -> inFlight[accepted.bookId()] = false;
            case OrderRejected rejected -> inFlight[rejected.bookId()] = false;
            case TradeNotice _, CancelReport _, PositionCloseReport _, SimulationStarted _, SimulationEnded _,
                 AgentReset _ -> {
                // only the reply to a placement clears the in-flight flag
            }
        }
    }

    private void trade(int bookId, AgentEnvironment environment) {
        FuturesTraderParameters parameters = population.parameters;
        Quantizer quantizer = population.quantizer;
        double r = population.logReturn(bookId);
        double factor = population.volumeFactor(bookId);
        if (r == 0.0 || factor == 0.0) {
            return;
        }
        RandomGenerator random = environment.random();
        double forecast = Math.signum(r) + Draws.normal(random, 0.0, parameters.sigmaEps());
        double volume = Draws.logNormal(random, Math.log(parameters.volume()) * factor, 1.0);
        long ticksPerUnit = population.context.decimals().price().unit();
        long shift = volume > 1.0 ? (long) Math.floor(volume) : -(long) Math.floor(volume * ticksPerUnit);
        long lots = quantizer.volume(volume);
        if (lots <= 0) {
            return;
        }
        boolean market = Draws.bernoulli(random, parameters.orderTypeProb());
        if (forecast == 0) {
            return;
        }
        Side side = forecast > 0 ? Side.BUY : Side.SELL;
        MarketView book = environment.market(bookId);
        if (market) {
            submit(bookId, Orders.market(bookId, side, lots, 0), environment);
            return;
        }
        long price = side == Side.BUY ? book.bestBid() - shift : book.bestAsk() + shift;
        if (price <= 0) {
            return;
        }
        submit(bookId, Orders.limit(bookId, side, price, lots, 0, parameters.tau(), false), environment);
    }

    private void submit(int bookId, Instruction order, AgentEnvironment environment) {
        inFlight[bookId] = true;
        environment.submit(order, population.placement.sample(environment.random()));
    }

    /** Saves which books have a placement awaiting its reply. */
    @Override
    public void writeState(StateWriter out) {
        out.writeBooleans(inFlight);
    }

    @Override
    public void readState(StateReader in) {
        inFlight = in.readBooleans();
        in.check(inFlight != null && inFlight.length == population.context.bookCount(),
                "FuturesTraderAgent: saved in-flight flags do not cover the %d books", population.context.bookCount());
    }
}
