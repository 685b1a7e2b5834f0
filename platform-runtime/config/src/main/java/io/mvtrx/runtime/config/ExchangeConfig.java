package io.mvtrx.runtime.config;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.number.Rate;
import io.mvtrx.api.settings.Settings;

/**
 * The exchange: {@code <MultiBookExchangeAgent>} and its {@code <FeePolicy>}, {@code <Books>}, {@code <Balances>} and
 * {@code <Logging>}. Money and ratios are scaled longs, converted from the decimal text by truncation toward zero
 * (the reference's rule).
 *
 * @param name              exchange name agents refer to ({@code EXCHANGE})
 * @param remoteAgentCount  remote (miner) accounts per block, ids {@code 0..remoteAgentCount-1}
 * @param gracePeriod       ns from the start before the first publish to remote agents
 * @param decimals          price / volume / base / quote decimals
 * @param maxLeverage       highest order leverage, at the volume decimals
 * @param maxLoan           highest open loan per account and book, at the quote decimals
 * @param maintenanceMargin at {@link Rate#SCALE}; at most {@code 1/(2*(1+maxLeverage))}
 * @param maxOpenOrders     resting orders per agent and book; {@link #UNLIMITED_OPEN_ORDERS} when not limited
 * @param initialPrice      starting price of every book, at the price decimals
 * @param minOrderSize      smallest order volume, at the volume decimals; at least one lot
 * @param feePolicy         the fee policy
 * @param books             books per block, matching rule and processes
 * @param balances          starting balances of remote accounts (drawn per book) and of agent groups without their own
 * @param logging           log files
 * @param settings          the {@code <MultiBookExchangeAgent>} element
 */
public record ExchangeConfig(String name, int remoteAgentCount, long gracePeriod, BookDecimals decimals,
                             long maxLeverage, long maxLoan, long maintenanceMargin, int maxOpenOrders,
                             long initialPrice, long minOrderSize, FeePolicyConfig feePolicy, BooksConfig books,
                             BalancesConfig balances, LoggingConfig logging, Settings settings) {

    /** {@link #maxOpenOrders()} when {@code maxOpenOrders} is absent. */
    public static final int UNLIMITED_OPEN_ORDERS = Integer.MAX_VALUE;

    public ExchangeConfig {
        Checks.text("exchange name", name);
        Checks.atLeast("remoteAgentCount", remoteAgentCount, 0);
        Checks.atLeast("gracePeriod", gracePeriod, 0);
        Checks.present("decimals", decimals);
        Checks.atLeast("maxLeverage", maxLeverage, 0);
        Checks.atLeast("maxLoan", maxLoan, 0);
        Checks.atLeast("maintenanceMargin", maintenanceMargin, 0);
        BigDecimal leverage = decimals.volume().toDecimal(maxLeverage);
        if (!maintenanceMarginAllowed(Rate.SCALE.toDecimal(maintenanceMargin), leverage)) {
            throw new IllegalArgumentException(String.format(
                    "maintenanceMargin must be <= 1/(2*(1+maxLeverage)) = %s, got %s",
                    maintenanceMarginBound(leverage).toPlainString(),
                    Rate.SCALE.format(maintenanceMargin)));
        }
        Checks.atLeast("maxOpenOrders", maxOpenOrders, 1);
        Checks.atLeast("initialPrice", initialPrice, 1);
        Checks.atLeast("minOrderSize", minOrderSize, 1);
        Checks.present("feePolicy", feePolicy);
        Checks.present("books", books);
        Checks.present("balances", balances);
        Checks.present("logging", logging);
        Checks.present("settings", settings);
    }

    /** Whether {@code maxOpenOrders} limits anything. */
    public boolean limitsOpenOrders() {
        return maxOpenOrders != UNLIMITED_OPEN_ORDERS;
    }

    /**
     * Whether a maintenance margin suits a maximum leverage: {@code 0 <= mm <= 1/(2*(1+maxLeverage))}, compared
     * exactly. This is the bound the reference documents; its v0.5.4 code computes {@code 1/volumeDecimals} instead
     * (a misplaced comma), which MVTRX does not copy.
     */
    static boolean maintenanceMarginAllowed(BigDecimal maintenanceMargin, BigDecimal maxLeverage) {
        BigDecimal scaled = maintenanceMargin.multiply(BigDecimal.TWO).multiply(BigDecimal.ONE.add(maxLeverage));
        return maintenanceMargin.signum() >= 0 && scaled.compareTo(BigDecimal.ONE) <= 0;
    }

    /** {@code 1/(2*(1+maxLeverage))} truncated to 8 decimals and without trailing zeros, for messages. */
    static BigDecimal maintenanceMarginBound(BigDecimal maxLeverage) {
        BigDecimal denominator = BigDecimal.TWO.multiply(BigDecimal.ONE.add(maxLeverage));
        return BigDecimal.ONE.divide(denominator, Rate.SCALE.decimals(), RoundingMode.DOWN).stripTrailingZeros();
    }
}
