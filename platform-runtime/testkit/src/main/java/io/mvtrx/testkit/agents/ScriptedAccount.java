package io.mvtrx.testkit.agents;

import java.util.List;

import io.mvtrx.api.account.Account;
import io.mvtrx.api.account.Balance;
import io.mvtrx.api.account.FeeRates;
import io.mvtrx.api.spi.agentmodel.AccountView;

/** An account whose free balances and fee rates a test sets (nothing is reserved). Not thread-safe. */
public final class ScriptedAccount implements AccountView {

    private final int agentId;
    private final int bookId;
    private long freeBase;
    private long freeQuote;
    private int openOrders;
    private long makerFeeRate;
    private long takerFeeRate;

    ScriptedAccount(int agentId, int bookId) {
        this.agentId = agentId;
        this.bookId = bookId;
    }

    /** Sets the free balances (base at the base decimals, quote at the quote decimals). */
    public ScriptedAccount balances(long base, long quote) {
        this.freeBase = base;
        this.freeQuote = quote;
        return this;
    }

    /** Sets the fee rates at {@code Rate.SCALE}. */
    public ScriptedAccount fees(long maker, long taker) {
        this.makerFeeRate = maker;
        this.takerFeeRate = taker;
        return this;
    }

    /** Sets the number of open orders. */
    public ScriptedAccount openOrders(int count) {
        this.openOrders = count;
        return this;
    }

    @Override
    public long freeBase() {
        return freeBase;
    }

    @Override
    public long freeQuote() {
        return freeQuote;
    }

    @Override
    public int openOrders() {
        return openOrders;
    }

    @Override
    public long makerFeeRate() {
        return makerFeeRate;
    }

    @Override
    public long takerFeeRate() {
        return takerFeeRate;
    }

    @Override
    public Account snapshot() {
        return new Account(agentId, bookId, new Balance(freeBase, freeBase, 0, freeBase),
                new Balance(freeQuote, freeQuote, 0, freeQuote), 0, 0, 0, 0, List.of(), List.of(),
                new FeeRates(0, makerFeeRate, takerFeeRate));
    }
}
