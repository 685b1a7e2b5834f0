package io.mvtrx.runtime.bittensor.axon.internal;

import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Admits one request at a time to the agent, the highest priority first (the caller's stake, as the Python miner's
 * {@code priority} function returns), ties in arrival order. The Python axon computes the same priority but runs a
 * no-op on its priority pool, so it orders nothing; here, when several validators' requests wait for the one agent,
 * the most staked is served first. A request that waits longer than its limit is let go (the axon answers 408, as
 * the reference does for a priority timeout).
 *
 * <p>Thread-safe.
 */
public final class PriorityGate {

    private record Ticket(double priority, long seq) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Ticket> waiting = new PriorityQueue<>((a, b) -> a.priority != b.priority
            ? Double.compare(b.priority, a.priority) : Long.compare(a.seq, b.seq));
    private long next;
    private boolean busy;

    /**
     * Waits until this request is the highest-priority one waiting and the agent is free, then takes it.
     *
     * @return false when {@code timeoutNanos} passed first (nothing taken)
     */
    public boolean enter(double priority, long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            Ticket ticket = new Ticket(priority, next++);
            waiting.add(ticket);
            long remaining = timeoutNanos;
            while (busy || waiting.peek() != ticket) {
                if (remaining <= 0) {
                    waiting.remove(ticket);
                    changed.signalAll();
                    return false;
                }
                try {
                    remaining = changed.awaitNanos(remaining);
                } catch (InterruptedException e) {
                    waiting.remove(ticket);
                    changed.signalAll();
                    throw e;
                }
            }
            waiting.poll();
            busy = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Frees the agent for the next waiting request. */
    public void leave() {
        lock.lock();
        try {
            busy = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Requests waiting now. */
    public int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

}
