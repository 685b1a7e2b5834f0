package io.mvtrx.runtime.wire.codec;

import java.util.List;
import java.util.Optional;

import io.mvtrx.api.event.RejectReason;
import io.mvtrx.api.instruction.PlaceLimit;
import io.mvtrx.api.notice.PositionCloseReport;
import io.mvtrx.api.order.Currency;
import io.mvtrx.api.order.Side;
import io.mvtrx.api.order.StpMode;
import io.mvtrx.api.order.TimeInForce;
import io.mvtrx.runtime.wire.proto.MinerProto;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodecRejectionTest {

    private static final PlaceLimit LIMIT = new PlaceLimit(3, Side.BUY, 30_000, 2_5000, Currency.BASE, 0,
            TimeInForce.GTC, 0, false, StpMode.CO, -1, -2, 0, 0, 0);

    @Test
    void refusesAnInstructionWithoutKind() {
        assertThatThrownBy(() -> InstructionCodec.decode(ModelProto.Instruction.getDefaultInstance()))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("field 'Instruction.kind' is unset");
    }

    @Test
    void refusesAnUnsetSide() {
        ModelProto.Instruction message = InstructionCodec.encode(LIMIT).toBuilder()
                .setPlaceLimit(InstructionCodec.encode(LIMIT).getPlaceLimit().toBuilder().clearSide())
                .build();

        assertThatThrownBy(() -> InstructionCodec.decode(message))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("field 'PlaceLimit.side': Side value 0 is unset");
    }

    @Test
    void refusesAnEnumNumberFromANewerSchema() {
        ModelProto.Instruction message = InstructionCodec.encode(LIMIT).toBuilder()
                .setPlaceLimit(InstructionCodec.encode(LIMIT).getPlaceLimit().toBuilder().setStpValue(9))
                .build();

        assertThatThrownBy(() -> InstructionCodec.decode(message))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("field 'PlaceLimit.stp': StpMode value 9 is unknown");
    }

    @Test
    void namesTheInstructionIndexWhenTheRecordRefusesAValue() {
        ModelProto.Instruction negativeDelay = InstructionCodec.encode(LIMIT).toBuilder()
                .setPlaceLimit(InstructionCodec.encode(LIMIT).getPlaceLimit().toBuilder().setDelay(-5))
                .build();
        MinerProto.AgentReply reply = MinerProto.AgentReply.newBuilder()
                .setAgentId(7)
                .addInstructions(InstructionCodec.encode(LIMIT))
                .addInstructions(negativeDelay)
                .build();

        assertThatThrownBy(() -> InstructionCodec.decode(reply))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("AgentReply instruction 1: instruction delay must be >= 0 ns, got -5");
    }

    @Test
    void refusesBytesThatAreNotBooks() {
        assertThatThrownBy(() -> BookCodec.decodeBooks(ByteString.copyFrom(new byte[] {(byte) 0xff, 1, 2})))
                .isInstanceOf(WireFormatException.class)
                .hasMessageStartingWith("books: not a Books message: ");
    }

    @Test
    void refusesABookWithoutSnapshot() {
        ByteString books = ModelProto.Books.newBuilder()
                .addBooks(ModelProto.BookState.newBuilder().setMakerTakerRatio(5))
                .build().toByteString();

        assertThatThrownBy(() -> BookCodec.decodeBooks(books))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("books[0]: field 'BookState.snapshot' is unset");
    }

    @Test
    void readsAnUnspecifiedFailureAsSuccess() {
        ModelProto.Notice message = ModelProto.Notice.newBuilder()
                .setPositionCloseReport(ModelProto.PositionCloseReport.newBuilder()
                        .setTimestamp(10).setBookId(1).setOrderId(4))
                .build();

        assertThat(NoticeCodec.decode(message))
                .isEqualTo(new PositionCloseReport(10, 1, 4, Optional.empty()));
    }

    @Test
    void mapsEveryRejectReasonByName() {
        for (RejectReason reason : RejectReason.values()) {
            assertThat(Enums.REJECT_REASON.encode(reason).name()).isEqualTo("REJECT_REASON_" + reason.name());
            assertThat(Enums.REJECT_REASON.decode(Enums.REJECT_REASON.encode(reason).getNumber(), "f"))
                    .isEqualTo(reason);
        }
        assertThat(List.of(ModelProto.RejectReason.values())).hasSize(RejectReason.values().length + 2);
    }
}
