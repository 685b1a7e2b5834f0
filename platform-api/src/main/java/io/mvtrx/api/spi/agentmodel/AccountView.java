package io.mvtrx.api.spi.agentmodel;

import io.mvtrx.api.account.Account;

/** Read-only view of the waking agent's own account on one book. Allocation-free except {@link #snapshot()}. */
public interface AccountView {

    /** Free base, base decimals. */
    long freeBase();

    /** Free quote, quote decimals. */
    long freeQuote();

    /** Number of open orders. */
    int openOrders();

    /** The maker fee rate the account pays now, at {@code Rate.SCALE} (negative for a rebate). */
    long makerFeeRate();

    /** The taker fee rate the account pays now, at {@code Rate.SCALE} (negative for a rebate). */
    long takerFeeRate();

    /** The whole account (allocates). */
    Account snapshot();
}
