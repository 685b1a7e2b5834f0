package io.mvtrx.runtime.wire.miner;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.mvtrx.api.account.Account;

/**
 * The accounts of the last requests a miner decoded, per validator, for the next request to send its open orders as
 * changes against ({@code MinerPayload.accounts_base}). Two per validator: the validator names the last request whose
 * answer it received, and one later request may have reached the miner without its answer reaching the validator (a
 * timeout). At most {@link #VALIDATORS} validators, the one heard from longest ago dropped first.
 *
 * <p>Thread-safe.
 */
final class KeptAccounts {

    static final int PER_VALIDATOR = 2;
    static final int VALIDATORS = 16;

    private record Kept(long nonce, Map<Integer, Account> accounts) {
    }

    private final AtomicLong found = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();

    private final LinkedHashMap<String, ArrayDeque<Kept>> byValidator = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Kept>> eldest) {
            return size() > VALIDATORS;
        }
    };

    /** The accounts kept from {@code validator}'s request {@code nonce}, or null when they are not kept. */
    synchronized Map<Integer, Account> find(String validator, long nonce) {
        ArrayDeque<Kept> kept = byValidator.get(validator);
        if (kept != null) {
            for (Kept k : kept) {
                if (k.nonce() == nonce) {
                    found.incrementAndGet();
                    return k.accounts();
                }
            }
        }
        unknown.incrementAndGet();
        return null;
    }

    /** Requests whose named accounts base was found here (their open orders came as changes to it). */
    long found() {
        return found.get();
    }

    /** Requests whose named accounts base was not kept here (answered unknown). */
    long unknown() {
        return unknown.get();
    }

    /** Keeps the accounts of {@code validator}'s request {@code nonce}, dropping that validator's oldest beyond two. */
    synchronized void keep(String validator, long nonce, Map<Integer, Account> accounts) {
        // every request has a nonce of its own (a resend is signed anew; a replayed nonce never gets this far)
        ArrayDeque<Kept> kept = byValidator.computeIfAbsent(validator, v -> new ArrayDeque<>(PER_VALIDATOR + 1));
        kept.addLast(new Kept(nonce, Map.copyOf(accounts)));
        while (kept.size() > PER_VALIDATOR) {
            kept.removeFirst();
        }
    }
}
