package io.mvtrx.runtime.wire.codec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.mvtrx.api.instruction.CancelOrders;
import io.mvtrx.api.instruction.ClosePositions;
import io.mvtrx.api.instruction.Instruction;
import io.mvtrx.api.instruction.ResetAgents;
import io.mvtrx.api.state.AgentResponse;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Reads an {@code AgentReply} (miner.proto) straight from its bytes into instruction records, without the generated
 * messages: at 256 miners a publish brings some 65 000 instructions, and parsing each into a generated message and
 * its builder before the record was the largest share of the validator's garbage on the publish path.
 *
 * <p>It reads what the generated parser reads, the same way: a field given twice keeps the last value, an embedded
 * message given twice (an instruction's kind) is merged, a repeated field given twice appends, a kind that changes
 * starts afresh, {@code agent_ids} packed or not, unknown fields and known ones of another wire type skipped; what
 * the generated parser refuses ({@link InvalidProtocolBufferException}) it refuses. An instruction the records refuse
 * (an unknown enum, an unset kind, a negative delay) does not stop the reading: {@link Reply#response()} throws the
 * first one, as {@link InstructionCodec#decode(io.mvtrx.runtime.wire.proto.MinerProto.AgentReply)} does.
 * {@code AgentReplyReaderProperties} holds both to the same outcome on random and corrupted replies.
 *
 * <p>Stateless and thread-safe.
 */
public final class AgentReplyReader {

    private static final int VARINT = 0;
    private static final int LEN = 2;

    // AgentReply
    private static final int AGENT_ID = tag(1, VARINT);
    private static final int INSTRUCTIONS = tag(2, LEN);
    private static final int BOOKS_CACHE = tag(3, LEN);
    private static final int ACCOUNTS_KEPT = tag(4, VARINT);

    /**
     * {@link CodedInputStream}'s default nesting limit, which the generated parser counts embedded messages against:
     * unknown groups inside an embedded message at depth {@code d} may nest {@code d} levels fewer.
     */
    private static final int RECURSION_LIMIT = 100;

    // Instruction kinds, in oneof order
    private static final int PLACE_LIMIT = 1;
    private static final int PLACE_MARKET = 2;
    private static final int CANCEL_ORDERS = 3;
    private static final int CLOSE_POSITIONS = 4;
    private static final int RESET_AGENTS = 5;

    private AgentReplyReader() {
    }

    private static int tag(int field, int wireType) {
        return field << 3 | wireType;
    }

    /**
     * A reply as read: the agent id, the instructions that decoded, the first instruction refused (null when none),
     * the answering process's books cache and the nonce whose accounts the miner keeps.
     */
    public record Reply(int agentId, List<Instruction> instructions, WireFormatException invalid,
                        ByteString booksCache, long accountsKept) {

        /**
         * The agent's response.
         *
         * @throws WireFormatException the first refused instruction, naming its index
         */
        public AgentResponse response() {
            if (invalid != null) {
                throw invalid;
            }
            return new AgentResponse(agentId, instructions);
        }
    }

    /**
     * Reads a reply's bytes.
     *
     * @throws InvalidProtocolBufferException where the generated parser throws it
     */
    public static Reply read(byte[] bytes) throws InvalidProtocolBufferException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        int agentId = 0;
        List<Instruction> instructions = new ArrayList<>();
        WireFormatException invalid = null;
        ByteString booksCache = ByteString.EMPTY;
        long accountsKept = 0;
        Fields fields = new Fields();
        int index = 0;
        try {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == AGENT_ID) {
                    agentId = in.readSInt32();
                } else if (tag == INSTRUCTIONS) {
                    int limit = enter(in, 1);
                    fields.readInstruction(in);
                    leave(in, limit, 1);
                    if (invalid == null) { // the records of a reply refused anyway are not built
                        try {
                            instructions.add(fields.instruction());
                        } catch (IllegalArgumentException | WireFormatException e) {
                            invalid = InstructionCodec.invalidInstruction(index, e);
                        }
                    }
                    index++;
                } else if (tag == BOOKS_CACHE) {
                    booksCache = in.readBytes();
                } else if (tag == ACCOUNTS_KEPT) {
                    accountsKept = in.readInt64();
                } else {
                    skip(in, tag);
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidProtocolBufferException(e);
        }
        return new Reply(agentId, instructions, invalid, booksCache, accountsKept);
    }

    /** Skips an unknown field; an end-group tag ends no group here, which the generated parser refuses too. */
    private static void skip(CodedInputStream in, int tag) throws IOException {
        if (!in.skipField(tag)) {
            throw new InvalidProtocolBufferException("Protocol message end-group tag did not match expected tag.");
        }
    }

    /**
     * Starts reading an embedded message at nesting depth {@code depth}: its length becomes the stream's limit and
     * the nesting limit is lowered by the depth, as the generated parser's {@code readMessage} counts it. Returns the
     * limit to give back to {@link #leave}. (Two ints, not an object: this runs for every instruction of every reply.)
     */
    private static int enter(CodedInputStream in, int depth) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        in.setRecursionLimit(RECURSION_LIMIT - depth);
        return limit;
    }

    /** Ends what {@link #enter} started at {@code depth}: the enclosing message's limits again. */
    private static void leave(CodedInputStream in, int limit, int depth) {
        in.setRecursionLimit(RECURSION_LIMIT - depth + 1);
        in.popLimit(limit);
    }

    /**
     * One instruction's fields as read, reused from instruction to instruction. Each kind keeps its own fields for
     * the whole instruction, as the generated builder keeps a builder per kind once it made one: a kind given again
     * merges into what it had, even after another kind came between; the kind given last is the instruction's.
     */
    private static final class Fields {
        private int kind;
        /** The kinds met in this instruction, bit {@code k}. */
        private int met;
        /** Scalar fields by kind and field number, as the kind's message numbers them. */
        private final long[][] values = new long[RESET_AGENTS + 1][16];
        /** Cancellations (kind 3) or position closes (kind 4): order id and volume, two longs each. */
        private final long[][] pairs = {null, null, null, new long[16], new long[16], null};
        private final int[] pairCount = new int[RESET_AGENTS + 1];
        private final List<Integer> agentIds = new ArrayList<>();

        /** Reads one {@code Instruction} message up to the current limit. */
        void readInstruction(CodedInputStream in) throws IOException {
            for (int k = 1; k <= RESET_AGENTS; k++) {
                if ((met & 1 << k) != 0) {
                    Arrays.fill(values[k], 0);
                    pairCount[k] = 0;
                }
            }
            agentIds.clear();
            kind = 0;
            met = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                int field = tag >>> 3;
                if ((tag & 7) == LEN && field >= PLACE_LIMIT && field <= RESET_AGENTS) {
                    kind = field;
                    met |= 1 << field;
                    int limit = enter(in, 2);
                    readKind(in);
                    leave(in, limit, 2);
                } else {
                    skip(in, tag);
                }
            }
        }

        private void readKind(CodedInputStream in) throws IOException {
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (!readField(in, tag)) {
                    skip(in, tag);
                }
            }
        }

        /** Reads a known field of the current kind; false for any other tag. */
        private boolean readField(CodedInputStream in, int tag) throws IOException {
            int field = tag >>> 3;
            int wireType = tag & 7;
            long[] values = this.values[kind];
            switch (kind) {
                case PLACE_LIMIT -> {
                    if (wireType != VARINT || field < 1 || field > 15) {
                        return false;
                    }
                    values[field] = switch (field) {
                        case 1 -> in.readInt32();
                        case 2, 5, 7, 10 -> in.readEnum();
                        case 9 -> in.readBool() ? 1 : 0;
                        case 11, 12, 13, 14 -> in.readSInt64();
                        default -> in.readInt64();
                    };
                }
                case PLACE_MARKET -> {
                    if (wireType != VARINT || field < 1 || field > 12) {
                        return false;
                    }
                    values[field] = switch (field) {
                        case 1 -> in.readInt32();
                        case 2, 4, 7 -> in.readEnum();
                        case 8, 9, 10, 11 -> in.readSInt64();
                        default -> in.readInt64();
                    };
                }
                case CANCEL_ORDERS, CLOSE_POSITIONS -> {
                    if (tag == tag(1, VARINT)) {
                        values[1] = in.readInt32();
                    } else if (tag == tag(3, VARINT)) {
                        values[3] = in.readInt64();
                    } else if (tag == tag(2, LEN)) {
                        int limit = enter(in, 3);
                        readPair(in);
                        leave(in, limit, 3);
                    } else {
                        return false;
                    }
                }
                case RESET_AGENTS -> {
                    if (tag == tag(1, VARINT)) {
                        agentIds.add(in.readSInt32());
                    } else if (tag == tag(1, LEN)) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (in.getBytesUntilLimit() > 0) {
                            agentIds.add(in.readSInt32());
                        }
                        in.popLimit(limit);
                    } else if (tag == tag(2, VARINT)) {
                        values[2] = in.readInt64();
                    } else {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        /** One {@code Cancellation} or {@code PositionClose}: order id (int64) and volume (sint64). */
        private void readPair(CodedInputStream in) throws IOException {
            long orderId = 0;
            long volume = 0;
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == tag(1, VARINT)) {
                    orderId = in.readInt64();
                } else if (tag == tag(2, VARINT)) {
                    volume = in.readSInt64();
                } else {
                    skip(in, tag);
                }
            }
            int n = pairCount[kind];
            if (2 * n + 2 > pairs[kind].length) {
                pairs[kind] = Arrays.copyOf(pairs[kind], pairs[kind].length * 2);
            }
            pairs[kind][2 * n] = orderId;
            pairs[kind][2 * n + 1] = volume;
            pairCount[kind] = n + 1;
        }

        /** The record of the instruction read; refuses what {@link InstructionCodec#decode} refuses. */
        Instruction instruction() {
            long[] v = values[kind];
            long[] pairs = this.pairs[kind];
            int pairCount = this.pairCount[kind];
            return switch (kind) {
                case PLACE_LIMIT -> InstructionCodec.placeLimit((int) v[1], (int) v[2], v[3], v[4], (int) v[5], v[6],
                        (int) v[7], v[8], v[9] != 0, (int) v[10], v[11], v[12], v[13], v[14], v[15]);
                case PLACE_MARKET -> InstructionCodec.placeMarket((int) v[1], (int) v[2], v[3], (int) v[4], v[5],
                        v[6], (int) v[7], v[8], v[9], v[10], v[11], v[12]);
                case CANCEL_ORDERS -> {
                    List<CancelOrders.Cancellation> cancellations = new ArrayList<>(pairCount);
                    for (int i = 0; i < pairCount; i++) {
                        cancellations.add(new CancelOrders.Cancellation(pairs[2 * i], pairs[2 * i + 1]));
                    }
                    yield new CancelOrders((int) v[1], cancellations, v[3]);
                }
                case CLOSE_POSITIONS -> {
                    List<ClosePositions.PositionClose> closes = new ArrayList<>(pairCount);
                    for (int i = 0; i < pairCount; i++) {
                        closes.add(new ClosePositions.PositionClose(pairs[2 * i], pairs[2 * i + 1]));
                    }
                    yield new ClosePositions((int) v[1], closes, v[3]);
                }
                case RESET_AGENTS -> new ResetAgents(agentIds, v[2]);
                default -> throw InstructionCodec.unsetKind();
            };
        }
    }
}
