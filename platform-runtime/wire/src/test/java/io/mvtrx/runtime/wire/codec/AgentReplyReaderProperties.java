package io.mvtrx.runtime.wire.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.runtime.wire.proto.MinerProto;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AgentReplyReader} against the generated parser followed by {@link InstructionCodec#decode}: for every input
 * both refuse the bytes, or both give the same response (or refuse the same instruction with the same words), books
 * cache and kept accounts. Replies come valid, with values the records refuse, with fields repeated and kinds merged
 * or replaced, with unknown fields of every wire type, and corrupted byte by byte.
 */
class AgentReplyReaderProperties {

    /** What reading a reply came to. */
    private record Outcome(String kind, AgentResponse response, String refusal, ByteString booksCache,
                           long accountsKept) {

        static Outcome refusedBytes() {
            return new Outcome("bytes refused", null, null, null, 0);
        }
    }

    private static Outcome generated(byte[] bytes) {
        MinerProto.AgentReply reply;
        try {
            reply = MinerProto.AgentReply.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return Outcome.refusedBytes();
        }
        try {
            return new Outcome("read", InstructionCodec.decode(reply), null, reply.getBooksCache(),
                    reply.getAccountsKept());
        } catch (RuntimeException e) {
            return new Outcome("instruction refused", null, e.getClass().getName() + ": " + e.getMessage(),
                    reply.getBooksCache(), reply.getAccountsKept());
        }
    }

    private static Outcome direct(byte[] bytes) {
        AgentReplyReader.Reply reply;
        try {
            reply = AgentReplyReader.read(bytes);
        } catch (InvalidProtocolBufferException e) {
            return Outcome.refusedBytes();
        }
        try {
            return new Outcome("read", reply.response(), null, reply.booksCache(), reply.accountsKept());
        } catch (RuntimeException e) {
            return new Outcome("instruction refused", null, e.getClass().getName() + ": " + e.getMessage(),
                    reply.booksCache(), reply.accountsKept());
        }
    }

    private static void assertSameOutcome(byte[] bytes) {
        assertThat(direct(bytes)).as("%s", Arrays.toString(bytes)).isEqualTo(generated(bytes));
    }

    /** As {@link #assertSameOutcome}, counting the outcomes a property met. */
    private static void assertSameOutcomeCounted(byte[] bytes) {
        Statistics.collect(generated(bytes).kind());
        assertSameOutcome(bytes);
    }

    @Property(tries = 400)
    void aReplyReadsAsTheGeneratedParserReadsIt(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        byte[] bytes = reply(random).toByteArray();
        assertSameOutcomeCounted(bytes);
        if (random.nextInt(4) == 0) { // two replies one after the other: one reply, instructions appended
            assertSameOutcomeCounted(concat(bytes, reply(random).toByteArray()));
        }
    }

    @Property(tries = 400)
    void repeatedFieldsMergedKindsAndUnknownFieldsReadAsTheGeneratedParserReadsThem(@ForAll long seed)
            throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        int fields = 1 + random.nextInt(6);
        for (int f = 0; f < fields; f++) {
            switch (random.nextInt(6)) {
                case 0 -> o.writeSInt32(1, random.nextInt());
                case 1 -> o.writeBytes(3, ByteString.copyFrom(bytes(random, random.nextInt(17))));
                case 2 -> o.writeInt64(4, random.nextLong());
                case 3 -> unknownField(random, o, 3);
                default -> o.writeByteArray(2, instructionParts(random));
            }
        }
        o.flush();
        assertSameOutcomeCounted(out.toByteArray());
    }

    @Property(tries = 600)
    void corruptedRepliesReadAsTheGeneratedParserReadsThem(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        byte[] bytes = reply(random).toByteArray();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(4)) {
                case 0 -> { // flip a byte
                    byte[] copy = bytes.clone();
                    copy[at] = (byte) random.nextInt(256);
                    yield copy;
                }
                case 1 -> Arrays.copyOf(bytes, at); // cut short
                case 2 -> concat(Arrays.copyOf(bytes, at), concat(bytes(random, 1 + random.nextInt(4)),
                        Arrays.copyOfRange(bytes, at, bytes.length))); // bytes inserted
                default -> concat(bytes, Arrays.copyOfRange(bytes, at, bytes.length)); // a tail repeated
            };
        }
        assertSameOutcomeCounted(bytes);
    }

    /**
     * Unknown groups nested {@code n} deep in the reply, an instruction, its kind and a cancellation: refused from the
     * same depth as the generated parser refuses them, which counts the embedded messages they sit in against its
     * limit of 100.
     */
    @Test
    void unknownGroupsAreRefusedFromTheSameDepthAsTheGeneratedParserRefusesThem() throws IOException {
        List<String> refusedFrom = new ArrayList<>();
        for (int depth = 0; depth <= 3; depth++) {
            int first = -1;
            for (int n = 94; n <= 102; n++) {
                byte[] group = groups(n);
                byte[] bytes = switch (depth) {
                    case 0 -> concat(field(2, field(3, new byte[0])), group);
                    case 1 -> field(2, concat(field(3, new byte[0]), group));
                    case 2 -> field(2, field(3, group));
                    default -> field(2, field(3, field(2, group)));
                };
                assertSameOutcome(bytes);
                if (first < 0 && generated(bytes).kind().equals("bytes refused")) {
                    first = n;
                }
            }
            refusedFrom.add(depth + " deep: " + first + " groups");
        }
        assertThat(refusedFrom).containsExactly("0 deep: 101 groups", "1 deep: 100 groups", "2 deep: 99 groups",
                "3 deep: 98 groups");
    }

    // ------------------------------------------------------------------------------------------ generators

    private static MinerProto.AgentReply reply(Random random) {
        MinerProto.AgentReply.Builder reply = MinerProto.AgentReply.newBuilder().setAgentId(random.nextInt());
        RecordGen records = new RecordGen(random);
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            reply.addInstructions(random.nextInt(3) == 0 ? rawInstruction(random)
                    : InstructionCodec.encode(records.instruction()));
        }
        if (random.nextBoolean()) {
            reply.setBooksCache(ByteString.copyFrom(bytes(random, 16)));
        }
        if (random.nextBoolean()) {
            reply.setAccountsKept(random.nextLong());
        }
        return reply.build();
    }

    /** An instruction built from wire values: enums of any number (0 unset, 4+ unknown), delays of any sign. */
    private static ModelProto.Instruction rawInstruction(Random random) {
        ModelProto.Instruction.Builder out = ModelProto.Instruction.newBuilder();
        switch (random.nextInt(6)) {
            case 0 -> out.setPlaceLimit(ModelProto.PlaceLimit.newBuilder().setBookId(random.nextInt())
                    .setSideValue(random.nextInt(5)).setPrice(random.nextLong()).setVolume(random.nextLong())
                    .setCurrencyValue(random.nextInt(4)).setTimeInForceValue(random.nextInt(6))
                    .setStpValue(random.nextInt(7)).setPostOnly(random.nextBoolean())
                    .setClientOrderId(random.nextLong()).setDelay(random.nextInt(3) - 1));
            case 1 -> out.setPlaceMarket(ModelProto.PlaceMarket.newBuilder().setBookId(random.nextInt())
                    .setSideValue(random.nextInt(5)).setVolume(random.nextLong()).setCurrencyValue(random.nextInt(4))
                    .setStpValue(random.nextInt(7)).setMaxSlippage(random.nextLong())
                    .setDelay(random.nextInt(3) - 1));
            case 2 -> out.setCancelOrders(ModelProto.CancelOrders.newBuilder().setBookId(random.nextInt())
                    .addCancellations(ModelProto.CancelOrders.Cancellation.newBuilder()
                            .setOrderId(random.nextLong()).setVolume(random.nextLong()))
                    .setDelay(random.nextInt(3) - 1));
            case 3 -> out.setClosePositions(ModelProto.ClosePositions.newBuilder().setBookId(random.nextInt())
                    .addCloses(ModelProto.ClosePositions.PositionClose.newBuilder().setOrderId(random.nextLong()))
                    .setDelay(random.nextInt(3) - 1));
            case 4 -> out.setResetAgents(ModelProto.ResetAgents.newBuilder().addAgentIds(random.nextInt())
                    .addAgentIds(-random.nextInt(1000)).setDelay(random.nextInt(3) - 1));
            default -> { } // no kind
        }
        return out.build();
    }

    /**
     * One {@code Instruction} message written part by part: kinds given one or more times (merged when the same,
     * replaced when not), each kind's bytes of one or two encodings, agent ids packed or not, unknown fields between.
     */
    private static byte[] instructionParts(Random random) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        int parts = 1 + random.nextInt(3);
        for (int p = 0; p < parts; p++) {
            if (random.nextInt(4) == 0) {
                unknownField(random, o, 2);
                continue;
            }
            ModelProto.Instruction one = random.nextBoolean() ? rawInstruction(random)
                    : InstructionCodec.encode(new RecordGen(random).instruction());
            if (one.getKindCase() == ModelProto.Instruction.KindCase.KIND_NOT_SET) {
                continue;
            }
            int field = one.getKindCase().getNumber();
            byte[] kind = switch (one.getKindCase()) {
                case PLACE_LIMIT -> one.getPlaceLimit().toByteArray();
                case PLACE_MARKET -> one.getPlaceMarket().toByteArray();
                case CANCEL_ORDERS -> one.getCancelOrders().toByteArray();
                case CLOSE_POSITIONS -> one.getClosePositions().toByteArray();
                default -> unpackedOrPacked(random, one.getResetAgents());
            };
            if (random.nextInt(3) == 0) { // a field of the kind given again, or an unknown one, inside the kind
                ByteArrayOutputStream extra = new ByteArrayOutputStream();
                CodedOutputStream e = CodedOutputStream.newInstance(extra);
                if (random.nextBoolean()) {
                    e.writeInt64(1 + random.nextInt(15), random.nextLong());
                } else {
                    unknownField(random, e, 2);
                }
                e.flush();
                kind = concat(kind, extra.toByteArray());
            }
            o.writeByteArray(field, kind);
        }
        o.flush();
        return out.toByteArray();
    }

    /** A {@code ResetAgents} with its agent ids unpacked (each its own field) or packed, as senders may write them. */
    private static byte[] unpackedOrPacked(Random random, ModelProto.ResetAgents reset) throws IOException {
        if (random.nextBoolean()) {
            return reset.toByteArray(); // packed
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        for (int id : reset.getAgentIdsList()) {
            o.writeSInt32(1, id);
        }
        o.writeInt64(2, reset.getDelay());
        o.flush();
        return out.toByteArray();
    }

    /** A field unknown here, or a known number of another wire type: varint, fixed, bytes or a group. */
    private static void unknownField(Random random, CodedOutputStream o, int knownMax) throws IOException {
        int number = random.nextBoolean() ? 1 + random.nextInt(knownMax) : 20 + random.nextInt(1000);
        switch (random.nextInt(5)) {
            case 0 -> o.writeUInt64(number, random.nextLong());
            case 1 -> o.writeFixed32(number, random.nextInt());
            case 2 -> o.writeFixed64(number, random.nextLong());
            case 3 -> {
                o.writeTag(number, WireFormat.WIRETYPE_START_GROUP);
                o.writeUInt64(1, random.nextLong());
                o.writeTag(number, WireFormat.WIRETYPE_END_GROUP);
            }
            default -> o.writeByteArray(number, bytes(random, random.nextInt(9)));
        }
    }

    private static byte[] groups(int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        for (int i = 0; i < n; i++) {
            o.writeTag(9, WireFormat.WIRETYPE_START_GROUP);
        }
        for (int i = 0; i < n; i++) {
            o.writeTag(9, WireFormat.WIRETYPE_END_GROUP);
        }
        o.flush();
        return out.toByteArray();
    }

    /** A length-delimited field. */
    private static byte[] field(int number, byte[] contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CodedOutputStream o = CodedOutputStream.newInstance(out);
        o.writeByteArray(number, contents);
        o.flush();
        return out.toByteArray();
    }

    private static byte[] bytes(Random random, int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
