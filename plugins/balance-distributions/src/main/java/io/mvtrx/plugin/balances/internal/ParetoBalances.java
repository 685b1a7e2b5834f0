package io.mvtrx.plugin.balances.internal;

import java.util.SplittableRandom;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.spi.balances.BalanceDistribution;
import io.mvtrx.api.spi.balances.StartingBalance;

/**
 * Pareto-split starting wealth (the reference's {@code pareto} and 0.5.4 {@code pareto-50}, simulator-054 §4.12).
 * Per draw, from the draw's own stream ({@link DrawStreams}):
 * <pre>
 *   W     = wealth                                       (pareto)
 *         = min(wealth / U^(1/1.16), cap), U ~ U(0, 1]    (pareto-50: a Pareto(1.16) wealth, capped)
 *   r     = scale · (1 − U')^(−1/shape), U' ~ U[0, 1)     (quote-to-base value ratio, r >= scale)
 *   base  = trunc(W / (1 + r) / price, base decimals)
 *   quote = trunc(W · r / (1 + r), quote decimals)
 * </pre>
 * so {@code base·price + quote = W} up to truncation. Immutable and thread-safe (each draw makes its own stream).
 *
 * @param kind     the distribution's name, salted into the streams
 * @param wealth   how W is drawn
 * @param scale    Pareto scale of r, > 0
 * @param shape    Pareto shape of r, > 0
 * @param price    the price that converts base value, > 0
 * @param seed     seed of the streams
 * @param decimals output decimals
 */
public record ParetoBalances(String kind, Wealth wealth, double scale, double shape, double price, long seed,
                             BookDecimals decimals) implements BalanceDistribution {

    /** The shape of the 0.5.4 {@code pareto-50} wealth draw, fixed in the reference code. */
    public static final double WEALTH_SHAPE = 1.16;

    public ParetoBalances {
        requirePositive("scale", scale);
        requirePositive("shape", shape);
        requirePositive("price", price);
        // The largest quote is W, the largest base W/(1+scale)/price: both must fit a long at their decimals.
        double maximum = wealth.maximum();
        if (maximum * decimals.quote().unit() >= 0x1p63
                || maximum / (1 + scale) / price * decimals.base().unit() >= 0x1p63) {
            throw new IllegalArgumentException(String.format(
                    "wealth up to %s does not fit scaled balances at base decimals %d and quote decimals %d",
                    maximum, decimals.base().decimals(), decimals.quote().decimals()));
        }
    }

    @Override
    public StartingBalance draw(int agentId, int bookId, int draw) {
        SplittableRandom random = DrawStreams.of(seed, kind, agentId, bookId, draw);
        double w = switch (wealth) {
            case Wealth.Fixed fixed -> fixed.wealth();
            case Wealth.CappedPareto pareto ->
                    Math.min(pareto.wealth() / Math.pow(1 - random.nextDouble(), 1 / WEALTH_SHAPE), pareto.cap());
        };
        double ratio = scale * Math.pow(1 - random.nextDouble(), -1 / shape);
        double base = w / (1 + ratio) / price;
        double quote = Double.isInfinite(ratio) ? w : w * ratio / (1 + ratio);
        return new StartingBalance(decimals.base().fromDouble(base), decimals.quote().fromDouble(quote));
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    /** How the total wealth W of a draw is chosen. */
    public sealed interface Wealth permits Wealth.Fixed, Wealth.CappedPareto {

        /** The largest W the distribution can give. */
        double maximum();

        /**
         * The same W for every draw ({@code pareto}).
         *
         * @param wealth W, > 0
         */
        record Fixed(double wealth) implements Wealth {

            public Fixed {
                requirePositive("wealth", wealth);
            }

            @Override
            public double maximum() {
                return wealth;
            }
        }

        /**
         * {@code W = min(wealth / U^(1/1.16), cap)} ({@code pareto-50}).
         *
         * @param wealth the Pareto scale (the smallest W), > 0
         * @param cap    the largest W, > 0
         */
        record CappedPareto(double wealth, double cap) implements Wealth {

            public CappedPareto {
                requirePositive("wealth", wealth);
                requirePositive("cap", cap);
            }

            @Override
            public double maximum() {
                return cap;
            }
        }
    }
}
