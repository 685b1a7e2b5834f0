package io.mvtrx.runtime.wire;

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

    /** What a miner answers when it could not resolve what a request named: {@code mvtrx-accounts: unknown}. */
    public static final UnknownTrailer TRAILER = UnknownTrailer.named("mvtrx-accounts");

    private AccountChanges() {
    }
}
