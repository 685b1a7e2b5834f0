package io.mvtrx.runtime.simulator.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.mvtrx.api.event.CancelReason;
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
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;
import io.mvtrx.runtime.exchange.ExchangeListener;

/**
 * A block's exchange listener: it records every L3 event into the block's {@link L3Buffer} and per-book counters,
 * and routes each outcome to the agent it concerns, as a {@link Notice}.
 *
 * <p>Background agents get their notices through the queue, never inside the exchange call. The outcome of an
 * agent's own instruction (acceptance, its fills as taker, the cancels of its own incoming order) travels back with
 * the instruction's latency and arrives {@code 1 + latency} ns after the exchange handled it; a rejection arrives at
 * once (the reference's {@code fastRespond}); an outcome the agent did not cause just now (a fill of a resting
 * order, an expiry, a liquidation) arrives 1 ns later. A notice is never scheduled before one already scheduled for
 * the same agent, so an acceptance always precedes the fills of its order. Agents whose class does not override
 * {@code onNotice} get none (nothing is built for them), and trades go to agents that observe trades 0 ns later.
 *
 * <p>Remote accounts get their notices, with canonical book ids, into per-account lists the simulation takes at
 * each publish; they are only collected when the block publishes. Confined to its block's thread.
 */
final class Router implements ExchangeListener {

    private final Block block;
    private final int bookOffset;
    private final AgentSlot[] localSlots;
    private final int remoteCount;
    private final List<Notice>[] remoteNotices;
    private final AgentSlot[] observers;
    private final Map<Long, Long> clientIds = new HashMap<>();
    private AgentSlot acting;
    private long actingLatency;

    @SuppressWarnings("unchecked")
    Router(Block block, int bookOffset, AgentSlot[] localSlots, int remoteCount, boolean collectRemote,
           AgentSlot[] observers) {
        this.block = block;
        this.bookOffset = bookOffset;
        this.localSlots = localSlots;
        this.remoteCount = remoteCount;
        this.remoteNotices = collectRemote ? new List[remoteCount] : null;
        this.observers = observers;
    }

    /** The next outcomes are those of {@code slot}'s instruction, which took {@code latency} ns to arrive. */
    void act(AgentSlot slot, long latency) {
        acting = slot;
        actingLatency = latency;
    }

    /** No agent is acting (time passing, margin calls, remote instructions). */
    void idle() {
        acting = null;
    }

    /**
     * Saves what the router remembers between steps: the client ids of open orders (by book and order) and, when
     * the block publishes, every remote account's notices not yet published.
     */
    void writeState(StateWriter out) {
        out.writeInt(clientIds.size());
        for (Map.Entry<Long, Long> entry : new TreeMap<>(clientIds).entrySet()) {
            out.writeLong(entry.getKey());
            out.writeLong(entry.getValue());
        }
        out.writeBoolean(remoteNotices != null);
        if (remoteNotices != null) {
            out.writeInt(remoteCount);
            for (List<Notice> notices : remoteNotices) {
                List<Notice> list = notices == null ? List.of() : notices;
                out.writeInt(list.size());
                for (Notice notice : list) {
                    MessageCodec.writeNotice(out, notice);
                }
            }
        }
    }

    /** Restores what {@link #writeState} saved into a new router. */
    void readState(StateReader in) {
        clientIds.clear();
        for (int n = in.readInt(); n > 0; n--) {
            clientIds.put(in.readLong(), in.readLong());
        }
        boolean collected = in.readBoolean();
        in.check(collected == (remoteNotices != null), "the checkpoint was written %s remote agents, this run %s",
                collected ? "with" : "without", remoteNotices != null ? "has them" : "has none");
        if (collected) {
            in.check(in.readInt() == remoteCount, "remote notices saved for another number of remote accounts");
            for (int id = 0; id < remoteCount; id++) {
                int n = in.readInt();
                remoteNotices[id] = null;
                for (int i = 0; i < n; i++) {
                    remoteNotice(id, MessageCodec.readNotice(in));
                }
            }
        }
    }

