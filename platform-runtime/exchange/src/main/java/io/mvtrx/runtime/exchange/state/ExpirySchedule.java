package io.mvtrx.runtime.exchange.state;

import java.util.Arrays;

import io.mvtrx.api.snapshot.StateReader;
import io.mvtrx.api.snapshot.StateWriter;

/**
 * GTT expiries as a binary min-heap of (expiry time, sequence) → (book, order id) in parallel primitive arrays.
 * Entries of orders that left the book early stay until due and are then ignored by the caller (lazy deletion),
 * which keeps cancels O(1). Ties expire in scheduling order.
 *
 * <p>Not thread-safe. Push and pop are O(log n); growth allocates.
 */
public final class ExpirySchedule {

    private long[] time = new long[64];
    private long[] sequence = new long[64];
    private int[] book = new int[64];
    private long[] orderId = new long[64];
    private int size;
    private long nextSequence;

    /** Entries waiting. */
    public int size() {
        return size;
    }

    /** Schedules an order's expiry. */
    public void schedule(long expiry, int bookId, long id) {
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            sequence = Arrays.copyOf(sequence, n);
            book = Arrays.copyOf(book, n);
            orderId = Arrays.copyOf(orderId, n);
        }
        int i = size++;
        set(i, expiry, nextSequence++, bookId, id);
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(i, parent)) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    /** Whether the earliest entry is due at {@code now} (expiry {@code <= now}). */
    public boolean due(long now) {
        return size > 0 && time[0] <= now;
    }

    /** Book of the earliest entry. */
    public int peekBook() {
        return book[0];
    }

    /** Order id of the earliest entry. */
    public long peekOrderId() {
        return orderId[0];
    }

    /** Expiry time of the earliest entry. */
    public long peekTime() {
        return time[0];
    }

    /** Removes the earliest entry. */
    public void pop() {
        size--;
        if (size == 0) {
            return;
        }
        set(0, time[size], sequence[size], book[size], orderId[size]);
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && before(left + 1, left) ? left + 1 : left;
            if (!before(child, i)) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private boolean before(int a, int b) {
        return time[a] < time[b] || (time[a] == time[b] && sequence[a] < sequence[b]);
    }

    private void set(int i, long t, long s, int b, long id) {
        time[i] = t;
        sequence[i] = s;
        book[i] = b;
        orderId[i] = id;
    }

    private void swap(int a, int b) {
        long t = time[a];
        long s = sequence[a];
        int bk = book[a];
        long id = orderId[a];
        set(a, time[b], sequence[b], book[b], orderId[b]);
        set(b, t, s, bk, id);
    }

    /** Saves the heap as it lies (times, sequence numbers, books, order ids) and the next sequence number. */
    public void writeState(StateWriter out) {
        out.writeLong(nextSequence);
        out.writeLongs(time, 0, size);
        out.writeLongs(sequence, 0, size);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeInt(book[i]);
        }
        out.writeLongs(orderId, 0, size);
    }

    /** Restores what {@link #writeState} saved into an empty schedule. */
    public void readState(StateReader in) {
        in.check(size == 0, "expiry schedule: state is restored into an empty schedule");
        nextSequence = in.readLong();
        long[] times = in.readLongs();
        int n = times.length;
        long[] sequences = in.readLongs("expiry sequence numbers", n);
        in.check(in.readInt() == n, "expiry schedule: book ids do not match the %d expiries", n);
        int capacity = Math.max(64, n);
        time = Arrays.copyOf(times, capacity);
        sequence = Arrays.copyOf(sequences, capacity);
        book = new int[capacity];
        for (int i = 0; i < n; i++) {
            book[i] = in.readInt();
        }
        orderId = Arrays.copyOf(in.readLongs("expiring order ids", n), capacity);
        size = n;
    }
}
