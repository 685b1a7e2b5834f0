package io.mvtrx.agent.randomtaker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

import io.mvtrx.api.number.Rate;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.trading.support.BookView;
import io.mvtrx.api.spi.trading.support.Holdings;
import io.mvtrx.api.spi.trading.support.Instructions;
import io.mvtrx.api.spi.trading.support.ParameterValues;
import io.mvtrx.api.spi.trading.support.ResponseBuilder;
import io.mvtrx.api.spi.trading.support.Seeds;
import io.mvtrx.api.spi.trading.support.StateView;
import io.mvtrx.api.spi.trading.support.TradingAgentBase;
import io.mvtrx.api.spi.trading.support.Units;

/**
 * Sends one market order per book and update in a direction it keeps for a while (the reference
 * RandomTakerAgent, which redraws each book's direction when the timestamp is a multiple of 100 s).
 *
 * <p>Per book with an account, in book order:
 * <ol>
 *   <li>if the taker fee rate exceeds {@code max_fee_rate}, do nothing (and draw nothing);</li>
 *   <li>when the update falls in a new period ({@code timestamp / direction_period} changed, or the book is new),
 *       draw u: BUY if u &lt; 0.5, else SELL;</li>
 *   <li>draw u': volume = min + ⌊u'·(max − min)⌋ lots, never below the minimum order size;</li>
 *   <li>if the side the order takes from is not empty and the account can pay — free quote covers the notional at
 *       the best ask raised by {@code max_slippage} for a buy, free base covers the volume for a sell — send a
 *       market order bounded by {@code max_slippage}.</li>
 * </ol>
 */
public final class RandomTakerAgent extends TradingAgentBase {

    /** The parameters, read once from the agent's settings. */
    record Params(BigDecimal minQuantity, BigDecimal maxQuantity, long directionPeriod, BigDecimal maxSlippage,
                  BigDecimal maxFeeRate, OptionalLong seed) {

        static final Parameter MIN_QUANTITY = Parameter.optional("min_quantity", ParameterType.DECIMAL, "0.25",
                "smallest order volume, base units");
        static final Parameter MAX_QUANTITY = Parameter.optional("max_quantity", ParameterType.DECIMAL, "1.0",
                "largest order volume, base units");
        static final Parameter DIRECTION_PERIOD = Parameter.optional("direction_period", ParameterType.INTEGER,
                "100000000000", "ns a book's drawn direction is kept");
        static final Parameter MAX_SLIPPAGE = Parameter.optional("max_slippage", ParameterType.DECIMAL, "0.01",
                "market orders stop at levels beyond best·(1 ± this)");
        static final Parameter MAX_FEE_RATE = Parameter.optional("max_fee_rate", ParameterType.DECIMAL, "0.002",
                "trade nothing on a book whose taker fee rate is above this (fraction)");
        static final ParameterSchema SCHEMA = ParameterSchema.of(MIN_QUANTITY, MAX_QUANTITY, DIRECTION_PERIOD,
                MAX_SLIPPAGE, MAX_FEE_RATE, Seeds.PARAMETER);

        static Params from(Settings settings) {
            Params params = new Params(ParameterValues.decimal(settings, MIN_QUANTITY),
                    ParameterValues.decimal(settings, MAX_QUANTITY),
                    ParameterValues.integer(settings, DIRECTION_PERIOD),
                    ParameterValues.decimal(settings, MAX_SLIPPAGE), ParameterValues.decimal(settings, MAX_FEE_RATE),
                    Seeds.read(settings));
            ParameterValues.check(settings, params.minQuantity.signum() > 0, "'min_quantity' must be > 0, got %s",
                    params.minQuantity);
            ParameterValues.check(settings, params.maxQuantity.compareTo(params.minQuantity) >= 0,
                    "'max_quantity' %s is below 'min_quantity' %s", params.maxQuantity, params.minQuantity);
            ParameterValues.check(settings, params.directionPeriod > 0, "'direction_period' must be > 0 ns, got %d",
                    params.directionPeriod);
            ParameterValues.check(settings, params.maxSlippage.signum() >= 0, "'max_slippage' must be >= 0, got %s",
                    params.maxSlippage);
            return params;
        }
    }

    /** A book's current direction and the period it was drawn in. */
    private record Direction(long period, Side side) {
    }

    private final Params params;
    private final IntFunction<RandomGenerator> randoms;
    private final Map<Integer, Direction> directions = new HashMap<>();

    // Set by onStart for the running simulation.
    private RandomGenerator random;
    private long minLots;
    private long maxLots;
    private long maxTakerRate;
    private long slippage;

    RandomTakerAgent(Params params, IntFunction<RandomGenerator> randoms) {
        this.params = params;
        this.randoms = randoms;
    }

    @Override
    protected void onStart() {
        random = randoms.apply(agentId());
        directions.clear();
        minLots = Math.max(units().volume(params.minQuantity(), RoundingMode.DOWN), simulation().minOrderSize());
        maxLots = Math.max(units().volume(params.maxQuantity(), RoundingMode.DOWN), minLots);
        maxTakerRate = Rate.SCALE.toScaled(params.maxFeeRate(), RoundingMode.DOWN);
        slippage = Rate.SCALE.toScaled(params.maxSlippage(), RoundingMode.DOWN);
    }

    @Override
    protected void act(StateView state, ResponseBuilder response) {
        for (BookView book : state.books()) {
            state.holdings(book.bookId()).ifPresent(holdings -> take(state.timestamp(), book, holdings, response));
        }
    }

    private void take(long now, BookView book, Holdings holdings, ResponseBuilder response) {
        if (holdings.takerFeeRate() > maxTakerRate) {
            return;
        }
        long period = now / params.directionPeriod();
        Direction direction = directions.get(book.bookId());
        if (direction == null || direction.period() != period) {
            direction = new Direction(period, random.nextDouble() < 0.5 ? Side.BUY : Side.SELL);
            directions.put(book.bookId(), direction);
        }
        long lots = minLots + (long) (random.nextDouble() * (maxLots - minLots));
        Side side = direction.side();
        Units units = units();
        boolean affordable;
        if (side == Side.BUY) {
            if (!book.hasAsk()) {
                return;
            }
            long worst = Units.times(book.bestAsk(), BigDecimal.ONE.add(params.maxSlippage()), RoundingMode.CEILING);
            affordable = units.notional(worst, lots, RoundingMode.CEILING) <= holdings.freeQuote();
        } else {
            if (!book.hasBid()) {
                return;
            }
            affordable = units.volumeToBase(lots, RoundingMode.CEILING) <= holdings.freeBase();
        }
        if (affordable) {
            response.add(Instructions.market(book.bookId(), side, lots).maxSlippage(slippage).build());
        }
    }
}
