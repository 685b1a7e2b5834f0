package io.mvtrx.runtime.wire.codec;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.instruction.PlaceMarket;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.runtime.wire.proto.MinerProto;
import io.mvtrx.runtime.wire.proto.ModelProto;

/**
 * {@link Instruction} records and {@link AgentResponse} to and from their messages, field for field.
 *
 * <p>Stateless and thread-safe. Decoding throws {@link WireFormatException} naming the instruction's index and
 * field when a kind or enum is unset or unknown, or when the record refuses a value (a negative delay).
 */
public final class InstructionCodec {

    private InstructionCodec() {
    }

    /** The reply message for an agent's response. */
    public static MinerProto.AgentReply encode(AgentResponse response) {
        MinerProto.AgentReply.Builder reply = MinerProto.AgentReply.newBuilder().setAgentId(response.agentId());
        for (Instruction instruction : response.instructions()) {
            reply.addInstructions(encode(instruction));
        }
        return reply.build();
    }

    /** The agent response a reply carries. */
    public static AgentResponse decode(MinerProto.AgentReply reply) {
        List<Instruction> instructions = new ArrayList<>(reply.getInstructionsCount());
        for (int i = 0; i < reply.getInstructionsCount(); i++) {
            try {
                instructions.add(decode(reply.getInstructions(i)));
            } catch (IllegalArgumentException | WireFormatException e) {
                throw invalidInstruction(i, e);
            }
        }
        return new AgentResponse(reply.getAgentId(), instructions);
    }

    /** One instruction's message. */
    public static ModelProto.Instruction encode(Instruction instruction) {
        ModelProto.Instruction.Builder out = ModelProto.Instruction.newBuilder();
        switch (instruction) {
            case PlaceLimit l -> out.setPlaceLimit(ModelProto.PlaceLimit.newBuilder()
                    .setBookId(l.bookId())
                    .setSide(Enums.SIDE.encode(l.side()))
                    .setPrice(l.price())
                    .setVolume(l.volume())
                    .setCurrency(Enums.CURRENCY.encode(l.currency()))
                    .setLeverage(l.leverage())
                    .setTimeInForce(Enums.TIME_IN_FORCE.encode(l.timeInForce()))
                    .setExpiryPeriod(l.expiryPeriod())
                    .setPostOnly(l.postOnly())
                    .setStp(Enums.STP.encode(l.stp()))
                    .setClientOrderId(l.clientOrderId())
                    .setSettleFlag(l.settleFlag())
                    .setStopLoss(l.stopLoss())
                    .setTakeProfit(l.takeProfit())
                    .setDelay(l.delay()));
            case PlaceMarket m -> out.setPlaceMarket(ModelProto.PlaceMarket.newBuilder()
                    .setBookId(m.bookId())
                    .setSide(Enums.SIDE.encode(m.side()))
                    .setVolume(m.volume())
                    .setCurrency(Enums.CURRENCY.encode(m.currency()))
                    .setLeverage(m.leverage())
                    .setMaxSlippage(m.maxSlippage())
                    .setStp(Enums.STP.encode(m.stp()))
                    .setClientOrderId(m.clientOrderId())
                    .setSettleFlag(m.settleFlag())
                    .setStopLoss(m.stopLoss())
                    .setTakeProfit(m.takeProfit())
                    .setDelay(m.delay()));
            case CancelOrders c -> {
                ModelProto.CancelOrders.Builder cancel = ModelProto.CancelOrders.newBuilder()
                        .setBookId(c.bookId())
                        .setDelay(c.delay());
                for (CancelOrders.Cancellation x : c.cancellations()) {
                    cancel.addCancellations(ModelProto.CancelOrders.Cancellation.newBuilder()
                            .setOrderId(x.orderId()).setVolume(x.volume()));
                }
                out.setCancelOrders(cancel);
            }
            case ClosePositions c -> {
                ModelProto.ClosePositions.Builder close = ModelProto.ClosePositions.newBuilder()
                        .setBookId(c.bookId())
                        .setDelay(c.delay());
                for (ClosePositions.PositionClose x : c.closes()) {
                    close.addCloses(ModelProto.ClosePositions.PositionClose.newBuilder()
                            .setOrderId(x.orderId()).setVolume(x.volume()));
                }
                out.setClosePositions(close);
            }
            case ResetAgents r -> out.setResetAgents(ModelProto.ResetAgents.newBuilder()
                    .addAllAgentIds(r.agentIds())
                    .setDelay(r.delay()));
        }
        return out.build();
    }

