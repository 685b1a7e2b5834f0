package io.mvtrx.api.spi.agentmodel;

import io.mvtrx.api.account.Account;

/** Read-only view of the waking agent's own account on one book. */
public interface AccountView {

    /** Free base, base decimals. */
    long freeBase();

    /** Free quote, quote decimals. */
    long freeQuote();

    /** Number of open orders. */
    int openOrders();

    /** The whole account (allocates). */
    Account snapshot();
}
