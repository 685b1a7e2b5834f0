package io.mvtrx.runtime.wire.codec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.notice.Notice;
import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.order.OrderList;
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
        return encodePayload(agentId, timestamp, simulation, accounts, notices, null).bytes();
    }

    /**
     * As {@link #encodePayload(int, long, ByteString, Map, List)}, each account's open orders as changes to the same
     * book's account in {@code base} where they can be (null: none; see {@code AccountOrderChanges} in model.proto).
     */
    public static EncodedPayload encodePayload(int agentId, long timestamp, ByteString simulation,
                                               Map<Integer, Account> accounts, List<Notice> notices,
                                               AccountsBase base) {
        return PayloadWriter.write(agentId, timestamp, simulation, accounts, notices, base);
    }

    /**
     * A payload's bytes and the accounts base they name.
     *
     * @param bytes        the {@code MinerPayload} bytes
     * @param accountsBase the nonce of the base some accounts' orders are changes to; 0 when all travel whole
     */
    public record EncodedPayload(ByteString bytes, long accountsBase) {

        /** Whether some account's orders travel as changes. */
        public boolean changes() {
            return accountsBase != 0;
        }
    }

    /** The same bytes as {@link #encodePayload}, through the generated message builders: the writer's reference. */
    static ByteString encodePayloadWithBuilders(int agentId, long timestamp, SimulationInfo simulation,
                                                Map<Integer, Account> accounts, List<Notice> notices,
                                                AccountsBase base) {
        MinerProto.MinerPayload.Builder out = MinerProto.MinerPayload.newBuilder()
                .setTimestamp(timestamp)
                .setSimulation(encode(simulation))
                .setAgentId(agentId);
        for (Map.Entry<Integer, Account> e : accounts.entrySet()) {
            Account a = e.getValue();
            Account kept = base == null ? null : base.accounts().get(e.getKey());
            OrderList.Diff diff = new OrderList.Diff();
            boolean changes = kept != null && AccountOrderChanges.diff(kept, OrderList.of(kept.orders()), a,
                    OrderList.of(a.orders()), diff);
            if (changes) {
                out.setAccountsBase(base.nonce());
            }
            out.putAccounts(e.getKey(), AccountCodec.encode(a, changes ? diff : null));
        }
        for (Notice notice : notices) {
            out.addNotices(NoticeCodec.encode(notice));
        }
        return out.build().toByteString();
    }

    /** Rebuilds the state update from a request's books and payload bytes (a payload naming an accounts base fails). */
    public static ReceivedState decode(ByteString books, ByteString payload) {
        return decode(BookCodec.decodeBooks(books), payload, nonce -> null);
    }

    /**
     * Rebuilds the state update from books already decoded (shared by the miners of a process) and payload bytes; a
     * payload naming an accounts base fails ({@link AccountsBaseUnknownException}).
     */
    public static ReceivedState decode(List<BookState> books, ByteString payload) {
        return decode(books, payload, nonce -> null);
    }

    /**
     * As {@link #decode(List, ByteString)}, the accounts a payload names as its base ({@code accounts_base}) looked up
     * in {@code kept}: the accounts the miner kept from the request with that nonce, or null when it has none.
     *
     * @throws AccountsBaseUnknownException when the payload names a base {@code kept} does not have
     * @throws WireFormatException          when the payload does not decode, or its changes do not apply to the base
     */
    public static ReceivedState decode(List<BookState> books, ByteString payload,
                                       LongFunction<Map<Integer, Account>> kept) {
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
        Map<Integer, Account> base = null;
        if (p.getAccountsBase() != 0) {
            base = kept.apply(p.getAccountsBase());
            if (base == null) {
                throw new AccountsBaseUnknownException(p.getAccountsBase());
            }
        }
        Map<Integer, Account> accounts = new HashMap<>();
        for (Map.Entry<Integer, ModelProto.Account> e : p.getAccountsMap().entrySet()) {
            try {
                accounts.put(e.getKey(), AccountCodec.decode(e.getValue(), base == null ? null : base.get(e.getKey())));
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