    /** The instruction a message carries. */
    public static Instruction decode(ModelProto.Instruction message) {
        return switch (message.getKindCase()) {
            case PLACE_LIMIT -> {
                ModelProto.PlaceLimit l = message.getPlaceLimit();
                yield placeLimit(l.getBookId(), l.getSideValue(), l.getPrice(), l.getVolume(), l.getCurrencyValue(),
                        l.getLeverage(), l.getTimeInForceValue(), l.getExpiryPeriod(), l.getPostOnly(),
                        l.getStpValue(), l.getClientOrderId(), l.getSettleFlag(), l.getStopLoss(), l.getTakeProfit(),
                        l.getDelay());
            }
            case PLACE_MARKET -> {
                ModelProto.PlaceMarket m = message.getPlaceMarket();
                yield placeMarket(m.getBookId(), m.getSideValue(), m.getVolume(), m.getCurrencyValue(),
                        m.getLeverage(), m.getMaxSlippage(), m.getStpValue(), m.getClientOrderId(),
                        m.getSettleFlag(), m.getStopLoss(), m.getTakeProfit(), m.getDelay());
            }
            case CANCEL_ORDERS -> {
                ModelProto.CancelOrders c = message.getCancelOrders();
                List<CancelOrders.Cancellation> cancellations = new ArrayList<>(c.getCancellationsCount());
                for (ModelProto.CancelOrders.Cancellation x : c.getCancellationsList()) {
                    cancellations.add(new CancelOrders.Cancellation(x.getOrderId(), x.getVolume()));
                }
                yield new CancelOrders(c.getBookId(), cancellations, c.getDelay());
            }
            case CLOSE_POSITIONS -> {
                ModelProto.ClosePositions c = message.getClosePositions();
                List<ClosePositions.PositionClose> closes = new ArrayList<>(c.getClosesCount());
                for (ModelProto.ClosePositions.PositionClose x : c.getClosesList()) {
                    closes.add(new ClosePositions.PositionClose(x.getOrderId(), x.getVolume()));
                }
                yield new ClosePositions(c.getBookId(), closes, c.getDelay());
            }
            case RESET_AGENTS -> {
                ModelProto.ResetAgents r = message.getResetAgents();
                yield new ResetAgents(r.getAgentIdsList(), r.getDelay());
            }
            case KIND_NOT_SET -> throw unsetKind();
        };
    }

    /**
     * A {@code PlaceLimit} from its fields' wire values, enums as their numbers: what both decoders (the generated
     * messages' above and {@link AgentReplyReader}) build, so they refuse the same values with the same words.
     */
    static PlaceLimit placeLimit(int bookId, int side, long price, long volume, int currency, long leverage,
                                 int timeInForce, long expiryPeriod, boolean postOnly, int stp, long clientOrderId,
                                 long settleFlag, long stopLoss, long takeProfit, long delay) {
        return new PlaceLimit(bookId, Enums.SIDE.decode(side, "PlaceLimit.side"), price, volume,
                Enums.CURRENCY.decode(currency, "PlaceLimit.currency"), leverage,
                Enums.TIME_IN_FORCE.decode(timeInForce, "PlaceLimit.time_in_force"), expiryPeriod, postOnly,
                Enums.STP.decode(stp, "PlaceLimit.stp"), clientOrderId, settleFlag, stopLoss, takeProfit, delay);
    }

    /** A {@code PlaceMarket} from its fields' wire values, as {@link #placeLimit} for limit orders. */
    static PlaceMarket placeMarket(int bookId, int side, long volume, int currency, long leverage, long maxSlippage,
                                   int stp, long clientOrderId, long settleFlag, long stopLoss, long takeProfit,
                                   long delay) {
        return new PlaceMarket(bookId, Enums.SIDE.decode(side, "PlaceMarket.side"), volume,
                Enums.CURRENCY.decode(currency, "PlaceMarket.currency"), leverage, maxSlippage,
                Enums.STP.decode(stp, "PlaceMarket.stp"), clientOrderId, settleFlag, stopLoss, takeProfit, delay);
    }

    static WireFormatException unsetKind() {
        return new WireFormatException("field 'Instruction.kind' is unset");
    }

    /** The refusal of instruction {@code index} of a reply, as both decoders word it. */
    static WireFormatException invalidInstruction(int index, RuntimeException e) {
        return new WireFormatException(e, "AgentReply instruction %d: %s", index, e.getMessage());
    }
}
