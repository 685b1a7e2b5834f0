package io.mvtrx.runtime.wire.validator;

import java.util.List;

import io.mvtrx.runtime.wire.proto.MinerProto;

import com.google.protobuf.ByteString;

/**
 * One step's signed requests, ready to send: the books serialized once (and compressed once), and for each miner a
 * request whose books field is that very {@link ByteString} (the same object, not a copy) — or, for a miner whose
 * process receives them through another, their hash alone — beside its own payload and envelope.
 *
 * @param books     the step's {@code Books} bytes
 * @param booksSent what every request carries for them: {@code books} itself, or its zstd frame in {@code books_zstd}
 * @param requests  one request per miner, in the order the miners were given
 */
public record PreparedStep(ByteString books, ByteString booksSent, List<Addressed> requests) {

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

        /** Whether the request names the books by hash instead of carrying them. */
        public boolean byReference() {
            return request.getBooks().isEmpty() && request.getBooksZstd().isEmpty()
                    && !request.getBooksSha256().isEmpty();
        }
    }
}
