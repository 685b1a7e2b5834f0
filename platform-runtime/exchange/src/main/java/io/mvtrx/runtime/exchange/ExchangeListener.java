package io.mvtrx.runtime.exchange;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;

/**
 * Receives everything an {@link Exchange} does, as primitive arguments, on the exchange's thread, while the
 * exchange is inside the call that caused it. Implementations must return quickly, must not call back into the
 * exchange, and must not throw. Every method has an empty default so a listener overrides only what it needs.
 *
 * <p>Prices are at the book's price decimals, volumes at its volume decimals, fees at its quote decimals. Volumes
 * of {@link #onAccepted}, {@link #onPlaced} and {@link #onCancelled} are the agent's own (not leveraged) volumes;
 * the volume of {@link #onTrade} is the traded (leveraged) quantity.
 *
 * <p>Order of callbacks for one placement:
 * <ol>
 *   <li>{@link #onRejected} — and nothing else; or {@link #onAccepted} with the new order id, then</li>
 *   <li>in matching order, one {@link #onTrade} per fill and one {@link #onCancelled} (reason
 *       {@code SELF_TRADE}) per resting order that self-trade prevention reduced or removed, then</li>
 *   <li>{@link #onCancelled} ({@code SELF_TRADE}) for the part of the incoming order that self-trade prevention
 *       removed (CN, CB, DC), then</li>
 *   <li>{@link #onPlaced} if a remainder now rests, or {@link #onCancelled} ({@code UNFILLED}) for the remainder of
 *       an IOC, FOK or market order;</li>
 *   <li>then, for every stop-loss or take-profit leg its trades fired ({@link #onStopTriggered}, reported right
 *       after the trade that fired it), the callbacks of the closing market order, in firing order.</li>
 * </ol>
 * A cancel gives one {@link #onCancelled} ({@code REQUESTED}) or one {@link #onCancelRejected}; time passing gives
 * one {@link #onCancelled} ({@code EXPIRED}) per GTT order that expired, earliest expiry first; a position close
 * gives {@link #onPositionClose} and then, if it could trade, the callbacks of its closing market order.
 */
public interface ExchangeListener {

    /** A listener that ignores everything. */
    ExchangeListener NONE = new ExchangeListener() {
    };

    /** An order passed validation, was reserved for, and got {@code orderId}. */
    default void onAccepted(long timestamp, int bookId, long orderId, int agentId, long clientOrderId,
                            OrderType type, Side side, long price, long volume, long leverage) {
    }

    /** An instruction was refused; nothing changed. */
    default void onRejected(long timestamp, int bookId, int agentId, long clientOrderId, OrderType type, Side side,
                            RejectReason reason) {
    }

    /** A fill between an incoming (taker) and a resting (maker) order, at the maker's price, already settled. */
    default void onTrade(long timestamp, int bookId, long tradeId, Side takerSide, long takerOrderId,
                         long makerOrderId, int takerAgentId, int makerAgentId, long price, long volume,
                         long takerFee, long makerFee) {
    }

    /** An order's remainder now rests in the book. */
    default void onPlaced(long timestamp, int bookId, long orderId, int agentId, long clientOrderId,
                          OrderType type, Side side, long price, long volume, long leverage, StpMode stp) {
    }

    /**
     * Volume left an order without trading.
     *
     * @param price     the order's limit price (0 for a market order)
     * @param volume    volume removed
     * @param remaining volume still resting afterwards (0: the order is gone)
     */
    default void onCancelled(long timestamp, int bookId, long orderId, int agentId, long price, long volume,
                             long remaining, CancelReason reason) {
    }

    /** A cancel instruction failed: the order is unknown, gone, or another agent's. */
    default void onCancelRejected(long timestamp, int bookId, int agentId, long orderId, RejectReason reason) {
    }

    /**
     * A position close was handled: {@code reason} is null when a closing market order was dispatched for
     * {@code amount} in {@code currency} (quote for a buy loan, base for a sell loan), else why nothing was done
     * ({@code currency} is then null if no loan was found).
     */
    default void onPositionClose(long timestamp, int bookId, int agentId, long orderId, long amount,
                                 Currency currency, RejectReason reason) {
    }

    /**
     * A stop-loss ({@code reason} 1) or take-profit (2) leg of {@code orderId} fired; a closing market order of
     * {@code quantity} (traded quantity, volume decimals) on {@code closingSide} follows once the operation that
     * moved the price has finished.
     */
    default void onStopTriggered(long timestamp, int bookId, int agentId, long orderId, Side closingSide,
                                 long quantity, int reason) {
    }

    /** A loan's margin-call price was crossed at a step start; a liquidating market order follows. */
    default void onMarginCall(long timestamp, int bookId, int agentId, long orderId, long marginCallPrice) {
    }
}