    /** Takes a remote account's notices collected so far (empty if none); the block keeps no reference. */
    List<Notice> takeRemoteNotices(int agentId) {
        if (remoteNotices == null || remoteNotices[agentId] == null) {
            return List.of();
        }
        List<Notice> notices = remoteNotices[agentId];
        remoteNotices[agentId] = null;
        return notices;
    }

    /** Adds a notice for a remote account (e.g. an agent reset); ignored when the block does not publish. */
    void remoteNotice(int agentId, Notice notice) {
        if (remoteNotices != null) {
            List<Notice> list = remoteNotices[agentId];
            if (list == null) {
                list = new ArrayList<>();
                remoteNotices[agentId] = list;
            }
            list.add(notice);
        }
    }

    private boolean isRemote(int agentId) {
        return agentId >= 0 && agentId < remoteCount && remoteNotices != null;
    }

    /** The slot of a background agent that wants notices, or null. */
    private AgentSlot listening(int agentId) {
        if (agentId >= 0) {
            return null;
        }
        int index = -agentId - 1;
        if (index >= localSlots.length) {
            return null;
        }
        AgentSlot slot = localSlots[index];
        return slot != null && slot.wantsNotices ? slot : null;
    }

    private void deliver(AgentSlot slot, long eventTime, boolean immediate, Notice notice) {
        // an expiry is stamped with its expiry time, which the block's clock may have passed already
        long timestamp = Math.max(eventTime, block.now());
        long at;
        if (slot == acting) {
            at = immediate ? timestamp : timestamp + 1 + actingLatency;
        } else {
            at = timestamp + 1;
        }
        if (at < slot.lastDelivery) {
            at = slot.lastDelivery;
        } else {
            slot.lastDelivery = at;
        }
        block.scheduleNotice(slot, timestamp, at - timestamp, notice);
    }

    private static long key(int bookId, long orderId) {
        return ((long) bookId << 48) ^ orderId;
    }

    @Override
    public void onAccepted(long timestamp, int bookId, long orderId, int agentId, long clientOrderId,
                           OrderType type, Side side, long price, long volume, long leverage) {
        if (clientOrderId != Order.NO_CLIENT_ID) {
            clientIds.put(key(bookId, orderId), clientOrderId);
        }
        AgentSlot slot = listening(agentId);
        if (slot != null) {
            deliver(slot, timestamp, false, new OrderAccepted(timestamp, bookId, orderId, clientOrderId, type, side,
                    price, volume, leverage));
        } else if (isRemote(agentId)) {
            remoteNotice(agentId, new OrderAccepted(timestamp, bookId + bookOffset, orderId, clientOrderId, type,
                    side, price, volume, leverage));
        }
    }

    @Override
    public void onRejected(long timestamp, int bookId, int agentId, long clientOrderId, OrderType type, Side side,
                           RejectReason reason) {
        AgentSlot slot = listening(agentId);
        if (slot != null) {
            deliver(slot, timestamp, true, new OrderRejected(timestamp, bookId, clientOrderId, type, side, reason));
        } else if (isRemote(agentId)) {
            remoteNotice(agentId, new OrderRejected(timestamp, canonical(bookId), clientOrderId, type, side,
                    reason));
        }
    }

    /** A canonical book id; a book id outside the block (an instruction for an unknown book) is passed as is. */
    private int canonical(int bookId) {
        return bookId >= 0 && bookId < block.bookCount() ? bookId + bookOffset : bookId;
    }

