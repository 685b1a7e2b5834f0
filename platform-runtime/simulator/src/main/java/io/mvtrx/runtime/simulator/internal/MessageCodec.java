package io.mvtrx.runtime.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.notice.SimulationStarted;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.api.snapshot.StateFormatException;
import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * Queued messages and what they carry (instructions, notices, trades) as data for checkpoints: a tag, then the
 * fields in record order; enumerations as their ordinals in platform-api declaration order (the order the event
 * log documents); optional reasons as ordinal + 1, 0 for none. Agents are referred to by their slot in the block,
 * never by object.
 *
 * <p>Stateless; allocates the records it reads.
 */
public final class MessageCodec {

    private static final int PLACE_LIMIT = 1;
    private static final int PLACE_MARKET = 2;
    private static final int CANCEL_ORDERS = 3;
    private static final int CLOSE_POSITIONS = 4;
    private static final int RESET_AGENTS = 5;

    private static final int ACCEPTED = 1;
    private static final int REJECTED = 2;
    private static final int CANCEL_REPORT = 3;
    private static final int TRADE = 4;
    private static final int POSITION_CLOSE = 5;
    private static final int AGENT_RESET = 6;
    private static final int STARTED = 7;
    private static final int ENDED = 8;

    private MessageCodec() {
    }

    /** Writes a queued message: its kind and the fields that kind uses. */
    static void write(StateWriter out, Message m) {
        out.writeInt(m.kind);
        switch (m.kind) {
            case Message.WAKE -> {
                out.writeInt(m.slot);
                out.writeInt(m.bookId);
                out.writeInt(m.wakeKind);
            }
            case Message.INSTRUCTION -> {
                out.writeInt(m.slot);
                out.writeLong(m.latency);
                writeInstruction(out, (Instruction) m.payload);
            }
            case Message.NOTICE -> {
                out.writeInt(m.slot);
                writeNotice(out, (Notice) m.payload);
            }
            case Message.MARKET_TRADE -> {
                out.writeInt(m.slot);
                writeTrade(out, (Trade) m.payload);
            }
            case Message.REMOTE_INSTRUCTION -> {
                out.writeInt(m.agentId);
                out.writeInt(m.bookId);
                out.writeInt(m.epoch);
                writeInstruction(out, (Instruction) m.payload);
            }
            case Message.REMOTE_RESET -> writeInstruction(out, (Instruction) m.payload);
            default -> throw new IllegalStateException("unknown message kind " + m.kind);
        }
    }

    /**
     * Reads a message written by {@link #write} into {@code m} (a cleared pooled slot).
     *
     * @param slots background agents of the block; a slot index must lie within
     */
    static void read(StateReader in, Message m, int slots) {
        m.kind = in.readInt();
        switch (m.kind) {
            case Message.WAKE -> {
                m.slot = slot(in, slots);
                m.bookId = in.readInt();
                m.wakeKind = in.readInt();
            }
            case Message.INSTRUCTION -> {
                m.slot = slot(in, slots);
                m.latency = in.readLong();
                m.payload = readInstruction(in);
            }
            case Message.NOTICE -> {
                m.slot = slot(in, slots);
                m.payload = readNotice(in);
            }
            case Message.MARKET_TRADE -> {
                m.slot = slot(in, slots);
                m.payload = readTrade(in);
            }
            case Message.REMOTE_INSTRUCTION -> {
                m.agentId = in.readInt();
                m.bookId = in.readInt();
                m.epoch = in.readInt();
                m.payload = readInstruction(in);
            }
            case Message.REMOTE_RESET -> m.payload = readInstruction(in);
            default -> throw new StateFormatException("queued message of unknown kind %d", m.kind);
        }
    }

    private static int slot(StateReader in, int slots) {
        int slot = in.readInt();
        in.check(slot >= 0 && slot < slots, "queued message for agent slot %d; the block has %d agents", slot,
                slots);
        return slot;
    }

