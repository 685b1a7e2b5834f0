package io.mvtrx.runtime.wire.codec;

import io.mvtrx.api.event.CancelReason;
import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.OrderType;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.runtime.wire.proto.ModelProto;

/** The enum pairs the codecs share. */
final class Enums {

    static final EnumPair<Side, ModelProto.Side> SIDE =
            new EnumPair<>(Side.class, ModelProto.Side.class, "SIDE_");
    static final EnumPair<OrderType, ModelProto.OrderType> ORDER_TYPE =
            new EnumPair<>(OrderType.class, ModelProto.OrderType.class, "ORDER_TYPE_");
    static final EnumPair<Currency, ModelProto.Currency> CURRENCY =
            new EnumPair<>(Currency.class, ModelProto.Currency.class, "CURRENCY_");
    static final EnumPair<TimeInForce, ModelProto.TimeInForce> TIME_IN_FORCE =
            new EnumPair<>(TimeInForce.class, ModelProto.TimeInForce.class, "TIME_IN_FORCE_");
    static final EnumPair<StpMode, ModelProto.StpMode> STP =
            new EnumPair<>(StpMode.class, ModelProto.StpMode.class, "STP_MODE_");
    static final EnumPair<CancelReason, ModelProto.CancelReason> CANCEL_REASON =
            new EnumPair<>(CancelReason.class, ModelProto.CancelReason.class, "CANCEL_REASON_");
    static final EnumPair<RejectReason, ModelProto.RejectReason> REJECT_REASON =
            new EnumPair<>(RejectReason.class, ModelProto.RejectReason.class, "REJECT_REASON_");

    private Enums() {
    }
}
