package io.mvtrx.runtime.exchange.state;

import java.util.Arrays;

/**
 * An open-addressing {@code long -> int} map with linear probing and backward-shift deletion (no tombstones, so
 * long-running insert/remove churn keeps probe lengths short). Look-ups, puts into spare capacity and removals
 * are allocation-free; growth allocates and is counted by {@link #rehashes()}.
 *
 * <p>Not thread-safe. {@link Long#MIN_VALUE} marks empty cells and cannot be a key.
 */
public final class LongIntMap {

    /** Returned for an absent key. */
    public static final int MISSING = -1;

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int size;
    private int rehashes;

    /** A map sized for {@code expected} entries before it grows. */
    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    /** Entries held. */
    public int size() {
        return size;
    }

    /** Times the table had to grow. */
    public int rehashes() {
        return rehashes;
    }

    /** The key's value, or {@link #MISSING}. */
    public int get(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return MISSING;
            }
            i = (i + 1) & mask;
        }
    }

    /** Associates a value with a key, replacing any previous one. */
    public void put(long key, int value) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("key " + key + " is reserved");
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) {
                values[i] = value;
                return;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    rehash();
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /** Removes a key; returns its value or {@link #MISSING}. */
    public int remove(long key) {
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == EMPTY) {
                return MISSING;
            }
            if (k == key) {
                int value = values[i];
                shiftBack(i, mask);
                size--;
                return value;
            }
            i = (i + 1) & mask;
        }
    }

    private void shiftBack(int hole, int mask) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            long k = keys[i];
            if (k == EMPTY) {
                keys[hole] = EMPTY;
                return;
            }
            int home = mix(k) & mask;
            // move k into the hole unless its home lies cyclically within (hole, i]
            boolean stays = hole <= i ? (home > hole && home <= i) : (home > hole || home <= i);
            if (!stays) {
                keys[hole] = k;
                values[hole] = values[i];
                hole = i;
            }
        }
    }

    private void rehash() {
        rehashes++;
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = mix(oldKeys[j]) & mask;
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