    /** Writes an instruction record. */
    public static void writeInstruction(StateWriter out, Instruction instruction) {
        switch (instruction) {
            case PlaceLimit p -> {
                out.writeInt(PLACE_LIMIT);
                out.writeInt(p.bookId());
                out.writeInt(p.side().ordinal());
                out.writeLong(p.price());
                out.writeLong(p.volume());
                out.writeInt(p.currency().ordinal());
                out.writeLong(p.leverage());
                out.writeInt(p.timeInForce().ordinal());
                out.writeLong(p.expiryPeriod());
                out.writeBoolean(p.postOnly());
                out.writeInt(p.stp().ordinal());
                out.writeLong(p.clientOrderId());
                out.writeLong(p.settleFlag());
                out.writeLong(p.stopLoss());
                out.writeLong(p.takeProfit());
                out.writeLong(p.delay());
            }
            case PlaceMarket p -> {
                out.writeInt(PLACE_MARKET);
                out.writeInt(p.bookId());
                out.writeInt(p.side().ordinal());
                out.writeLong(p.volume());
                out.writeInt(p.currency().ordinal());
                out.writeLong(p.leverage());
                out.writeLong(p.maxSlippage());
                out.writeInt(p.stp().ordinal());
                out.writeLong(p.clientOrderId());
                out.writeLong(p.settleFlag());
                out.writeLong(p.stopLoss());
                out.writeLong(p.takeProfit());
                out.writeLong(p.delay());
            }
            case CancelOrders c -> {
                out.writeInt(CANCEL_ORDERS);
                out.writeInt(c.bookId());
                out.writeInt(c.cancellations().size());
                for (CancelOrders.Cancellation cancellation : c.cancellations()) {
                    out.writeLong(cancellation.orderId());
                    out.writeLong(cancellation.volume());
                }
                out.writeLong(c.delay());
            }
            case ClosePositions c -> {
                out.writeInt(CLOSE_POSITIONS);
                out.writeInt(c.bookId());
                out.writeInt(c.closes().size());
                for (ClosePositions.PositionClose close : c.closes()) {
                    out.writeLong(close.orderId());
                    out.writeLong(close.volume());
                }
                out.writeLong(c.delay());
            }
            case ResetAgents r -> {
                out.writeInt(RESET_AGENTS);
                out.writeInt(r.agentIds().size());
                for (int id : r.agentIds()) {
                    out.writeInt(id);
                }
                out.writeLong(r.delay());
            }
        }
    }

    /** Reads an instruction written by {@link #writeInstruction}. */
    public static Instruction readInstruction(StateReader in) {
        int tag = in.readInt();
        return switch (tag) {
            case PLACE_LIMIT -> new PlaceLimit(in.readInt(), of(Side.values(), in), in.readLong(), in.readLong(),
                    of(Currency.values(), in), in.readLong(), of(TimeInForce.values(), in), in.readLong(),
                    in.readBoolean(), of(StpMode.values(), in), in.readLong(), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong());
            case PLACE_MARKET -> new PlaceMarket(in.readInt(), of(Side.values(), in), in.readLong(),
                    of(Currency.values(), in), in.readLong(), in.readLong(), of(StpMode.values(), in), in.readLong(),
                    in.readLong(), in.readLong(), in.readLong(), in.readLong());
            case CANCEL_ORDERS -> {
                int bookId = in.readInt();
                List<CancelOrders.Cancellation> cancellations = new ArrayList<>();
                for (int i = count(in); i > 0; i--) {
                    cancellations.add(new CancelOrders.Cancellation(in.readLong(), in.readLong()));
                }
                yield new CancelOrders(bookId, cancellations, in.readLong());
            }
            case CLOSE_POSITIONS -> {
                int bookId = in.readInt();
                List<ClosePositions.PositionClose> closes = new ArrayList<>();
                for (int i = count(in); i > 0; i--) {
                    closes.add(new ClosePositions.PositionClose(in.readLong(), in.readLong()));
                }
                yield new ClosePositions(bookId, closes, in.readLong());
            }
            case RESET_AGENTS -> {
                List<Integer> ids = new ArrayList<>();
                for (int i = count(in); i > 0; i--) {
                    ids.add(in.readInt());
                }
                yield new ResetAgents(ids, in.readLong());
            }
            default -> throw new StateFormatException("saved instruction of unknown kind %d", tag);
        };
    }

