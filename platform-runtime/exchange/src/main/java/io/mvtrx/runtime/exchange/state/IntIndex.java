package io.mvtrx.runtime.exchange.state;

import java.util.Arrays;

/**
 * Dense indices for int keys: an open-addressing {@code int -> int} map that hands out 0, 1, 2, … in order of first
 * sight and never forgets. Keys within ±{@value #DIRECT} (every agent id of the reference's populations) are also
 * kept in a direct table, so their look-up is one array read. Look-ups are allocation-free; growth allocates.
 *
 * <p>Not thread-safe. {@link Integer#MIN_VALUE} marks empty cells and cannot be a key.
 */
public final class IntIndex {

    /** Returned for a key never added. */
    public static final int MISSING = -1;

    private static final int EMPTY = Integer.MIN_VALUE;

    /** Keys in {@code [-DIRECT, DIRECT)} are found by direct indexing. */
    static final int DIRECT = 1 << 16;

    /** {@code index + 1} of key {@code k} at {@code direct[k + DIRECT]}, 0 if absent; grown on demand. */
    private int[] direct = new int[0];
    private int directLow;

    private int[] keys;
    private int[] values;
    private int[] byIndex;
    private int size;

    /** An index sized for {@code expected} keys before it grows. */
    public IntIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        values = new int[capacity];
        byIndex = new int[Math.max(8, expected)];
        Arrays.fill(keys, EMPTY);
    }

    /** Keys added so far. */
    public int size() {
        return size;
    }

    /** The key that got {@code index}. */
    public int keyAt(int index) {
        return byIndex[index];
    }

    /** The key's index, or {@link #MISSING}. */
    public int get(int key) {
        int d = key - directLow;
        if (d >= 0 && d < direct.length) {
            return direct[d] - 1;
        }
        if (key >= -DIRECT && key < DIRECT) {
            return MISSING;
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (true) {
            int k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return MISSING;
            }
            i = (i + 1) & mask;
        }
    }

    /** The key's index, added if new. */
    public int getOrAdd(int key) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("key " + key + " is reserved");
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (true) {
            int k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                break;
            }
            i = (i + 1) & mask;
        }
        int index = size++;
        keys[i] = key;
        values[i] = index;
        if (index == byIndex.length) {
            byIndex = Arrays.copyOf(byIndex, index * 2);
        }
        byIndex[index] = key;
        if (size * 2 > keys.length) {
            rehash();
        }
        if (key >= -DIRECT && key < DIRECT) {
            cover(key);
            direct[key - directLow] = index + 1;
        }
        return index;
    }

    /** Grows the direct table (in steps of at least 64 keys) until it covers {@code key}. */
    private void cover(int key) {
        if (direct.length == 0) {
            directLow = Math.max(-DIRECT, key - 32);
            direct = new int[Math.min(DIRECT - directLow, 64)];
        }
        int low = directLow;
        int high = directLow + direct.length;
        if (key >= low && key < high) {
            return;
        }
        int newLow = key < low ? Math.max(-DIRECT, Math.min(key, low - direct.length)) : low;
        int newHigh = key >= high ? Math.min(DIRECT, Math.max(key + 1, high + direct.length)) : high;
        int[] grown = new int[newHigh - newLow];
        System.arraycopy(direct, 0, grown, low - newLow, direct.length);
        direct = grown;
        directLow = newLow;
    }

    private void rehash() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
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

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
