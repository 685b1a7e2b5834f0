package io.mvtrx.runtime.wire.miner;

import java.security.SecureRandom;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.mvtrx.api.state.BookState;
import io.mvtrx.runtime.wire.BooksReference;
import io.mvtrx.runtime.wire.codec.WireFormatException;

import com.google.protobuf.ByteString;

/**
 * The books a miner process received lately, by their SHA-256, shared by every miner the process serves: a validator
 * sends a step's books inline to one of them and by reference ({@code books_sha256}) to the others, and each step's
 * books are then checked, decompressed and decoded once per process instead of once per hotkey. The decoded books
 * are immutable (their lazily built parts build once, thread-safely), so every agent may read the same objects.
 *
 * <p>Entries are kept per sending validator: a validator's requests only ever find the books that validator sent, so
 * none can evict or answer for another's. An entry is created by whichever request names a hash first: an inline one
 * decodes the books (after checking that they hash to the name) and completes it; a reference completes when they
 * arrive. A step's books are wanted for the second or so its requests take to arrive: an entry is dropped once
 * {@link #MAX_AGE_NANOS} old (when another is made), a validator keeps at most {@link #PER_SENDER}, and the cache at
 * most {@link #CAPACITY} (oldest first); a reference to a dropped one waits like one to books not yet arrived.
 *
 * <p>Thread-safe.
 */
public final class SharedBooks {

    /** Most entries kept at once, all validators together. */
    static final int CAPACITY = 64;

    /** Most entries kept for one validator: its step being answered and the one before. */
    static final int PER_SENDER = 2;

    /** Age at which an entry is dropped: three seconds, the default per-call deadline. */
    static final long MAX_AGE_NANOS = 3_000_000_000L;

    private static final SharedBooks PROCESS = new SharedBooks(randomId(), System::nanoTime);

    private final ByteString id;
    private final LongSupplier nanoClock;
    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong named = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    /** Guarded by this; oldest first. */
    private final Map<Key, SharedBooks.Entry> entries = new LinkedHashMap<>();

    /** A validator's books: its hotkey and their hash. */
    private record Key(String sender, ByteString sha256) {
    }

    /** A cache with the given id, its entries aged by {@code nanoClock}. */
    SharedBooks(ByteString id, LongSupplier nanoClock) {
        if (id.size() != 16) {
            throw new IllegalArgumentException("a books cache id is 16 bytes, got " + id.size());
        }
        this.id = id;
        this.nanoClock = nanoClock;
    }

    /** The cache of this process: every {@link MinerServer} started without one of its own uses it. */
    public static SharedBooks process() {
        return PROCESS;
    }

    /** A cache of its own, with a fresh random id: its server's miner is grouped with no other. */
    public static SharedBooks own() {
        return new SharedBooks(randomId(), System::nanoTime);
    }

    /** This cache's id, announced in every reply ({@code AgentReply.books_cache}). */
    public ByteString id() {
        return id;
    }

    /**
     * Books that arrived inline from {@code sender} under {@code sha256}: the first request to bring them checks that
     * {@code sent} hashes to {@code sha256} and decodes them; a request from the same sender bringing the same hash
     * later gets the same books, decoded once.
     *
     * @throws WireFormatException when {@code sent} does not hash to {@code sha256}, or the books do not decode
     */
    public CompletableFuture<List<BookState>> inline(String sender, ByteString sha256, ByteString sent,
                                                     Supplier<List<BookState>> decode) {
        Key key = new Key(sender, sha256);
        Entry entry;
        synchronized (this) {
            entry = entry(key);
            if (entry.claimed) {
                return entry.books;
            }
            entry.claimed = true;
        }
        try {
            if (!BooksReference.sha256(sent).equals(sha256)) {
                throw new WireFormatException("books_sha256 is not the SHA-256 of the books sent");
            }
            entry.books.complete(decode.get());
            decoded.incrementAndGet();
            return entry.books;
        } catch (RuntimeException e) {
            synchronized (this) {
                entries.remove(key, entry); // a later request may bring good books under this hash
            }
            entry.books.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * The books {@code sender} named {@code sha256}: done when they are here, completing when a request from that
     * sender brings them.
     */
    public synchronized CompletableFuture<List<BookState>> reference(String sender, ByteString sha256) {
        named.incrementAndGet();
        return entry(new Key(sender, sha256)).books;
    }

    /** Counts a request answered unknown: the books it named did not arrive in time. */
    void unknownAnswered() {
        unknown.incrementAndGet();
    }

    /** Books decoded, once per validator and hash, by the request that brought them first. */
    public long decoded() {
        return decoded.get();
    }

    /** Requests that named their books by hash instead of bringing them. */
    public long named() {
        return named.get();
    }

    /** Requests answered unknown: the books they named did not reach the process in time. */
    public long unknown() {
        return unknown.get();
    }

    /** The entry of {@code key}, made when missing after dropping the old ones. Guarded by this. */
    private Entry entry(Key key) {
        Entry entry = entries.get(key);
        if (entry != null) {
            return entry;
        }
        long now = nanoClock.getAsLong();
        int senders = 0;
        for (Key held : entries.keySet()) {
            if (held.sender().equals(key.sender())) {
                senders++;
            }
        }
        Iterator<Map.Entry<Key, Entry>> oldestFirst = entries.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<Key, Entry> old = oldestFirst.next();
            boolean sameSender = old.getKey().sender().equals(key.sender());
            if (now - old.getValue().made >= MAX_AGE_NANOS || entries.size() >= CAPACITY
                    || sameSender && senders >= PER_SENDER) {
                oldestFirst.remove();
                if (sameSender) {
                    senders--;
                }
            }
        }
        entry = new Entry(now);
        entries.put(key, entry);
        return entry;
    }

    /** Hashes held, arrived or awaited (for tests). */
    synchronized int size() {
        return entries.size();
    }

    private static ByteString randomId() {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        return ByteString.copyFrom(id);
    }

    private static final class Entry {
        final CompletableFuture<List<BookState>> books = new CompletableFuture<>();
        final long made;
        /** Guarded by the cache: whether a request bringing the books is decoding (or has decoded) them. */
        boolean claimed;

        Entry(long made) {
            this.made = made;
        }
    }
}
