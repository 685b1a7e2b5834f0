package io.mvtrx.api.spi.matching.support;

/**
 * An open-addressing map from {@code long} keys to objects: linear probing over parallel arrays, Fibonacci hashing
 * (sequential ids spread evenly), backward-shift deletion (no tombstones, so probe chains never rot), load factor
 * one half. {@code null} values are not allowed: a {@code null} slot is an empty slot, so every {@code long},
 * including 0, is a valid key. {@link LadderBook}'s id index; package-private, so it is no API.
 *
 * <p>Not thread-safe. Cost: O(1) expected per operation; {@link #get}, {@link #put} of an existing capacity and
 * {@link #remove} never allocate. The table doubles when half full, which allocates; {@link #resizes()} counts it.
 *
 * @param <V> value type
 */
final class Long2ObjectHashMap<V> {

    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private long[] keys;
    private Object[] values;
    private int mask;
    private int shift;
    private int size;
    private int resizeAt;
    private long resizes;

    /** A map that holds {@code expected} entries before its first resize. */
    Long2ObjectHashMap(int expected) {
        if (expected < 0) {
            throw new IllegalArgumentException(String.format("expected entries must be >= 0, got %d", expected));
        }
        int capacity = Integer.highestOneBit(Math.clamp(expected, 8, 1 << 28) * 2 - 1) << 1;
        allocate(capacity);
    }

    /** Number of entries. */
    int size() {
        return size;
    }

    /** How many times the table has grown. */
    long resizes() {
        return resizes;
    }

    /** The value for {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    V get(long key) {
        long[] ks = keys;
        Object[] vs = values;
        int m = mask;
        int i = slot(key);
        Object v;
        while ((v = vs[i]) != null) {
            if (ks[i] == key) {
                return (V) v;
            }
            i = (i + 1) & m;
        }
        return null;
    }

    /** The slot holding {@code key}, or -1; valid until the next {@link #put} or {@link #remove}. */
    int indexOf(long key) {
        long[] ks = keys;
        Object[] vs = values;
        int m = mask;
        int i = slot(key);
        while (vs[i] != null) {
            if (ks[i] == key) {
                return i;
            }
            i = (i + 1) & m;
        }
        return -1;
    }

    /** The value in a slot found by {@link #indexOf}. */
    @SuppressWarnings("unchecked")
    V valueAt(int index) {
        return (V) values[index];
    }

    /** Removes the entry in a slot found by {@link #indexOf}. */
    void removeAt(int index) {
        values[index] = null;
        size--;
        shiftBack(index);
    }

    /**
     * Associates {@code value} with {@code key}.
     *
     * @return the previous value, or {@code null}
     */
    @SuppressWarnings("unchecked")
    V put(long key, V value) {
        if (value == null) {
            throw new IllegalArgumentException(String.format("null value for key %d", key));
        }
        int i = slot(key);
        Object v;
        while ((v = values[i]) != null) {
            if (keys[i] == key) {
                values[i] = value;
                return (V) v;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size > resizeAt) {
            grow();
        }
        return null;
    }

    /**
     * Removes {@code key}.
     *
     * @return the value removed, or {@code null}
     */
    @SuppressWarnings("unchecked")
    V remove(long key) {
        long[] ks = keys;
        Object[] vs = values;
        int m = mask;
        int i = slot(key);
        Object v;
        while ((v = vs[i]) != null) {
            if (ks[i] == key) {
                vs[i] = null;
                size--;
                shiftBack(i);
                return (V) v;
            }
            i = (i + 1) & m;
        }
        return null;
    }

    private int slot(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /** Closes the hole at {@code hole} by moving back every later entry of the chain that may live there. */
    private void shiftBack(int hole) {
        long[] ks = keys;
        Object[] vs = values;
        int m = mask;
        int i = (hole + 1) & m;
        while (vs[i] != null) {
            int ideal = slot(ks[i]);
            if (((i - ideal) & m) >= ((i - hole) & m)) {
                ks[hole] = ks[i];
                vs[hole] = vs[i];
                vs[i] = null;
                hole = i;
            }
            i = (i + 1) & m;
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        resizeAt = capacity / 2;
    }

    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(oldKeys.length * 2);
        resizes++;
        for (int j = 0; j < oldValues.length; j++) {
            Object v = oldValues[j];
            if (v != null) {
                int i = slot(oldKeys[j]);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = v;
            }
        }
    }
}
