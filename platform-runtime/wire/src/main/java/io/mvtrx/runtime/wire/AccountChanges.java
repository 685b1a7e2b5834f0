package io.mvtrx.runtime.wire;

import io.grpc.Metadata;

/**
 * Accounts as changes: a miner keeps the accounts of the requests it answered and says so
 * ({@code AgentReply.accounts_kept}); the validator then sends each account's open orders as changes to the kept ones
 * ({@code MinerPayload.accounts_base}, {@code Account.order_changes}) instead of whole. What both sides share: the
 * answer a miner gives when it no longer holds the accounts a request names, after which the validator sends them
 * whole.
 *
 * <p>Stateless and thread-safe.
 */
public final class AccountChanges {

    /** Trailer a miner sets, with {@link #UNKNOWN}, when it does not hold the accounts base a request names. */
    public static final Metadata.Key<String> TRAILER = Metadata.Key.of("mvtrx-accounts",
            Metadata.ASCII_STRING_MARSHALLER);

    /** The {@link #TRAILER} value of an accounts base not held. */
    public static final String UNKNOWN = "unknown";

    private AccountChanges() {
    }

    /** Whether {@code trailers} say the miner does not hold the request's accounts base. */
    public static boolean unknown(Metadata trailers) {
        return trailers != null && UNKNOWN.equals(trailers.get(TRAILER));
    }

    /** Trailers saying the accounts base is not held. */
    public static Metadata unknownTrailers() {
        Metadata trailers = new Metadata();
        trailers.put(TRAILER, UNKNOWN);
        return trailers;
    }
}
