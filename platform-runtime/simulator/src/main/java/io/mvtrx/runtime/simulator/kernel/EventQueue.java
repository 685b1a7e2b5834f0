package io.mvtrx.runtime.simulator.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A block's queue of timed messages: a binary min-heap ordered by arrival time, then priority class (lower first:
 * margin-call liquidations before ordinary messages arriving at the same nanosecond), then insertion sequence, so
 * messages with equal arrival and priority come out in the order they were scheduled. That stable order is what
 * makes a block's event log a pure function of its inputs.
 *
 * <p>Keys live in primitive arrays; the only allocation is array growth. Not thread-safe: one block, one thread.
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

    private long[] arrivals;
    private long[] tieBreaks;
    private Object[] payloads;
    private int size;
    private long nextSequence;
    private long lastArrival = Long.MIN_VALUE;

    /** Creates a queue sized for {@code capacity} messages; it grows as needed. */
    public EventQueue(int capacity) {
        int initial = Math.max(16, capacity);
        arrivals = new long[initial];
        tieBreaks = new long[initial];
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
        if (size == arrivals.length) {
            grow();
        }
        int i = size++;
        long tie = ((long) priority << SEQUENCE_BITS) | nextSequence++;
        // Sift up.
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(arrival, tie, arrivals[parent], tieBreaks[parent])) {
                break;
            }
            arrivals[i] = arrivals[parent];
            tieBreaks[i] = tieBreaks[parent];
            payloads[i] = payloads[parent];
            i = parent;
        }
        arrivals[i] = arrival;
        tieBreaks[i] = tie;
        payloads[i] = payload;
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
        return size == 0 ? Long.MAX_VALUE : arrivals[0];
    }

    /** Whether the next message arrives strictly before {@code cutoff}. */
    public boolean hasArrivalBefore(long cutoff) {
        return size > 0 && arrivals[0] < cutoff;
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
        T head = (T) payloads[0];
        lastArrival = arrivals[0];
        int last = --size;
        long arrival = arrivals[last];
        long tie = tieBreaks[last];
        Object payload = payloads[last];
        payloads[last] = null;
        if (last > 0) {
            // Sift the former last element down from the root.
            int i = 0;
            int half = last >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < last && less(arrivals[right], tieBreaks[right], arrivals[child], tieBreaks[child])) {
                    child = right;
                }
                if (!less(arrivals[child], tieBreaks[child], arrival, tie)) {
                    break;
                }
                arrivals[i] = arrivals[child];
                tieBreaks[i] = tieBreaks[child];
                payloads[i] = payloads[child];
                i = child;
            }
            arrivals[i] = arrival;
            tieBreaks[i] = tie;
            payloads[i] = payload;
        }
        return head;
    }

    /** Copies the queue's content in pop order into a snapshot (for checkpoints); the queue is unchanged. */
    public List<Entry<T>> snapshot() {
        EventQueue<T> copy = new EventQueue<>(size);
        copy.arrivals = Arrays.copyOf(arrivals, arrivals.length);
        copy.tieBreaks = Arrays.copyOf(tieBreaks, tieBreaks.length);
        copy.payloads = Arrays.copyOf(payloads, payloads.length);
        copy.size = size;
        List<Entry<T>> entries = new ArrayList<>(size);
        while (!copy.isEmpty()) {
            long tie = copy.tieBreaks[0];
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

    private static boolean less(long arrivalA, long tieA, long arrivalB, long tieB) {
        return arrivalA < arrivalB || (arrivalA == arrivalB && tieA < tieB);
    }

    private void grow() {
        int capacity = arrivals.length * 2;
        arrivals = Arrays.copyOf(arrivals, capacity);
        tieBreaks = Arrays.copyOf(tieBreaks, capacity);
        payloads = Arrays.copyOf(payloads, capacity);
    }
}
