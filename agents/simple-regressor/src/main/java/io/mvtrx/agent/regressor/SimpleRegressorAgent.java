package io.mvtrx.agent.regressor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.OptionalDouble;

import io.mvtrx.api.order.Side;
import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.trading.support.BookView;
import io.mvtrx.api.spi.trading.support.EventHistory;
import io.mvtrx.api.spi.trading.support.Holdings;
import io.mvtrx.api.spi.trading.support.Instructions;
import io.mvtrx.api.spi.trading.support.ParameterValues;
import io.mvtrx.api.spi.trading.support.ResponseBuilder;
import io.mvtrx.api.spi.trading.support.StateView;
import io.mvtrx.api.spi.trading.support.TradingAgentBase;
import io.mvtrx.api.spi.trading.support.Units;

/**
 * Predicts each book's next mid log-return from its last {@code lags} returns and trades a strong prediction (after
 * the reference SimpleRegressorAgent, whose model is a scikit-learn regressor on bucketed OHLC features; here an
 * ordinary least-squares autoregression, refitted every update, with no dependency).
 *
 * <p>The history keeps one mid per update (two-sided books only). Per book with an account and a two-sided book,
 * once it has {@code min_observations} returns: fit {@link Autoregression} on the last {@code train_n} returns and
 * predict the next one, p. The signal s is p clipped to ±{@code model_threshold} (outlier predictions are not
 * trusted beyond it). Then, with GTT orders of {@code quantity} expiring after {@code expiry_period}:
 * <ul>
 *   <li>s ≥ {@code signal_threshold}: BUY one tick above the best bid (staying below the best ask), and SELL at the
 *       target mid·e^s, rounded to the nearest tick;</li>
 *   <li>s ≤ −{@code signal_threshold}: SELL one tick below the best ask (staying above the best bid), and BUY at the
 *       target mid·e^s;</li>
 *   <li>otherwise nothing.</li>
 * </ul>
 * Each order is sent only if the free balance covers it. No random draws: the agent is deterministic.
 */
public final class SimpleRegressorAgent extends TradingAgentBase {

    /** The parameters, read once from the agent's settings. */
    record Params(BigDecimal quantity, long expiryPeriod, double signalThreshold, double modelThreshold, int lags,
                  int trainN, int minObservations, double ridge) {

        static final Parameter QUANTITY = Parameter.optional("quantity", ParameterType.DECIMAL, "1.0",
                "order volume, base units");
        static final Parameter EXPIRY_PERIOD = Parameter.optional("expiry_period", ParameterType.INTEGER,
                "120000000000", "GTT expiry of every order, ns");
        static final Parameter SIGNAL_THRESHOLD = Parameter.optional("signal_threshold", ParameterType.DECIMAL,
                "0.0025", "least |predicted log-return| that trades");
        static final Parameter MODEL_THRESHOLD = Parameter.optional("model_threshold", ParameterType.DECIMAL,
                "0.005", "predictions are clipped to +/- this");
        static final Parameter LAGS = Parameter.optional("lags", ParameterType.INTEGER, "3",
                "past returns the regression uses");
        static final Parameter TRAIN_N = Parameter.optional("train_n", ParameterType.INTEGER, "60",
                "most recent returns fitted");
        static final Parameter MIN_OBSERVATIONS = Parameter.optional("min_observations", ParameterType.INTEGER,
                "20", "returns needed before the first prediction");
        static final Parameter RIDGE = Parameter.optional("ridge", ParameterType.DECIMAL, "0.000001",
                "relative ridge added to the normal matrix's diagonal");
        static final ParameterSchema SCHEMA = ParameterSchema.of(QUANTITY, EXPIRY_PERIOD, SIGNAL_THRESHOLD,
                MODEL_THRESHOLD, LAGS, TRAIN_N, MIN_OBSERVATIONS, RIDGE);

        static Params from(Settings settings) {
            Params params = new Params(ParameterValues.decimal(settings, QUANTITY),
                    ParameterValues.integer(settings, EXPIRY_PERIOD),
                    ParameterValues.decimal(settings, SIGNAL_THRESHOLD).doubleValue(),
                    ParameterValues.decimal(settings, MODEL_THRESHOLD).doubleValue(),
                    (int) ParameterValues.integer(settings, LAGS),
                    (int) ParameterValues.integer(settings, TRAIN_N),
                    (int) ParameterValues.integer(settings, MIN_OBSERVATIONS),
                    ParameterValues.decimal(settings, RIDGE).doubleValue());
            ParameterValues.check(settings, params.quantity.signum() > 0, "'quantity' must be > 0, got %s",
                    params.quantity);
            ParameterValues.check(settings, params.expiryPeriod > 0, "'expiry_period' must be > 0 ns, got %d",
                    params.expiryPeriod);
            ParameterValues.check(settings, params.signalThreshold > 0, "'signal_threshold' must be > 0, got %s",
                    params.signalThreshold);
            ParameterValues.check(settings, params.modelThreshold >= params.signalThreshold,
                    "'model_threshold' %s is below 'signal_threshold' %s", params.modelThreshold,
                    params.signalThreshold);
            ParameterValues.check(settings, params.lags >= 1 && params.lags <= 20,
                    "'lags' must be within 1..20, got %d", params.lags);
            ParameterValues.check(settings, params.trainN >= 2 * (params.lags + 1),
                    "'train_n' must be at least 2·(lags + 1) = %d, got %d", 2 * (params.lags + 1), params.trainN);
            ParameterValues.check(settings, params.minObservations >= 2 * (params.lags + 1)
                            && params.minObservations <= params.trainN,
                    "'min_observations' must be within %d..train_n (%d), got %d", 2 * (params.lags + 1),
                    params.trainN, params.minObservations);
            ParameterValues.check(settings, params.ridge >= 0, "'ridge' must be >= 0, got %s", params.ridge);
            return params;
        }
    }

