package io.mvtrx.runtime.wire.codec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.state.BookState;
import io.mvtrx.api.state.SimulationInfo;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.wire.proto.MinerProto;
import io.mvtrx.runtime.wire.proto.ModelProto;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * A {@link StateUpdate} split the way the wire carries it: the books (shared by every miner, see
 * {@link BookCodec#encodeBooks}) and one miner's payload (timestamp, simulation info, that miner's uid, accounts and
 * notices).
 *
 * <p>Stateless and thread-safe.
 */
public final class StateCodec {

    private StateCodec() {
    }

    /**
     * A state update as one miner receives it.
     *
     * @param agentId the receiving miner's uid
     * @param state   what its agent is handed
     */
    public record ReceivedState(int agentId, StateUpdate state) {
    }

    /** Serializes one miner's part of a step into {@code MinerPayload} bytes. */
    public static ByteString encodePayload(int agentId, long timestamp, SimulationInfo simulation,
                                           Map<Integer, Account> accounts, List<Notice> notices) {
        return encodePayload(agentId, timestamp, encode(simulation).toByteString(), accounts, notices);
    }

    /**
     * As {@link #encodePayload(int, long, SimulationInfo, Map, List)}, with the simulation info already encoded
     * ({@link #encode(SimulationInfo)}): a validator encodes it once per step and writes it into every miner's payload.
     */
    public static ByteString encodePayload(int agentId, long timestamp, ByteString simulation,
                                           Map<Integer, Account> accounts, List<Notice> notices) {
        return PayloadWriter.write(agentId, timestamp, simulation, accounts, notices);
    }

    /** The same bytes as {@link #encodePayload}, through the generated message builders: the writer's reference. */
    static ByteString encodePayloadWithBuilders(int agentId, long timestamp, SimulationInfo simulation,
                                                Map<Integer, Account> accounts, List<Notice> notices) {
        MinerProto.MinerPayload.Builder out = MinerProto.MinerPayload.newBuilder()
                .setTimestamp(timestamp)
                .setSimulation(encode(simulation))
                .setAgentId(agentId);
        for (Map.Entry<Integer, Account> e : accounts.entrySet()) {
            out.putAccounts(e.getKey(), AccountCodec.encode(e.getValue()));
        }
        for (Notice notice : notices) {
            out.addNotices(NoticeCodec.encode(notice));
        }
        return out.build().toByteString();
    }

    /** Rebuilds the state update from a request's books and payload bytes. */
    public static ReceivedState decode(ByteString books, ByteString payload) {
        return decode(BookCodec.decodeBooks(books), payload);
    }

    /** Rebuilds the state update from books already decoded (shared by the miners of a process) and payload bytes. */
    public static ReceivedState decode(List<BookState> books, ByteString payload) {
        MinerProto.MinerPayload p;
        try {
            p = MinerProto.MinerPayload.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new WireFormatException(e, "miner_payload: not a MinerPayload message: %s", e.getMessage());
        }
        Checks.require(p.hasSimulation(), "MinerPayload.simulation");
        SimulationInfo simulation;
        try {
            simulation = decode(p.getSimulation());
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(e, "MinerPayload.simulation: %s", e.getMessage());
        }
        Map<Integer, Account> accounts = new HashMap<>();
        for (Map.Entry<Integer, ModelProto.Account> e : p.getAccountsMap().entrySet()) {
            try {
                accounts.put(e.getKey(), AccountCodec.decode(e.getValue()));
            } catch (IllegalArgumentException | WireFormatException ex) {
                throw new WireFormatException(ex, "MinerPayload.accounts[%d]: %s", e.getKey(), ex.getMessage());
            }
        }
        List<Notice> notices = NoticeCodec.decodeAll(p.getNoticesList(), "MinerPayload.notices");
        StateUpdate state = new StateUpdate(p.getTimestamp(), simulation, books, accounts,
                notices);
        return new ReceivedState(p.getAgentId(), state);
    }

    /** The simulation info's message. */
    public static ModelProto.SimulationInfo encode(SimulationInfo s) {
        BookDecimals d = s.decimals();
        return ModelProto.SimulationInfo.newBuilder()
                .setSimulationId(s.simulationId())
                .setRemoteAgentCount(s.remoteAgentCount())
                .setBlockCount(s.blockCount())
                .setBooksPerBlock(s.booksPerBlock())
                .setDuration(s.duration())
                .setGracePeriod(s.gracePeriod())
                .setPublishInterval(s.publishInterval())
                .setDecimals(ModelProto.BookDecimals.newBuilder()
                        .setPrice(d.price().decimals())
                        .setVolume(d.volume().decimals())
                        .setBase(d.base().decimals())
                        .setQuote(d.quote().decimals()))
                .setMinOrderSize(s.minOrderSize())
                .setMaxOpenOrders(s.maxOpenOrders())
                .setMaxLeverage(s.maxLeverage())
                .setMaxLoan(s.maxLoan())
                .setMaintenanceMargin(s.maintenanceMargin())
                .setInitialPrice(s.initialPrice())
                .setFeePolicy(s.feePolicy())
                .build();
    }

    /** The simulation info a message carries. */
    public static SimulationInfo decode(ModelProto.SimulationInfo s) {
        Checks.require(s.hasDecimals(), "SimulationInfo.decimals");
        ModelProto.BookDecimals d = s.getDecimals();
        return new SimulationInfo(
                s.getSimulationId(),
                s.getRemoteAgentCount(),
                s.getBlockCount(),
                s.getBooksPerBlock(),
                s.getDuration(),
                s.getGracePeriod(),
                s.getPublishInterval(),
                BookDecimals.of(d.getPrice(), d.getVolume(), d.getBase(), d.getQuote()),
                s.getMinOrderSize(),
                s.getMaxOpenOrders(),
                s.getMaxLeverage(),
                s.getMaxLoan(),
                s.getMaintenanceMargin(),
                s.getInitialPrice(),
                s.getFeePolicy());
    }
}
