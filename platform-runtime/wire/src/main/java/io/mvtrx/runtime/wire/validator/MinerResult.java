package io.mvtrx.runtime.wire.validator;

import java.util.Optional;

import io.mvtrx.api.state.AgentResponse;
import io.mvtrx.runtime.wire.Check;

import io.grpc.Status;

/**
 * One miner's answer to a state request.
 *
 * @param uid           the miner
 * @param kind          how the query ended
 * @param code          the gRPC status code ({@code OK} for a reply)
 * @param description   the status description, empty for a reply
 * @param check         for {@link ResultKind#REJECTED}, the miner check the request failed
 * @param response      the agent's response; empty (no instructions, agent id = uid) unless {@link ResultKind#OK}
 * @param responseNanos wall time from sending the request to the end of the call, ns (the latency model's input)
 */
public record MinerResult(
        int uid,
        ResultKind kind,
        Status.Code code,
        String description,
        Optional<Check> check,
        AgentResponse response,
        long responseNanos) {

    static MinerResult ok(int uid, AgentResponse response, long nanos) {
        return new MinerResult(uid, ResultKind.OK, Status.Code.OK, "", Optional.empty(), response, nanos);
    }

    static MinerResult of(int uid, ResultKind kind, Status status, Optional<Check> check, long nanos) {
        return new MinerResult(uid, kind, status.getCode(),
                status.getDescription() == null ? "" : status.getDescription(), check, AgentResponse.empty(uid),
                nanos);
    }
}
