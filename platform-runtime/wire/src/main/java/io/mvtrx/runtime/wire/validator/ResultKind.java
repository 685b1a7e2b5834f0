package io.mvtrx.runtime.wire.validator;

/** How one miner's query ended. */
public enum ResultKind {
    /** The miner replied and the reply decoded. */
    OK,
    /** No reply within the per-call or global deadline. */
    TIMEOUT,
    /** The miner refused the request in one of its checks (the reply carries the check's trailer). */
    REJECTED,
    /** Anything else: unreachable, a transport or server error, a limit, an undecodable reply. */
    FAILED
}
