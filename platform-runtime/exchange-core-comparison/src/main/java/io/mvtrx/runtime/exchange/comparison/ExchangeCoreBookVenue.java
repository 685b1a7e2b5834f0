package io.mvtrx.runtime.exchange.comparison;

import java.util.Map;

import io.mvtrx.runtime.exchange.OrderMixStream;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;

/**
 * exchange-core's fast book, {@link OrderBookDirectImpl}, alone: no risk check, no settlement. Built as its
 * {@code OrderBookDirectImplTest} builds it (symbol specification, objects pool, events helper, logging
 * configuration), with the pool sizes its {@code MatchingEngineRouter} uses and the non-pooled events helper that
 * 0.5.3 uses anyway. Placements go to {@code newOrder}, cancels to {@code cancelOrder}, as
 * {@code IOrderBook.processCommand} dispatches them.
 *
 * <p>Thread-confined.
 */
final class ExchangeCoreBookVenue extends ExchangeCoreVenue {

    /** A book for {@code stream}'s operations. */
    ExchangeCoreBookVenue(OrderMixStream stream) {
        super(stream);
        ObjectsPool pool = new ObjectsPool(Map.of(
                ObjectsPool.DIRECT_ORDER, 1024 * 1024,
                ObjectsPool.DIRECT_BUCKET, 1024 * 64,
                ObjectsPool.ART_NODE_4, 1024 * 32,
                ObjectsPool.ART_NODE_16, 1024 * 16,
                ObjectsPool.ART_NODE_48, 1024 * 8,
                ObjectsPool.ART_NODE_256, 1024 * 4));
        book(new OrderBookDirectImpl(symbol(), pool, OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER,
                LoggingConfiguration.DEFAULT));
    }

    @Override
    void execute(OrderCommand command) {
        if (command.command == OrderCommandType.PLACE_ORDER) {
            command.resultCode = CommandResultCode.VALID_FOR_MATCHING_ENGINE;
            book().newOrder(command);
            command.resultCode = CommandResultCode.SUCCESS;
        } else {
            command.resultCode = book().cancelOrder(command);
        }
    }
}
