package io.mvtrx.runtime.wire.codec;

import static io.mvtrx.runtime.wire.codec.Proto3Writing.enumSize;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.header;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.int32;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.int64;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.message;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.sint32;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.sint64;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeEnum;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeInt32;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeInt64;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeSInt32;
import static io.mvtrx.runtime.wire.codec.Proto3Writing.writeSInt64;

import java.io.IOException;
import java.util.Optional;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.event.Trade;
import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.notice.SimulationStarted;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.runtime.wire.codec.Proto3Writing.Sizes;

import com.google.protobuf.CodedOutputStream;

/**
 * A {@code Notice} message written straight from its record, for {@link PayloadWriter}: a miner's notices since the
 * last publish (one per order accepted, cancelled or filled) were the largest part of its payload still built as
 * generated messages. The bytes are exactly those of {@link NoticeCodec#encode}; {@code PayloadWriterProperties}
 * holds it to that.
 *
 * <p>Stateless and thread-safe.
 */
final class NoticeWriter {

    private NoticeWriter() {
    }

    /** The notice's field number in the {@code Notice} oneof. */
    private static int kind(Notice notice) {
        return switch (notice) {
            case SimulationStarted s -> 1;
            case SimulationEnded s -> 2;
            case OrderAccepted a -> 3;
            case OrderRejected r -> 4;
            case CancelReport c -> 5;
            case TradeNotice t -> 6;
            case PositionCloseReport p -> 7;
            case AgentReset r -> 8;
        };
    }

    /** The {@code Notice} message's size (without a field tag of its own); records the sizes {@link #write} reads. */
    static int size(Notice notice, Sizes sizes) {
        int outer = sizes.reserve();
        int slot = sizes.reserve();
        int inner = switch (notice) {
            case SimulationStarted s -> int64(1, s.timestamp()) + string(2, s.simulationId());
            case SimulationEnded s -> int64(1, s.timestamp()) + string(2, s.simulationId());
            case OrderAccepted a -> int64(1, a.timestamp()) + int32(2, a.bookId()) + int64(3, a.orderId())
                    + sint64(4, a.clientOrderId()) + enumSize(5, Enums.ORDER_TYPE.number(a.type()))
                    + enumSize(6, Enums.SIDE.number(a.side())) + int64(7, a.price()) + int64(8, a.volume())
                    + int64(9, a.leverage());
            case OrderRejected r -> int64(1, r.timestamp()) + int32(2, r.bookId()) + sint64(3, r.clientOrderId())
                    + enumSize(4, Enums.ORDER_TYPE.number(r.type())) + enumSize(5, Enums.SIDE.number(r.side()))
                    + enumSize(6, Enums.REJECT_REASON.number(r.reason()));
            case CancelReport c -> int64(1, c.timestamp()) + int32(2, c.bookId()) + int64(3, c.orderId())
                    + int64(4, c.volume()) + enumSize(5, Enums.CANCEL_REASON.number(c.reason()))
                    + enumSize(6, failure(c.failure()));
            case TradeNotice t -> message(1, tradeSize(t.trade())) + sint64(2, t.clientOrderId())
                    + (t.asMaker() ? CodedOutputStream.computeBoolSize(3, true) : 0);
            case PositionCloseReport p -> int64(1, p.timestamp()) + int32(2, p.bookId()) + int64(3, p.orderId())
                    + enumSize(4, failure(p.failure()));
            case AgentReset r -> int64(1, r.timestamp()) + sint32(2, r.agentId());
        };
        sizes.set(slot, inner);
        return sizes.set(outer, message(kind(notice), inner));
    }

