package io.mvtrx.runtime.wire.codec;

/**
 * A payload's open orders are changes to the accounts of an earlier request ({@code accounts_base}) that the miner
 * does not hold: it restarted, or kept later ones. Not a malformed request: the validator sends the accounts whole.
 */
public final class AccountsBaseUnknownException extends RuntimeException {

    private final long nonce;

    public AccountsBaseUnknownException(long nonce) {
        super("accounts_base " + nonce + ": the accounts of that request are not kept here", null, false, false);
        this.nonce = nonce;
    }

    /** The nonce of the request named as the base. */
    public long nonce() {
        return nonce;
    }
}
