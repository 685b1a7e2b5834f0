package io.mvtrx.runtime.validator.node;

import io.mvtrx.api.state.AgentResponse;

/**
 * One miner's answer to one publish, as a {@link MinerTransport} reports it.
 *
 * @param uid           the miner
 * @param outcome       how the query ended
 * @param response      the agent's response; empty (no instructions, agent id = uid) unless {@link Outcome#ANSWERED}
 * @param responseNanos wall time from sending the state to receiving the answer, ns (the latency model's input)
 * @param detail        why it was not answered (a status description), empty when answered
 */
public record MinerReply(int uid, Outcome outcome, AgentResponse response, long responseNanos, String detail) {

    public MinerReply {
        if (response == null || outcome == null || detail == null) {
            throw new IllegalArgumentException("a miner reply needs an outcome, a response and a detail");
        }
        if (responseNanos < 0) {
            throw new IllegalArgumentException("responseNanos must be >= 0, got " + responseNanos);
        }
    }

    /** An answer. */
    public static MinerReply answered(int uid, AgentResponse response, long responseNanos) {
        return new MinerReply(uid, Outcome.ANSWERED, response, responseNanos, "");
    }

    /** No usable answer: the uid's response is empty. */
    public static MinerReply missing(int uid, Outcome outcome, long responseNanos, String detail) {
        if (outcome == Outcome.ANSWERED) {
            throw new IllegalArgumentException("a missing reply cannot be ANSWERED");
        }
        return new MinerReply(uid, outcome, AgentResponse.empty(uid), responseNanos, detail);
    }

    /** How a query of one miner ended. */
    public enum Outcome {
        /** The miner answered in time; its response stands to be screened. */
        ANSWERED,
        /** No answer within the per-miner or the global deadline. */
        TIMEOUT,
        /** The miner refused the request (e.g. it does not recognise this validator). */
        REFUSED,
        /** Unreachable, over a size limit, or an answer that could not be read. */
        FAILED
    }
}
