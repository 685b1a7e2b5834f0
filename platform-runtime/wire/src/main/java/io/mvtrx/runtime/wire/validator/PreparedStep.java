package io.mvtrx.runtime.wire.validator;

import java.util.List;

import io.mvtrx.runtime.wire.proto.MinerProto;

import com.google.protobuf.ByteString;

/**
 * One step's signed requests, ready to send: the books serialized once, and for each miner a request whose
 * {@code books} field is that very {@link ByteString} (the same object, not a copy) beside its own payload and
 * envelope.
 *
 * @param books    the step's {@code Books} bytes
 * @param requests one request per miner, in the order the miners were given
 */
public record PreparedStep(ByteString books, List<Addressed> requests) {

    public PreparedStep {
        requests = List.copyOf(requests);
    }

    /**
     * A signed request and the miner it is for.
     *
     * @param target  the miner
     * @param request the request, signed for {@code target.hotkey()}
     */
    public record Addressed(MinerTarget target, MinerProto.StateRequest request) {
    }
}