    /** Writes the notice {@link #size} sized as the length-delimited field {@code field}. */
    static void write(CodedOutputStream o, int field, Notice notice, Sizes sizes) throws IOException {
        header(o, field, sizes.next());
        header(o, kind(notice), sizes.next());
        switch (notice) {
            case SimulationStarted s -> {
                writeInt64(o, 1, s.timestamp());
                writeString(o, 2, s.simulationId());
            }
            case SimulationEnded s -> {
                writeInt64(o, 1, s.timestamp());
                writeString(o, 2, s.simulationId());
            }
            case OrderAccepted a -> {
                writeInt64(o, 1, a.timestamp());
                writeInt32(o, 2, a.bookId());
                writeInt64(o, 3, a.orderId());
                writeSInt64(o, 4, a.clientOrderId());
                writeEnum(o, 5, Enums.ORDER_TYPE.number(a.type()));
                writeEnum(o, 6, Enums.SIDE.number(a.side()));
                writeInt64(o, 7, a.price());
                writeInt64(o, 8, a.volume());
                writeInt64(o, 9, a.leverage());
            }
            case OrderRejected r -> {
                writeInt64(o, 1, r.timestamp());
                writeInt32(o, 2, r.bookId());
                writeSInt64(o, 3, r.clientOrderId());
                writeEnum(o, 4, Enums.ORDER_TYPE.number(r.type()));
                writeEnum(o, 5, Enums.SIDE.number(r.side()));
                writeEnum(o, 6, Enums.REJECT_REASON.number(r.reason()));
            }
            case CancelReport c -> {
                writeInt64(o, 1, c.timestamp());
                writeInt32(o, 2, c.bookId());
                writeInt64(o, 3, c.orderId());
                writeInt64(o, 4, c.volume());
                writeEnum(o, 5, Enums.CANCEL_REASON.number(c.reason()));
                writeEnum(o, 6, failure(c.failure()));
            }
            case TradeNotice t -> {
                header(o, 1, tradeSize(t.trade()));
                writeTrade(o, t.trade());
                writeSInt64(o, 2, t.clientOrderId());
                if (t.asMaker()) {
                    o.writeBool(3, true);
                }
            }
            case PositionCloseReport p -> {
                writeInt64(o, 1, p.timestamp());
                writeInt32(o, 2, p.bookId());
                writeInt64(o, 3, p.orderId());
                writeEnum(o, 4, failure(p.failure()));
            }
            case AgentReset r -> {
                writeInt64(o, 1, r.timestamp());
                writeSInt32(o, 2, r.agentId());
            }
        }
    }

    /** An optional reject reason's wire number: 0 (unspecified) when absent, as {@link NoticeCodec} encodes it. */
    private static int failure(Optional<RejectReason> failure) {
        return failure.map(Enums.REJECT_REASON::number).orElse(0);
    }

    private static int tradeSize(Trade t) {
        return int32(1, t.bookId()) + int64(2, t.timestamp()) + int64(3, t.tradeId())
                + enumSize(4, Enums.SIDE.number(t.takerSide())) + int64(5, t.takerOrderId())
                + int64(6, t.makerOrderId()) + sint32(7, t.takerAgentId()) + sint32(8, t.makerAgentId())
                + int64(9, t.price()) + int64(10, t.volume()) + sint64(11, t.takerFee()) + sint64(12, t.makerFee());
    }

    private static void writeTrade(CodedOutputStream o, Trade t) throws IOException {
        writeInt32(o, 1, t.bookId());
        writeInt64(o, 2, t.timestamp());
        writeInt64(o, 3, t.tradeId());
        writeEnum(o, 4, Enums.SIDE.number(t.takerSide()));
        writeInt64(o, 5, t.takerOrderId());
        writeInt64(o, 6, t.makerOrderId());
        writeSInt32(o, 7, t.takerAgentId());
        writeSInt32(o, 8, t.makerAgentId());
        writeInt64(o, 9, t.price());
        writeInt64(o, 10, t.volume());
        writeSInt64(o, 11, t.takerFee());
        writeSInt64(o, 12, t.makerFee());
    }

    private static int string(int field, String value) {
        return value.isEmpty() ? 0 : CodedOutputStream.computeStringSize(field, value);
    }

    private static void writeString(CodedOutputStream o, int field, String value) throws IOException {
        if (!value.isEmpty()) {
            o.writeString(field, value);
        }
    }
}
