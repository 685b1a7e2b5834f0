package io.mvtrx.runtime.simulator.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A block's queue of timed messages: a min-heap ordered by arrival time, then priority class (lower first:
 * margin-call liquidations before ordinary messages arriving at the same nanosecond), then insertion sequence, so
 * messages with equal arrival and priority come out in the order they were scheduled. That stable order is what
 * makes a block's event log a pure function of its inputs.
 *
 * <p>The heap is 4-ary and its keys are interleaved in one {@code long[]} (arrival, then priority and sequence), so
 * the four children of a node share one 64-byte cache line and a pop touches about half as many lines as a binary
 * heap of parallel arrays (the queue of a live block holds ~16 000 messages). Schedule and poll are O(log n); the
 * only allocation is array growth. Not thread-safe: one block, one thread.
 *
 * @param <T> message payload
 */
public final class EventQueue<T> {

    /** Priority of margin-call liquidations: before anything else arriving at the same time. */
    public static final int PRIORITY_URGENT = 0;

    /** Priority of ordinary messages. */
    public static final int PRIORITY_NORMAL = 1;

    private static final int SEQUENCE_BITS = 56;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;

    /** keys[2i] = arrival of node i, keys[2i + 1] = priority << 56 | sequence. */
    private long[] keys;
    private Object[] payloads;
    private int size;
    private long nextSequence;
    private long lastArrival = Long.MIN_VALUE;

    /** Creates a queue sized for {@code capacity} messages; it grows as needed. */
    public EventQueue(int capacity) {
        int initial = Math.max(16, capacity);
        keys = new long[2 * initial];
        payloads = new Object[initial];
    }

    /**
     * Schedules a message that occurs at {@code occurrence} and arrives {@code latency} ns later.
     *
     * @throws IllegalArgumentException if latency is negative, priority is outside 0..127, or the arrival overflows
     */
    public void schedule(long occurrence, long latency, int priority, T payload) {
        if (latency < 0) {
            throw new IllegalArgumentException("latency must be >= 0 ns, got " + latency);
        }
        if (priority < 0 || priority > 127) {
            throw new IllegalArgumentException("priority must be within 0..127, got " + priority);
        }
        long arrival;
        try {
            arrival = Math.addExact(occurrence, latency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "arrival overflows: occurrence " + occurrence + " + latency " + latency, e);
        }
        if (nextSequence > MAX_SEQUENCE) {
            throw new IllegalStateException("event sequence exhausted after " + MAX_SEQUENCE + " messages");
        }
        if (size == payloads.length) {
            grow();
        }
        long[] k = keys;
        Object[] p = payloads;
        int i = size++;
        long tie = ((long) priority << SEQUENCE_BITS) | nextSequence++;
        // Sift up.
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long parentArrival = k[2 * parent];
            if (arrival > parentArrival || (arrival == parentArrival && tie > k[2 * parent + 1])) {
                break;
            }
            k[2 * i] = parentArrival;
            k[2 * i + 1] = k[2 * parent + 1];
            p[i] = p[parent];
            i = parent;
        }
        k[2 * i] = arrival;
        k[2 * i + 1] = tie;
        p[i] = payload;
    }

    /** Schedules an ordinary message. */
    public void schedule(long occurrence, long latency, T payload) {
        schedule(occurrence, latency, PRIORITY_NORMAL, payload);
    }

    /** Whether the queue is empty. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Number of queued messages. */
    public int size() {
        return size;
    }

    /** Arrival time of the next message, or {@link Long#MAX_VALUE} when empty. */
    public long peekArrival() {
        return size == 0 ? Long.MAX_VALUE : keys[0];
    }

    /** Whether the next message arrives strictly before {@code cutoff}. */
    public boolean hasArrivalBefore(long cutoff) {
        return size > 0 && keys[0] < cutoff;
    }

    /** Arrival time of the message last returned by {@link #poll()}. */
    public long lastArrival() {
        return lastArrival;
    }

    /**
     * Removes and returns the next message; its arrival time is then {@link #lastArrival()}.
     *
     * @throws IllegalStateException if empty
     */
    @SuppressWarnings("unchecked")
    public T poll() {
        if (size == 0) {
            throw new IllegalStateException("poll on an empty event queue");
        }
        long[] k = keys;
        Object[] p = payloads;
        T head = (T) p[0];
        lastArrival = k[0];
        int last = --size;
        long arrival = k[2 * last];
        long tie = k[2 * last + 1];
        Object payload = p[last];
        p[last] = null;
        if (last > 0) {
            // Sift the former last element down from the root.
            int i = 0;
            while (true) {
                int first = 4 * i + 1;
                if (first >= last) {
                    break;
                }
                int end = Math.min(first + 4, last);
                int best = first;
                long bestArrival = k[2 * first];
                long bestTie = k[2 * first + 1];
                for (int c = first + 1; c < end; c++) {
                    long a = k[2 * c];
                    if (a < bestArrival || (a == bestArrival && k[2 * c + 1] < bestTie)) {
                        best = c;
                        bestArrival = a;
                        bestTie = k[2 * c + 1];
                    }
                }
                if (arrival < bestArrival || (arrival == bestArrival && tie < bestTie)) {
                    break;
                }
                k[2 * i] = bestArrival;
                k[2 * i + 1] = bestTie;
                p[i] = p[best];
                i = best;
            }
            k[2 * i] = arrival;
            k[2 * i + 1] = tie;
            p[i] = payload;
        }
        return head;
    }

    /** Copies the queue's content in pop order into a snapshot (for checkpoints); the queue is unchanged. */
    public List<Entry<T>> snapshot() {
        EventQueue<T> copy = new EventQueue<>(size);
        copy.keys = Arrays.copyOf(keys, keys.length);
        copy.payloads = Arrays.copyOf(payloads, payloads.length);
        copy.size = size;
        List<Entry<T>> entries = new ArrayList<>(size);
        while (!copy.isEmpty()) {
            long tie = copy.keys[1];
            T payload = copy.poll();
            entries.add(new Entry<>(copy.lastArrival, (int) (tie >>> SEQUENCE_BITS), payload));
        }
        return entries;
    }

    /**
     * One queued message as a checkpoint sees it.
     *
     * @param arrival  arrival time, ns
     * @param priority priority class
     * @param payload  message
     */
    public record Entry<T>(long arrival, int priority, T payload) {
    }

    private void grow() {
        int capacity = payloads.length * 2;
        keys = Arrays.copyOf(keys, 2 * capacity);
        payloads = Arrays.copyOf(payloads, capacity);
    }
}
