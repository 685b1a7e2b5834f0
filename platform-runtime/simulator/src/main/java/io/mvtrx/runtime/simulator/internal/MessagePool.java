package io.mvtrx.runtime.simulator.internal;

import java.util.Arrays;

/**
 * A free list of {@link Message} slots, so that steady-state scheduling allocates no message objects. Grows when
 * more messages are in flight than ever before; never shrinks.
 *
 * <p>Confined to its block's thread.
 */
final class MessagePool {

    private Message[] free = new Message[1024];
    private int size;

    /** A cleared message. */
    Message take() {
        if (size == 0) {
            return new Message();
        }
        Message m = free[--size];
        free[size] = null;
        return m;
    }

    /** Returns a delivered message; its payload is dropped. */
    void release(Message m) {
        m.payload = null;
        if (size == free.length) {
            free = Arrays.copyOf(free, size * 2);
        }
        free[size++] = m;
    }
}
