package io.mvtrx.agent.randommaker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

import io.mvtrx.api.number.Rate;
import io.mvtrx.api.order.Order;
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
 * Quotes both sides of every book at random distances from the mid, and cancels its own quotes once they are older
 * than {@code max_age} (the reference v0.1.9 RandomMakerAgent; v0.5.4 lets GTT expiry do the cancelling).
 *
 * <p>Per book with an account, in book order:
 * <ol>
 *   <li>if the maker fee rate exceeds {@code max_fee_rate}, cancel every open order there and quote nothing;</li>
 *   <li>cancel open orders placed before {@code now − max_age}, in one instruction;</li>
 *   <li>draw four uniforms u1..u4 and, with {@code ref} the book's {@link BookView#referencePrice reference price}
 *       (mid rounded down, else the one best price, else the last trade, else the initial price):
 *       bid = floor(ref·(1 − u1·spread)), ask = ceil(ref·(1 + u2·spread)), kept inside the book (bid below the best
 *       ask, ask above the best bid) and apart (ask ≥ bid + 1 tick); bid volume = min + ⌊u3·(max − min)⌋ lots, ask
 *       volume the same with u4, never below the simulation's minimum order size;</li>
 *   <li>place the bid (GTC) if the free quote covers its notional and the ask if the free base covers its volume,
 *       while the book's open-order limit leaves room.</li>
 * </ol>
 * Prices are computed in exact decimal arithmetic from the parameters, so a given draw always gives the same tick.
 */
public final class RandomMakerAgent extends TradingAgentBase {

    /** The parameters, read once from the agent's settings. */
    record Params(BigDecimal minQuantity, BigDecimal maxQuantity, BigDecimal spread, long maxAge,
                  BigDecimal maxFeeRate, OptionalLong seed) {

        static final Parameter MIN_QUANTITY = Parameter.optional("min_quantity", ParameterType.DECIMAL, "0.25",
                "smallest quote volume, base units");
        static final Parameter MAX_QUANTITY = Parameter.optional("max_quantity", ParameterType.DECIMAL, "1.0",
                "largest quote volume, base units");
        static final Parameter SPREAD = Parameter.optional("spread", ParameterType.DECIMAL, "0.001",
                "largest distance of a quote from the mid, as a fraction of the mid");
        static final Parameter MAX_AGE = Parameter.optional("max_age", ParameterType.INTEGER, "60000000000",
                "ns after which an own open order is cancelled");
        static final Parameter MAX_FEE_RATE = Parameter.optional("max_fee_rate", ParameterType.DECIMAL, "0.005",
                "quote nothing on a book whose maker fee rate is above this (fraction)");
        static final ParameterSchema SCHEMA = ParameterSchema.of(MIN_QUANTITY, MAX_QUANTITY, SPREAD, MAX_AGE,
                MAX_FEE_RATE, Seeds.PARAMETER);

        static Params from(Settings settings) {
            Params params = new Params(ParameterValues.decimal(settings, MIN_QUANTITY),
                    ParameterValues.decimal(settings, MAX_QUANTITY), ParameterValues.decimal(settings, SPREAD),
                    ParameterValues.integer(settings, MAX_AGE), ParameterValues.decimal(settings, MAX_FEE_RATE),
                    Seeds.read(settings));
            ParameterValues.check(settings, params.minQuantity.signum() > 0, "'min_quantity' must be > 0, got %s",
                    params.minQuantity);
            ParameterValues.check(settings, params.maxQuantity.compareTo(params.minQuantity) >= 0,
                    "'max_quantity' %s is below 'min_quantity' %s", params.maxQuantity, params.minQuantity);
            ParameterValues.check(settings, params.spread.signum() >= 0 && params.spread.compareTo(BigDecimal.ONE) < 0,
                    "'spread' must be within [0, 1), got %s", params.spread);
            ParameterValues.check(settings, params.maxAge > 0, "'max_age' must be > 0 ns, got %d", params.maxAge);
            return params;
        }
    }

    private final Params params;
    private final IntFunction<RandomGenerator> randoms;

    // Set by onStart for the running simulation.
    private RandomGenerator random;
    private long minLots;
    private long maxLots;
    private long maxMakerRate;

    RandomMakerAgent(Params params, IntFunction<RandomGenerator> randoms) {
        this.params = params;
        this.randoms = randoms;
    }

    @Override
    protected void onStart() {
        random = randoms.apply(agentId());
        minLots = Math.max(units().volume(params.minQuantity(), RoundingMode.DOWN), simulation().minOrderSize());
        maxLots = Math.max(units().volume(params.maxQuantity(), RoundingMode.DOWN), minLots);
        maxMakerRate = Rate.SCALE.toScaled(params.maxFeeRate(), RoundingMode.DOWN);
    }

    @Override
    protected void act(StateView state, ResponseBuilder response) {
        for (BookView book : state.books()) {
            state.holdings(book.bookId()).ifPresent(holdings -> quote(state, book, holdings, response));
        }
    }

    private void quote(StateView state, BookView book, Holdings holdings, ResponseBuilder response) {
        int bookId = book.bookId();
        if (holdings.makerFeeRate() > maxMakerRate) {
            if (holdings.openOrderCount() > 0) {
                response.add(Instructions.cancelOrders(bookId, holdings.openOrders()));
            }
            return;
        }
        List<Order> stale = holdings.ordersPlacedBefore(state.timestamp() - params.maxAge());
        if (!stale.isEmpty()) {
            response.add(Instructions.cancelOrders(bookId, stale));
        }
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        double u3 = random.nextDouble();
        double u4 = random.nextDouble();
        int room = simulation().maxOpenOrders() - (holdings.openOrderCount() - stale.size());
        if (room < 1) {
            return;
        }
        long reference = book.referencePrice(simulation().initialPrice());
        long bid = Units.times(reference, BigDecimal.ONE.subtract(params.spread().multiply(decimal(u1))),
                RoundingMode.FLOOR);
        long ask = Units.times(reference, BigDecimal.ONE.add(params.spread().multiply(decimal(u2))),
                RoundingMode.CEILING);
        if (book.hasAsk()) {
            bid = Math.min(bid, book.bestAsk() - 1);
        }
        if (book.hasBid()) {
            ask = Math.max(ask, book.bestBid() + 1);
        }
        ask = Math.max(ask, bid + 1);
        long bidLots = lots(u3);
        long askLots = lots(u4);
        Units units = units();
        if (bid > 0 && units.notional(bid, bidLots, RoundingMode.CEILING) <= holdings.freeQuote()) {
            response.add(Instructions.limit(bookId, Side.BUY, bid, bidLots).build());
            room--;
        }
        if (room > 0 && units.volumeToBase(askLots, RoundingMode.CEILING) <= holdings.freeBase()) {
            response.add(Instructions.limit(bookId, Side.SELL, ask, askLots).build());
        }
    }

    private long lots(double u) {
        return minLots + (long) (u * (maxLots - minLots));
    }

    private static BigDecimal decimal(double u) {
        return BigDecimal.valueOf(u);
    }
}