    /** Writes a notice record. */
    public static void writeNotice(StateWriter out, Notice notice) {
        switch (notice) {
            case OrderAccepted a -> {
                out.writeInt(ACCEPTED);
                out.writeLong(a.timestamp());
                out.writeInt(a.bookId());
                out.writeLong(a.orderId());
                out.writeLong(a.clientOrderId());
                out.writeInt(a.type().ordinal());
                out.writeInt(a.side().ordinal());
                out.writeLong(a.price());
                out.writeLong(a.volume());
                out.writeLong(a.leverage());
            }
            case OrderRejected r -> {
                out.writeInt(REJECTED);
                out.writeLong(r.timestamp());
                out.writeInt(r.bookId());
                out.writeLong(r.clientOrderId());
                out.writeInt(r.type().ordinal());
                out.writeInt(r.side().ordinal());
                out.writeInt(r.reason().ordinal());
            }
            case CancelReport c -> {
                out.writeInt(CANCEL_REPORT);
                out.writeLong(c.timestamp());
                out.writeInt(c.bookId());
                out.writeLong(c.orderId());
                out.writeLong(c.volume());
                out.writeInt(c.reason().ordinal());
                out.writeInt(c.failure().map(reason -> reason.ordinal() + 1).orElse(0));
            }
            case TradeNotice t -> {
                out.writeInt(TRADE);
                writeTrade(out, t.trade());
                out.writeLong(t.clientOrderId());
                out.writeBoolean(t.asMaker());
            }
            case PositionCloseReport p -> {
                out.writeInt(POSITION_CLOSE);
                out.writeLong(p.timestamp());
                out.writeInt(p.bookId());
                out.writeLong(p.orderId());
                out.writeInt(p.failure().map(reason -> reason.ordinal() + 1).orElse(0));
            }
            case AgentReset r -> {
                out.writeInt(AGENT_RESET);
                out.writeLong(r.timestamp());
                out.writeInt(r.agentId());
            }
            case SimulationStarted s -> {
                out.writeInt(STARTED);
                out.writeLong(s.timestamp());
                out.writeString(s.simulationId());
            }
            case SimulationEnded e -> {
                out.writeInt(ENDED);
                out.writeLong(e.timestamp());
                out.writeString(e.simulationId());
            }
        }
    }

    /** Reads a notice written by {@link #writeNotice}. */
    public static Notice readNotice(StateReader in) {
        int tag = in.readInt();
        return switch (tag) {
            case ACCEPTED -> new OrderAccepted(in.readLong(), in.readInt(), in.readLong(), in.readLong(),
                    of(OrderType.values(), in), of(Side.values(), in), in.readLong(), in.readLong(), in.readLong());
            case REJECTED -> new OrderRejected(in.readLong(), in.readInt(), in.readLong(), of(OrderType.values(), in),
                    of(Side.values(), in), of(RejectReason.values(), in));
            case CANCEL_REPORT -> new CancelReport(in.readLong(), in.readInt(), in.readLong(), in.readLong(),
                    of(CancelReason.values(), in), failure(in));
            case TRADE -> new TradeNotice(readTrade(in), in.readLong(), in.readBoolean());
            case POSITION_CLOSE -> new PositionCloseReport(in.readLong(), in.readInt(), in.readLong(), failure(in));
            case AGENT_RESET -> new AgentReset(in.readLong(), in.readInt());
            case STARTED -> new SimulationStarted(in.readLong(), in.readString());
            case ENDED -> new SimulationEnded(in.readLong(), in.readString());
            default -> throw new StateFormatException("saved notice of unknown kind %d", tag);
        };
    }

    private static void writeTrade(StateWriter out, Trade t) {
        out.writeInt(t.bookId());
        out.writeLong(t.timestamp());
        out.writeLong(t.tradeId());
        out.writeInt(t.takerSide().ordinal());
        out.writeLong(t.takerOrderId());
        out.writeLong(t.makerOrderId());
        out.writeInt(t.takerAgentId());
        out.writeInt(t.makerAgentId());
        out.writeLong(t.price());
        out.writeLong(t.volume());
        out.writeLong(t.takerFee());
        out.writeLong(t.makerFee());
    }

    private static Trade readTrade(StateReader in) {
        return new Trade(in.readInt(), in.readLong(), in.readLong(), of(Side.values(), in), in.readLong(),
                in.readLong(), in.readInt(), in.readInt(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong());
    }

    private static Optional<RejectReason> failure(StateReader in) {
        int code = in.readInt();
        if (code == 0) {
            return Optional.empty();
        }
        in.check(code > 0 && code <= RejectReason.values().length, "saved reject reason %d", code - 1);
        return Optional.of(RejectReason.values()[code - 1]);
    }

    private static int count(StateReader in) {
        int n = in.readInt();
        in.check(n >= 0, "saved count %d", n);
        return n;
    }

    private static <E extends Enum<E>> E of(E[] values, StateReader in) {
        int ordinal = in.readInt();
        in.check(ordinal >= 0 && ordinal < values.length, "saved %s %d (known 0..%d)",
                values[0].getDeclaringClass().getSimpleName(), ordinal, values.length - 1);
        return values[ordinal];
    }
}
