package io.mvtrx.runtime.bittensor.axon;

import java.util.LinkedHashMap;
import java.util.Map;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.api.state.StateUpdate;
import io.mvtrx.runtime.bittensor.axon.payload.CompressedPart;
import io.mvtrx.runtime.bittensor.axon.payload.Compression;
import io.mvtrx.runtime.bittensor.axon.payload.PayloadException;
import io.mvtrx.runtime.bittensor.axon.payload.ResponseMapping;
import io.mvtrx.runtime.bittensor.axon.payload.StateMapping;

/**
 * The validator's side of {@code MarketSimulationStateUpdate} (protocol.md §3.2): the books part is encoded once per
 * publish and shared, each miner's payload part holds its own accounts and notices; the answer's compressed
 * {@code response} is read back into an {@link AgentResponse}.
 */
public final class StateSynapse {

    private StateSynapse() {
    }

    /** The shared {@code books} part of one publish. */
    public static String booksPart(StateUpdate anyUpdate, Compression codec) {
        return CompressedPart.encode(StateMapping.encodeBooks(anyUpdate.books(), anyUpdate.simulation().decimals()),
                codec, true);
    }

    /** The synapse fields for one miner: v0.5.4 compressed form, all plain parts null. */
    public static Map<String, Object> fields(int uid, StateUpdate update, String booksPart, Compression codec) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", "im");
        f.put("version", ProtocolVersion.TAOS_SPEC);
        f.put("timestamp", update.timestamp());
        f.put("config", null);
        f.put("books", null);
        f.put("accounts", null);
        f.put("notices", null);
        f.put("response", null);
        Map<String, Object> compressed = new LinkedHashMap<>();
        compressed.put("books", booksPart);
        compressed.put("payload", CompressedPart.encode(StateMapping.encodePayload(uid, update), codec, true));
        f.put("compressed", compressed);
        f.put("compression_engine", codec.wireName());
        return f;
    }

    /**
     * The agent's response in a successful answer.
     *
     * @throws PayloadException when the answer carries no readable response (the reference voids such a miner's
     *                          whole answer)
     */
    public static AgentResponse response(Dendrite.Reply reply, BookDecimals decimals, int maxBytes) {
        Map<String, Object> body = reply.body();
        Object plain = body.get("response");
        if (plain != null) {
            return ResponseMapping.decode(plain, decimals);
        }
        if (!(body.get("compressed") instanceof Map<?, ?> parts) || !(parts.get("payload") instanceof String p)) {
            throw new PayloadException("answer has neither a response nor a compressed payload");
        }
        long version = body.get("version") instanceof Long v ? v : ProtocolVersion.TAOS_SPEC;
        Compression codec = Compression.named(body.get("compression_engine") instanceof String s ? s : "lz4");
        Object payload = CompressedPart.decode(p, codec, version >= ProtocolVersion.MSGPACK_FROM, maxBytes);
        if (!(payload instanceof Map<?, ?> m) || m.get("response") == null) {
            throw new PayloadException("answer payload holds no response");
        }
        return ResponseMapping.decode(m.get("response"), decimals);
    }
}
