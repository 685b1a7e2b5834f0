package io.mvtrx.runtime.wire.codec;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.notice.AgentReset;
import io.mvtrx.api.notice.CancelReport;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.notice.OrderAccepted;
import io.mvtrx.api.notice.OrderRejected;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.notice.SimulationEnded;
import io.mvtrx.api.notice.SimulationStarted;
import io.mvtrx.api.notice.TradeNotice;
import io.mvtrx.runtime.wire.proto.MinerProto;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * {@link Notice} records to and from their messages. An empty {@code failure} travels as
 * {@code REJECT_REASON_UNSPECIFIED}.
 *
 * <p>Stateless and thread-safe.
 */
public final class NoticeCodec {

    private NoticeCodec() {
    }

    /** Serializes notices delivered between publishes into {@code NoticeBatch} bytes. */
    public static ByteString encodeBatch(List<Notice> notices) {
        MinerProto.NoticeBatch.Builder out = MinerProto.NoticeBatch.newBuilder();
        for (Notice notice : notices) {
            out.addNotices(encode(notice));
        }
        return out.build().toByteString();
    }

    /** Parses {@code NoticeBatch} bytes. */
    public static List<Notice> decodeBatch(ByteString bytes) {
        MinerProto.NoticeBatch batch;
        try {
            batch = MinerProto.NoticeBatch.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new WireFormatException(e, "notices: not a NoticeBatch message: %s", e.getMessage());
        }
        return decodeAll(batch.getNoticesList(), "notices");
    }

    static List<Notice> decodeAll(List<ModelProto.Notice> messages, String where) {
        List<Notice> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            try {
                out.add(decode(messages.get(i)));
            } catch (IllegalArgumentException | WireFormatException e) {
                throw new WireFormatException(e, "%s[%d]: %s", where, i, e.getMessage());
            }
        }
        return out;
    }

    /** One notice's message. */
    public static ModelProto.Notice encode(Notice notice) {
        ModelProto.Notice.Builder out = ModelProto.Notice.newBuilder();
        switch (notice) {
            case SimulationStarted s -> out.setSimulationStarted(ModelProto.SimulationStarted.newBuilder()
                    .setTimestamp(s.timestamp()).setSimulationId(s.simulationId()));
            case SimulationEnded s -> out.setSimulationEnded(ModelProto.SimulationEnded.newBuilder()
                    .setTimestamp(s.timestamp()).setSimulationId(s.simulationId()));
            case OrderAccepted a -> out.setOrderAccepted(ModelProto.OrderAccepted.newBuilder()
                    .setTimestamp(a.timestamp())
                    .setBookId(a.bookId())
                    .setOrderId(a.orderId())
                    .setClientOrderId(a.clientOrderId())
                    .setType(Enums.ORDER_TYPE.encode(a.type()))
                    .setSide(Enums.SIDE.encode(a.side()))
                    .setPrice(a.price())
                    .setVolume(a.volume())
                    .setLeverage(a.leverage()));
            case OrderRejected r -> out.setOrderRejected(ModelProto.OrderRejected.newBuilder()
                    .setTimestamp(r.timestamp())
                    .setBookId(r.bookId())
                    .setClientOrderId(r.clientOrderId())
                    .setType(Enums.ORDER_TYPE.encode(r.type()))
                    .setSide(Enums.SIDE.encode(r.side()))
                    .setReason(Enums.REJECT_REASON.encode(r.reason())));
            case CancelReport c -> out.setCancelReport(ModelProto.CancelReport.newBuilder()
                    .setTimestamp(c.timestamp())
                    .setBookId(c.bookId())
                    .setOrderId(c.orderId())
                    .setVolume(c.volume())
                    .setReason(Enums.CANCEL_REASON.encode(c.reason()))
                    .setFailure(Enums.REJECT_REASON.encodeOptional(c.failure(),
                            ModelProto.RejectReason.REJECT_REASON_UNSPECIFIED)));
            case TradeNotice t -> out.setTradeNotice(ModelProto.TradeNotice.newBuilder()
                    .setTrade(BookCodec.encode(t.trade()))
                    .setClientOrderId(t.clientOrderId())
                    .setAsMaker(t.asMaker()));
            case PositionCloseReport p -> out.setPositionCloseReport(ModelProto.PositionCloseReport.newBuilder()
                    .setTimestamp(p.timestamp())
                    .setBookId(p.bookId())
                    .setOrderId(p.orderId())
                    .setFailure(Enums.REJECT_REASON.encodeOptional(p.failure(),
                            ModelProto.RejectReason.REJECT_REASON_UNSPECIFIED)));
            case AgentReset r -> out.setAgentReset(ModelProto.AgentReset.newBuilder()
                    .setTimestamp(r.timestamp()).setAgentId(r.agentId()));
        }
        return out.build();
    }

    /** The notice a message carries. */
    public static Notice decode(ModelProto.Notice message) {
        return switch (message.getKindCase()) {
            case SIMULATION_STARTED -> new SimulationStarted(message.getSimulationStarted().getTimestamp(),
                    message.getSimulationStarted().getSimulationId());
            case SIMULATION_ENDED -> new SimulationEnded(message.getSimulationEnded().getTimestamp(),
                    message.getSimulationEnded().getSimulationId());
            case ORDER_ACCEPTED -> {
                ModelProto.OrderAccepted a = message.getOrderAccepted();
                yield new OrderAccepted(a.getTimestamp(), a.getBookId(), a.getOrderId(), a.getClientOrderId(),
                        Enums.ORDER_TYPE.decode(a.getTypeValue(), "OrderAccepted.type"),
                        Enums.SIDE.decode(a.getSideValue(), "OrderAccepted.side"),
                        a.getPrice(), a.getVolume(), a.getLeverage());
            }
            case ORDER_REJECTED -> {
                ModelProto.OrderRejected r = message.getOrderRejected();
                yield new OrderRejected(r.getTimestamp(), r.getBookId(), r.getClientOrderId(),
                        Enums.ORDER_TYPE.decode(r.getTypeValue(), "OrderRejected.type"),
                        Enums.SIDE.decode(r.getSideValue(), "OrderRejected.side"),
                        Enums.REJECT_REASON.decode(r.getReasonValue(), "OrderRejected.reason"));
            }
            case CANCEL_REPORT -> {
                ModelProto.CancelReport c = message.getCancelReport();
                yield new CancelReport(c.getTimestamp(), c.getBookId(), c.getOrderId(), c.getVolume(),
                        Enums.CANCEL_REASON.decode(c.getReasonValue(), "CancelReport.reason"),
                        Enums.REJECT_REASON.decodeOptional(c.getFailureValue(), "CancelReport.failure"));
            }
            case TRADE_NOTICE -> {
                ModelProto.TradeNotice t = message.getTradeNotice();
                Checks.require(t.hasTrade(), "TradeNotice.trade");
                yield new TradeNotice(BookCodec.decode(t.getTrade()), t.getClientOrderId(), t.getAsMaker());
            }
            case POSITION_CLOSE_REPORT -> {
                ModelProto.PositionCloseReport p = message.getPositionCloseReport();
                yield new PositionCloseReport(p.getTimestamp(), p.getBookId(), p.getOrderId(),
                        Enums.REJECT_REASON.decodeOptional(p.getFailureValue(), "PositionCloseReport.failure"));
            }
            case AGENT_RESET -> new AgentReset(message.getAgentReset().getTimestamp(),
                    message.getAgentReset().getAgentId());
            case KIND_NOT_SET -> throw new WireFormatException("field 'Notice.kind' is unset");
        };
    }
}
