package io.mvtrx.runtime.wire.codec;

import java.util.Random;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.event.BookEvent;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.wire.proto.MinerProto;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code decode(encode(x)).equals(x)} for every record kind, through the serialized bytes, over random records with
 * edge-biased numbers. Coverage checks make sure every kind of each sealed family was drawn.
 */
class CodecRoundTripProperties {

    @Property(tries = 400)
    void everyInstructionKindSurvivesTheWire(@ForAll @IntRange(min = 0, max = 4) int kind, @ForAll long seed)
            throws InvalidProtocolBufferException {
        Instruction x = new RecordGen(new Random(seed)).instruction(kind);
        Statistics.label("kind").collect(x.getClass().getSimpleName())
                .coverage(c -> {
                    c.check("PlaceLimit").count(n -> n > 0);
                    c.check("PlaceMarket").count(n -> n > 0);
                    c.check("CancelOrders").count(n -> n > 0);
                    c.check("ClosePositions").count(n -> n > 0);
                    c.check("ResetAgents").count(n -> n > 0);
                });

        byte[] bytes = InstructionCodec.encode(x).toByteArray();

        assertThat(InstructionCodec.decode(ModelProto.Instruction.parseFrom(bytes))).isEqualTo(x);
    }

    @Property(tries = 300)
    void everyBookEventKindSurvivesTheWire(@ForAll @IntRange(min = 0, max = 2) int kind, @ForAll long seed)
            throws InvalidProtocolBufferException {
        BookEvent x = new RecordGen(new Random(seed)).event(kind);
        Statistics.label("kind").collect(x.getClass().getSimpleName())
                .coverage(c -> {
                    c.check("OrderPlaced").count(n -> n > 0);
                    c.check("Trade").count(n -> n > 0);
                    c.check("OrderCancelled").count(n -> n > 0);
                });

        byte[] bytes = BookCodec.encode(x).toByteArray();

        assertThat(BookCodec.decode(ModelProto.BookEvent.parseFrom(bytes))).isEqualTo(x);
    }

    @Property(tries = 400)
    void everyNoticeKindSurvivesTheWire(@ForAll @IntRange(min = 0, max = 7) int kind, @ForAll long seed)
            throws InvalidProtocolBufferException {
        Notice x = new RecordGen(new Random(seed)).notice(kind);
        Statistics.label("kind").collect(x.getClass().getSimpleName())
                .coverage(c -> {
                    for (String name : new String[] {"SimulationStarted", "SimulationEnded", "OrderAccepted",
                            "OrderRejected", "CancelReport", "TradeNotice", "PositionCloseReport", "AgentReset"}) {
                        c.check(name).count(n -> n > 0);
                    }
                });

        byte[] bytes = NoticeCodec.encode(x).toByteArray();

        assertThat(NoticeCodec.decode(ModelProto.Notice.parseFrom(bytes))).isEqualTo(x);
    }

    @Property(tries = 200)
    void accountsSurviveTheWire(@ForAll long seed) throws InvalidProtocolBufferException {
        Account x = new RecordGen(new Random(seed)).account();

        byte[] bytes = AccountCodec.encode(x).toByteArray();

        assertThat(AccountCodec.decode(ModelProto.Account.parseFrom(bytes))).isEqualTo(x);
    }

    @Property(tries = 200)
    void booksWithDetailedAndBroadLevelsAndEventsSurviveTheWire(@ForAll long seed) {
        RecordGen gen = new RecordGen(new Random(seed));
        var books = gen.list(4, RecordGen::book);

        ByteString bytes = BookCodec.encodeBooks(books);

        assertThat(BookCodec.decodeBooks(bytes)).isEqualTo(books);
    }

    @Property(tries = 200)
    void aStateUpdateSurvivesTheSplitIntoBooksAndMinerPayload(@ForAll long seed, @ForAll int agentId) {
        StateUpdate x = new RecordGen(new Random(seed)).state();

        ByteString books = BookCodec.encodeBooks(x.books());
        ByteString payload = StateCodec.encodePayload(agentId, x.timestamp(), x.simulation(), x.accounts(),
                x.notices());
        StateCodec.ReceivedState received = StateCodec.decode(books, payload);

        assertThat(received.agentId()).isEqualTo(agentId);
        assertThat(received.state()).isEqualTo(x);
    }

    @Property(tries = 200)
    void agentResponsesSurviveTheWire(@ForAll long seed) throws InvalidProtocolBufferException {
        AgentResponse x = new RecordGen(new Random(seed)).response();

        byte[] bytes = InstructionCodec.encode(x).toByteArray();

        assertThat(InstructionCodec.decode(MinerProto.AgentReply.parseFrom(bytes))).isEqualTo(x);
    }

    @Property(tries = 100)
    void noticeBatchesSurviveTheWire(@ForAll long seed) {
        var notices = new RecordGen(new Random(seed)).list(8, RecordGen::notice);

        assertThat(NoticeCodec.decodeBatch(NoticeCodec.encodeBatch(notices))).isEqualTo(notices);
    }

    @Property(tries = 50)
    void bookStatesDecodeToEqualRecords(@ForAll long seed) {
        BookState x = new RecordGen(new Random(seed)).book();

        assertThat(BookCodec.decode(BookCodec.encode(x))).isEqualTo(x);
    }
}
