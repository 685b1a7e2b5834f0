package io.mvtrx.agent.inventorymaker;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

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
import io.mvtrx.api.spi.trading.support.StateView;
import io.mvtrx.api.spi.trading.support.TradingAgentBase;
import io.mvtrx.api.spi.trading.support.Units;

/**
 * A market maker that leans against its inventory: with inventory q (own base − initial base) and cap Q
 * ({@code max_inventory}), the ratio i = q / Q clipped to [−1, 1] moves the reservation price
 * r = ref·(1 − skew·i) away from the side it is long, and it quotes bid = ⌊r·(1 − half_spread)⌋ and
 * ask = ⌈r·(1 + half_spread)⌉ post-only, kept inside the book (bid below the best ask, ask above the best bid).
 * At i = 1 it stops bidding, at i = −1 it stops offering, so inventory stays within the cap (up to one fill).
 * {@code ref} is the book's {@link BookView#referencePrice reference price} (mid rounded down, else the one best
 * price, else the last trade, else the initial price).
 *
 * <p>Each update, per book with an account: an open order that is exactly a wanted quote (side, price and remaining
 * volume {@code quantity}) is kept; every other open order is cancelled in one instruction; missing quotes are
 * placed if the free balance covers them. Prices use exact decimal arithmetic; no random draws.
 */
public final class InventoryMakerAgent extends TradingAgentBase {

    /** The parameters, read once from the agent's settings. */
    record Params(BigDecimal quantity, BigDecimal halfSpread, BigDecimal skew, BigDecimal maxInventory) {

        static final Parameter QUANTITY = Parameter.optional("quantity", ParameterType.DECIMAL, "1.0",
                "volume of each quote, base units");
        static final Parameter HALF_SPREAD = Parameter.optional("half_spread", ParameterType.DECIMAL, "0.0005",
                "distance of each quote from the reservation price, as a fraction");
        static final Parameter SKEW = Parameter.optional("skew", ParameterType.DECIMAL, "0.001",
                "shift of the reservation price at full inventory, as a fraction of the mid");
        static final Parameter MAX_INVENTORY = Parameter.optional("max_inventory", ParameterType.DECIMAL, "10",
                "inventory (base units, long or short) at which the adding side stops quoting");
        static final ParameterSchema SCHEMA = ParameterSchema.of(QUANTITY, HALF_SPREAD, SKEW, MAX_INVENTORY);

        static Params from(Settings settings) {
            Params params = new Params(ParameterValues.decimal(settings, QUANTITY),
                    ParameterValues.decimal(settings, HALF_SPREAD), ParameterValues.decimal(settings, SKEW),
                    ParameterValues.decimal(settings, MAX_INVENTORY));
            ParameterValues.check(settings, params.quantity.signum() > 0, "'quantity' must be > 0, got %s",
                    params.quantity);
            ParameterValues.check(settings, params.halfSpread.signum() >= 0
                            && params.halfSpread.compareTo(BigDecimal.ONE) < 0,
                    "'half_spread' must be within [0, 1), got %s", params.halfSpread);
            ParameterValues.check(settings, params.skew.signum() >= 0 && params.skew.compareTo(BigDecimal.ONE) < 0,
                    "'skew' must be within [0, 1), got %s", params.skew);
            ParameterValues.check(settings, params.maxInventory.signum() > 0, "'max_inventory' must be > 0, got %s",
                    params.maxInventory);
            return params;
        }
    }

    /** A quote the agent wants on the book. */
    private record Quote(Side side, long price) {
    }

    private final Params params;

    // Set by onStart for the running simulation.
    private long lots;
    private long maxInventory;

    InventoryMakerAgent(Params params) {
        this.params = params;
    }

    @Override
    protected void onStart() {
        lots = Math.max(units().volume(params.quantity(), RoundingMode.DOWN), simulation().minOrderSize());
        maxInventory = simulation().decimals().base().toScaled(params.maxInventory(), RoundingMode.DOWN);
    }

    @Override
    protected void act(StateView state, ResponseBuilder response) {
        for (BookView book : state.books()) {
            state.holdings(book.bookId()).ifPresent(holdings -> requote(book, holdings, response));
        }
    }

    private void requote(BookView book, Holdings holdings, ResponseBuilder response) {
        List<Quote> wanted = quotes(book, holdings);
        List<Order> obsolete = new ArrayList<>();
        for (Order order : holdings.openOrders()) {
            Quote same = new Quote(order.side(), order.price());
            if (order.volume() == lots && wanted.contains(same)) {
                wanted.remove(same);
            } else {
                obsolete.add(order);
            }
        }
        if (!obsolete.isEmpty()) {
            response.add(Instructions.cancelOrders(book.bookId(), obsolete));
        }
        Units units = units();
        for (Quote quote : wanted) {
            boolean affordable = quote.side() == Side.BUY
                    ? units.notional(quote.price(), lots, RoundingMode.CEILING) <= holdings.freeQuote()
                    : units.volumeToBase(lots, RoundingMode.CEILING) <= holdings.freeBase();
            if (affordable) {
                response.add(Instructions.limit(book.bookId(), quote.side(), quote.price(), lots).postOnly().build());
            }
        }
    }

    /** The bid and ask wanted now (either may be left out at the inventory cap). */
    private List<Quote> quotes(BookView book, Holdings holdings) {
        BigDecimal ratio = BigDecimal.valueOf(holdings.inventory())
                .divide(BigDecimal.valueOf(maxInventory), MathContext.DECIMAL64)
                .max(BigDecimal.ONE.negate()).min(BigDecimal.ONE);
        BigDecimal reservation = BigDecimal.valueOf(book.referencePrice(simulation().initialPrice()))
                .multiply(BigDecimal.ONE.subtract(params.skew().multiply(ratio)));
        long bid = reservation.multiply(BigDecimal.ONE.subtract(params.halfSpread()))
                .setScale(0, RoundingMode.FLOOR).longValueExact();
        long ask = reservation.multiply(BigDecimal.ONE.add(params.halfSpread()))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        if (book.hasAsk()) {
            bid = Math.min(bid, book.bestAsk() - 1);
        }
        if (book.hasBid()) {
            ask = Math.max(ask, book.bestBid() + 1);
        }
        ask = Math.max(ask, bid + 1);
        List<Quote> quotes = new ArrayList<>(2);
        if (ratio.compareTo(BigDecimal.ONE) < 0 && bid > 0) {
            quotes.add(new Quote(Side.BUY, bid));
        }
        if (ratio.compareTo(BigDecimal.ONE.negate()) > 0) {
            quotes.add(new Quote(Side.SELL, ask));
        }
        return quotes;
    }
}
