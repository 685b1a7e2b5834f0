package io.mvtrx.runtime.exchange.comparison;

import io.mvtrx.runtime.exchange.OrderMixStream;

import exchange.core2.core.common.BalanceAdjustmentType;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.ExchangeConfiguration;
import exchange.core2.core.common.config.OrdersProcessingConfiguration;
import exchange.core2.core.common.config.PerformanceConfiguration;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.processors.MatchingEngineRouter;
import exchange.core2.core.processors.RiskEngine;
import exchange.core2.core.processors.SharedPool;
import exchange.core2.core.processors.journaling.DummySerializationProcessor;

/**
 * exchange-core's risk check, matching and settlement on the calling thread: the three processors its
 * {@code ExchangeCore} wires into the Disruptor — {@link RiskEngine#preProcessCommand} (R1: balance check and
 * hold), {@link MatchingEngineRouter#processOrder} (ME: {@link OrderBookDirectImpl}), and
 * {@link RiskEngine#handlerRiskRelease} (R2: settlement of trades with maker and taker fees, release of unused
 * holds) — called in pipeline order on one reused command, with one risk engine and one matching engine (shard 0
 * of 1). Before each command the harness clears what the grouping stage clears (result, events, market data,
 * service flags). Not included: the Disruptor ring and its hand-offs between threads, the grouping stage's batching,
 * the 10 ms L2 market-data snapshots, journaling (off by default) and the results stage.
 *
 * <p>Configuration: exchange-core's defaults ({@code ExchangeConfiguration.defaultBuilder()}: risk processing
 * {@code FULL_PER_CURRENCY}, warnings-only logging, no journaling) with margin trading off (one currency pair, so
 * the risk check skips the futures-position loop) and the direct book. Users and balances are created with
 * {@code ADD_USER} and {@code BALANCE_ADJUSTMENT} commands through the risk engine, as the API would send them;
 * the symbol is registered directly with both processors (what a {@code BatchAddSymbolsCommand} does, without its
 * binary framing). {@value OrderMixStream#ACCOUNTS} users, each with 1,000,000 base and 10,000,000 quote.
 *
 * <p>Thread-confined.
 */
final class ExchangeCoreFullVenue extends ExchangeCoreVenue {

    private final RiskEngine risk;
    private final MatchingEngineRouter matching;
    private long sequence;

    /** A fresh exchange-core for {@code stream}'s operations, users funded. */
    ExchangeCoreFullVenue(OrderMixStream stream) {
        super(stream);
        ExchangeConfiguration config = ExchangeConfiguration.defaultBuilder()
                .ordersProcessingCfg(OrdersProcessingConfiguration.builder()
                        .riskProcessingMode(OrdersProcessingConfiguration.RiskProcessingMode.FULL_PER_CURRENCY)
                        .marginTradingMode(OrdersProcessingConfiguration.MarginTradingMode.MARGIN_TRADING_DISABLED)
                        .build())
                .performanceCfg(PerformanceConfiguration.baseBuilder().orderBookFactory(OrderBookDirectImpl::new)
                        .build())
                .build();
        // ExchangeCore sizes its pool (matching engines + risk engines) * 8 chains of length 1 (pooling is off)
        SharedPool pool = new SharedPool(64, 16, 1);
        risk = new RiskEngine(0, 1, DummySerializationProcessor.INSTANCE, pool, config);
        matching = new MatchingEngineRouter(0, 1, DummySerializationProcessor.INSTANCE,
                config.getPerformanceCfg().getOrderBookFactory(), pool, config);
        risk.getSymbolSpecificationProvider().addSymbol(symbol());
        matching.getOrderBooks().put(SYMBOL, matching.getOrderBookFactory().create(symbol(),
                matching.getObjectsPool(), matching.getEventsHelper(), matching.getLoggingCfg()));
        book((OrderBookDirectImpl) matching.getOrderBooks().get(SYMBOL));

        OrderCommand c = new OrderCommand();
        for (int agent = 0; agent < OrderMixStream.ACCOUNTS; agent++) {
            long uid = agent + 1;
            c.command = OrderCommandType.ADD_USER;
            c.uid = uid;
            admin(c);
            adjust(c, uid, BASE, 1_000_000L * BASE_SCALE, 1);
            adjust(c, uid, QUOTE, 10_000_000L * 100 * QUOTE_SCALE, 2);
        }
    }

    private void adjust(OrderCommand c, long uid, int currency, long amount, long transaction) {
        c.command = OrderCommandType.BALANCE_ADJUSTMENT;
        c.uid = uid;
        c.symbol = currency;
        c.price = amount;
        c.orderId = transaction;
        c.orderType = OrderType.of(BalanceAdjustmentType.ADJUSTMENT.getCode());
        admin(c);
    }

    private void admin(OrderCommand c) {
        c.resultCode = CommandResultCode.NEW;
        risk.preProcessCommand(sequence, c);
        matching.processOrder(sequence, c);
        risk.handlerRiskRelease(sequence, c);
        sequence++;
        if (c.resultCode != CommandResultCode.SUCCESS) {
            throw new IllegalStateException(String.format("exchange-core refused %s for user %d: %s",
                    c.command, c.uid, c.resultCode));
        }
    }

    /** An agent's free balance of {@code currency} ({@link #BASE} or {@link #QUOTE}), minor units. */
    long balance(int agent, int currency) {
        return risk.getUserProfileService().getUserProfile(agent + 1).accounts.get(currency);
    }

    /** Fees the risk engine has collected in {@code currency}, minor units. */
    long fees(int currency) {
        return risk.getFees().get(currency);
    }

    @Override
    void execute(OrderCommand command) {
        // what the grouping stage does to a ring slot before the risk engine sees it
        command.resultCode = CommandResultCode.NEW;
        command.matcherEvent = null;
        command.marketData = null;
        command.serviceFlags = 0;
        long seq = sequence++;
        risk.preProcessCommand(seq, command);
        matching.processOrder(seq, command);
        risk.handlerRiskRelease(seq, command);
    }
}