    @Override
    public void onTrade(long timestamp, int bookId, long tradeId, Side takerSide, long takerOrderId,
                        long makerOrderId, int takerAgentId, int makerAgentId, long price, long volume,
                        long takerFee, long makerFee) {
        block.l3().trade(bookId, timestamp, tradeId, takerSide, takerOrderId, makerOrderId, takerAgentId,
                makerAgentId, price, volume, takerFee, makerFee);
        block.countTrade(bookId, volume);
        AgentSlot taker = listening(takerAgentId);
        AgentSlot maker = listening(makerAgentId);
        boolean remoteTaker = isRemote(takerAgentId);
        boolean remoteMaker = isRemote(makerAgentId);
        Trade local = null;
        if (taker != null || maker != null || observers.length > 0) {
            local = new Trade(bookId, timestamp, tradeId, takerSide, takerOrderId, makerOrderId, takerAgentId,
                    makerAgentId, price, volume, takerFee, makerFee);
        }
        if (taker != null) {
            deliver(taker, timestamp, false, new TradeNotice(local, clientId(bookId, takerOrderId), false));
        }
        if (maker != null) {
            deliver(maker, timestamp, false, new TradeNotice(local, clientId(bookId, makerOrderId), true));
        }
        if (remoteTaker || remoteMaker) {
            Trade canonical = new Trade(bookId + bookOffset, timestamp, tradeId, takerSide, takerOrderId,
                    makerOrderId, takerAgentId, makerAgentId, price, volume, takerFee, makerFee);
            if (remoteTaker) {
                remoteNotice(takerAgentId, new TradeNotice(canonical, clientId(bookId, takerOrderId), false));
            }
            if (remoteMaker) {
                remoteNotice(makerAgentId, new TradeNotice(canonical, clientId(bookId, makerOrderId), true));
            }
        }
        for (AgentSlot observer : observers) {
            block.scheduleMarketTrade(observer, Math.max(timestamp, block.now()), local);
        }
    }

    private long clientId(int bookId, long orderId) {
        if (clientIds.isEmpty()) {
            return Order.NO_CLIENT_ID;
        }
        Long id = clientIds.get(key(bookId, orderId));
        return id == null ? Order.NO_CLIENT_ID : id;
    }

    @Override
    public void onPlaced(long timestamp, int bookId, long orderId, int agentId, long clientOrderId,
                         OrderType type, Side side, long price, long volume, long leverage, StpMode stp) {
        block.l3().placed(bookId, timestamp, orderId, agentId, clientOrderId, type, side, price, volume, leverage,
                stp);
        block.countEvent(bookId);
    }

    @Override
    public void onCancelled(long timestamp, int bookId, long orderId, int agentId, long price, long volume,
                            long remaining, CancelReason reason) {
        block.l3().cancelled(bookId, timestamp, orderId, agentId, price, volume, remaining, reason);
        block.countEvent(bookId);
        if (remaining == 0 && !clientIds.isEmpty()) {
            clientIds.remove(key(bookId, orderId));
        }
        if (reason == CancelReason.RESET) {
            return;
        }
        AgentSlot slot = listening(agentId);
        if (slot != null) {
            deliver(slot, timestamp, false, new CancelReport(timestamp, bookId, orderId, volume, reason,
                    Optional.empty()));
        } else if (isRemote(agentId)) {
            remoteNotice(agentId, new CancelReport(timestamp, bookId + bookOffset, orderId, volume, reason,
                    Optional.empty()));
        }
    }

    @Override
    public void onCancelRejected(long timestamp, int bookId, int agentId, long orderId, RejectReason reason) {
        AgentSlot slot = listening(agentId);
        if (slot != null) {
            deliver(slot, timestamp, true, new CancelReport(timestamp, bookId, orderId, 0, CancelReason.REQUESTED,
                    Optional.of(reason)));
        } else if (isRemote(agentId)) {
            remoteNotice(agentId, new CancelReport(timestamp, canonical(bookId), orderId, 0,
                    CancelReason.REQUESTED, Optional.of(reason)));
        }
    }

    @Override
    public void onPositionClose(long timestamp, int bookId, int agentId, long orderId, long amount,
                                Currency currency, RejectReason reason) {
        AgentSlot slot = listening(agentId);
        if (slot != null) {
            deliver(slot, timestamp, reason != null, new PositionCloseReport(timestamp, bookId, orderId,
                    Optional.ofNullable(reason)));
        } else if (isRemote(agentId)) {
            remoteNotice(agentId, new PositionCloseReport(timestamp, canonical(bookId), orderId,
                    Optional.ofNullable(reason)));
        }
    }

    @Override
    public void onMarginCall(long timestamp, int bookId, int agentId, long orderId, long marginCallPrice) {
        block.countMarginCall();
    }
}
