package io.mvtrx.runtime.wire.codec;

import java.util.Map;
import java.util.Objects;

import io.mvtrx.api.account.Account;

/**
 * The accounts of an earlier request that the receiving miner said it keeps ({@code AgentReply.accounts_kept}): a
 * payload written against them carries each account's open orders as changes to the same book's account here
 * ({@code MinerPayload.accounts_base}, {@code Account.order_changes}).
 *
 * @param nonce    the earlier request's nonce
 * @param accounts its accounts per book id, as that request carried them
 */
public record AccountsBase(long nonce, Map<Integer, Account> accounts) {

    public AccountsBase {
        if (nonce == 0) {
            throw new IllegalArgumentException("an accounts base needs the nonce of the request that carried them");
        }
        Objects.requireNonNull(accounts, "accounts");
    }
}
