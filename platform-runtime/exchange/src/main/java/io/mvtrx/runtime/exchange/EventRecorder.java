package io.mvtrx.runtime.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.OrderCancelled;
import io.mvtrx.api.event.OrderPlaced;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Order;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;

/**
 * The adapter from the engine's primitive callbacks to the platform's records, for agents, logs, replay and tests:
 * the L3 stream ({@link OrderPlaced}, {@link Trade}, {@link OrderCancelled}) in processing order, and per agent the
 * {@link Notice}s about its own activity ({@link OrderAccepted}, {@link OrderRejected}, {@link TradeNotice} for each
 * side of a trade, {@link CancelReport} for every cancel of its orders except account resets, and
 * {@link PositionCloseReport}). Margin calls produce no notice of their own: the agent sees the liquidating
 * order's outcome.
 *
 * <p>Allocates a record per event and keeps everything until {@link #clear}; not for the hot path. Not
 * thread-safe: attach one recorder to one exchange. Can forward every callback to another listener.
 */
public final class EventRecorder implements ExchangeListener {

    private final ExchangeListener next;
    private final List<BookEvent> events = new ArrayList<>();
    private final Map<Integer, List<Notice>> notices = new HashMap<>();
    private final Map<Long, Long> clientIds = new HashMap<>();

    /** A recorder that forwards nothing. */
    public EventRecorder() {
        this(ExchangeListener.NONE);
    }

    /** A recorder that also forwards every callback to {@code next}, after recording it. */
    public EventRecorder(ExchangeListener next) {
        this.next = next;
    }

    /** The L3 events of every book so far, in processing order. */
    public List<BookEvent> events() {
        return List.copyOf(events);
    }

    /** The L3 events of one book so far. */
    public List<BookEvent> events(int bookId) {
        return events.stream().filter(e -> e.bookId() == bookId).toList();
    }

    /** The notices addressed to one agent so far, in order. */
    public List<Notice> notices(int agentId) {
        return List.copyOf(notices.getOrDefault(agentId, List.of()));
    }

    /** Forgets everything recorded (client ids of live orders are kept). */
    public void clear() {
        events.clear();
        notices.clear();
    }

    private void notify(int agentId, Notice notice) {
        notices.computeIfAbsent(agentId, k -> new ArrayList<>()).add(notice);
    }

    private static long key(int bookId, long orderId) {
        return ((long) bookId << 48) ^ orderId;
    }

    @Override
    public void onAccepted(long timestamp, int bookId, long orderId, int agentId, long clientOrderId,
                           OrderType type, Side side, long price, long volume, long leverage) {
        clientIds.put(key(bookId, orderId), clientOrderId);
        notify(agentId, new OrderAccepted(timestamp, bookId, orderId, clientOrderId, type, side, price, volume,
                leverage));
        next.onAccepted(timestamp, bookId, orderId, agentId, clientOrderId, type, side, price, volume, leverage);
    }

    @Override
    public void onRejected(long timestamp, int bookId, int agentId, long clientOrderId, OrderType type, Side side,
                           RejectReason reason) {
        notify(agentId, new OrderRejected(timestamp, bookId, clientOrderId, type, side, reason));
        next.onRejected(timestamp, bookId, agentId, clientOrderId, type, side, reason);
    }

    @Override
    public void onTrade(long timestamp, int bookId, long tradeId, Side takerSide, long takerOrderId,
                        long makerOrderId, int takerAgentId, int makerAgentId, long price, long volume,
                        long takerFee, long makerFee) {
        Trade trade = new Trade(bookId, timestamp, tradeId, takerSide, takerOrderId, makerOrderId, takerAgentId,
                makerAgentId, price, volume, takerFee, makerFee);
        events.add(trade);
        notify(takerAgentId, new TradeNotice(trade,
                clientIds.getOrDefault(key(bookId, takerOrderId), Order.NO_CLIENT_ID), false));
        notify(makerAgentId, new TradeNotice(trade,
                clientIds.getOrDefault(key(bookId, makerOrderId), Order.NO_CLIENT_ID), true));
        next.onTrade(timestamp, bookId, tradeId, takerSide, takerOrderId, makerOrderId, takerAgentId, makerAgentId,
                price, volume, takerFee, makerFee);
    }

    @Override
    public void onPlaced(long timestamp, int bookId, long orderId, int agentId, long clientOrderId,
                         OrderType type, Side side, long price, long volume, long leverage, StpMode stp) {
        events.add(new OrderPlaced(bookId, timestamp, orderId, agentId, clientOrderId, type, side, price, volume,
                leverage, stp));
        next.onPlaced(timestamp, bookId, orderId, agentId, clientOrderId, type, side, price, volume, leverage, stp);
    }

    @Override
    public void onCancelled(long timestamp, int bookId, long orderId, int agentId, long price, long volume,
                            long remaining, CancelReason reason) {
        events.add(new OrderCancelled(bookId, timestamp, orderId, agentId, price, volume, remaining, reason));
        if (reason != CancelReason.RESET) {
            notify(agentId, new CancelReport(timestamp, bookId, orderId, volume, reason, Optional.empty()));
        }
        next.onCancelled(timestamp, bookId, orderId, agentId, price, volume, remaining, reason);
    }

    @Override
    public void onCancelRejected(long timestamp, int bookId, int agentId, long orderId, RejectReason reason) {
        notify(agentId, new CancelReport(timestamp, bookId, orderId, 0, CancelReason.REQUESTED,
                Optional.of(reason)));
        next.onCancelRejected(timestamp, bookId, agentId, orderId, reason);
    }

    @Override
    public void onPositionClose(long timestamp, int bookId, int agentId, long orderId, long amount,
                                Currency currency, RejectReason reason) {
        notify(agentId, new PositionCloseReport(timestamp, bookId, orderId, Optional.ofNullable(reason)));
        next.onPositionClose(timestamp, bookId, agentId, orderId, amount, currency, reason);
    }

    @Override
    public void onMarginCall(long timestamp, int bookId, int agentId, long orderId, long marginCallPrice) {
        next.onMarginCall(timestamp, bookId, agentId, orderId, marginCallPrice);
    }
}