    private final Params params;
    private long lots;

    SimpleRegressorAgent(Params params) {
        // One more mid than returns fitted.
        super(new EventHistory(new EventHistory.Limits(1, params.trainN() + 1, 1, 1)));
        this.params = params;
    }

    @Override
    protected void onStart() {
        lots = Math.max(units().volume(params.quantity(), RoundingMode.DOWN), simulation().minOrderSize());
    }

    @Override
    protected void act(StateView state, ResponseBuilder response) {
        for (BookView book : state.books()) {
            if (book.isTwoSided()) {
                state.holdings(book.bookId()).ifPresent(holdings -> trade(book, holdings, response));
            }
        }
    }

    /** The clipped prediction for a book, if the history is long enough. */
    OptionalDouble signal(int bookId) {
        double[] returns = history().mids(bookId).logReturns();
        if (returns.length < params.minObservations()) {
            return OptionalDouble.empty();
        }
        double[] window = Arrays.copyOfRange(returns, Math.max(0, returns.length - params.trainN()), returns.length);
        OptionalDouble prediction = Autoregression.predictNext(window, params.lags(), params.ridge());
        if (prediction.isEmpty()) {
            return prediction;
        }
        double p = prediction.getAsDouble();
        return OptionalDouble.of(Math.max(-params.modelThreshold(), Math.min(params.modelThreshold(), p)));
    }

    private void trade(BookView book, Holdings holdings, ResponseBuilder response) {
        OptionalDouble signal = signal(book.bookId());
        if (signal.isEmpty() || Math.abs(signal.getAsDouble()) < params.signalThreshold()) {
            return;
        }
        double s = signal.getAsDouble();
        long target = Units.times(book.bestBid() + book.bestAsk(), Math.exp(s) / 2, RoundingMode.HALF_EVEN);
        long entry;
        Side side;
        if (s > 0) {
            side = Side.BUY;
            entry = Math.min(book.bestBid() + 1, book.bestAsk() - 1);
        } else {
            side = Side.SELL;
            entry = Math.max(book.bestAsk() - 1, book.bestBid() + 1);
        }
        place(book.bookId(), side, entry, holdings, response);
        place(book.bookId(), side.opposite(), target, holdings, response);
    }

    private void place(int bookId, Side side, long price, Holdings holdings, ResponseBuilder response) {
        if (price <= 0) {
            return;
        }
        Units units = units();
        boolean affordable = side == Side.BUY
                ? units.notional(price, lots, RoundingMode.CEILING) <= holdings.freeQuote()
                : units.volumeToBase(lots, RoundingMode.CEILING) <= holdings.freeBase();
        if (affordable) {
            response.add(Instructions.limit(bookId, side, price, lots).gtt(params.expiryPeriod()).build());
        }
    }
}
