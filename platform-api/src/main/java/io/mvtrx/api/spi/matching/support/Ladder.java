package io.mvtrx.api.spi.matching.support;

import java.util.Arrays;

import io.mvtrx.api.spi.matching.OrderBook;
import io.mvtrx.api.spi.matching.support.LadderBook.LevelSlot;

/**
 * One side of a {@link LadderBook}: its price levels, best first. Keys are {@code price} (bids) or {@code -price}
 * (asks): larger is better on both sides. Levels with keys in {@code [base, base + window)} live in
 * {@code slots[key - base]} with a bit set in {@code bits}; levels with keys below {@code base} live in
 * {@code overflow}. Invariants: no level has a key at or above {@code base + window}; the window is empty only when
 * the overflow is empty too; {@code bestSlot} is the highest occupied slot (-1 when empty).
 *
 * <p>Not thread-safe: confined to its book's writer. Cost: {@link #best}, {@link #find} and {@link #insert} or
 * {@link #remove} inside the window are O(1); the next level after the best empties is a bitmap scan, 64 ticks per
 * word; levels below the window cost a binary search and a shift of the overflow array; {@link #recentre} is
 * O(window) and rare.
 */
final class Ladder {

    final boolean bid;
    final int window;
    final LevelSlot[] slots;
    final long[] bits;
    final Overflow overflow;
    long base;
    int windowLevels;
    int bestSlot = -1;

    Ladder(boolean bid, int window, int overflowCapacity) {
        this.bid = bid;
        this.window = window;
        this.slots = new LevelSlot[window];
        this.bits = new long[window >>> 6];
        this.overflow = new Overflow(overflowCapacity);
    }

    long key(long price) {
        return bid ? price : -price;
    }

    int levelCount() {
        return windowLevels + overflow.size;
    }

    LevelSlot best() {
        return bestSlot < 0 ? null : slots[bestSlot];
    }

    long bestPrice() {
        return bestSlot < 0 ? OrderBook.NO_PRICE : slots[bestSlot].price;
    }

    /** The level at {@code price}, or null. */
    LevelSlot find(long price) {
        long offset = key(price) - base;
        if (offset >= 0) {
            return offset < window ? slots[(int) offset] : null;
        }
        int index = overflow.search(key(price));
        return index >= 0 ? overflow.levels[index] : null;
    }

    /** The next level worse than {@code level}, or null. */
    LevelSlot worse(LevelSlot level) {
        long key = key(level.price);
        long offset = key - base;
        if (offset >= 0) {
            int slot = highestBelow((int) offset);
            if (slot >= 0) {
                return slots[slot];
            }
            return overflow.size == 0 ? null : overflow.levels[overflow.size - 1];
        }
        int index = overflow.search(key);
        return index > 0 ? overflow.levels[index - 1] : null;
    }

    /** Adds a level whose price is not in the ladder yet. */
    void insert(LevelSlot level) {
        long key = key(level.price);
        if (windowLevels == 0 || key - base >= window) {
            recentre(key - window + window / 4);
        }
        long offset = key - base;
        if (offset < 0) {
            overflow.insert(key, level);
            return;
        }
        int slot = (int) offset;
        slots[slot] = level;
        bits[slot >>> 6] |= 1L << slot;
        windowLevels++;
        if (slot > bestSlot) {
            bestSlot = slot;
        }
    }

    /** Removes an emptied level. */
    void remove(LevelSlot level) {
        long key = key(level.price);
        long offset = key - base;
        if (offset < 0) {
            overflow.remove(key);
            return;
        }
        int slot = (int) offset;
        slots[slot] = null;
        bits[slot >>> 6] &= ~(1L << slot);
        windowLevels--;
        if (slot == bestSlot) {
            bestSlot = highestBelow(slot);
            if (windowLevels == 0) {
                if (overflow.size > 0) {
                    recentre(overflow.keys[overflow.size - 1] - window + window / 4);
                }
            } else if (bestSlot < window / 4) {
                recentre(base + bestSlot - window + window / 4);
            }
        }
    }

    /** Highest occupied slot strictly below {@code slot}, or -1. */
    int highestBelow(int slot) {
        if (slot <= 0) {
            return -1;
        }
        int word = (slot - 1) >>> 6;
        long bitsOf = bits[word] & (-1L >>> (63 - ((slot - 1) & 63)));
        while (true) {
            if (bitsOf != 0) {
                return (word << 6) + 63 - Long.numberOfLeadingZeros(bitsOf);
            }
            if (--word < 0) {
                return -1;
            }
            bitsOf = bits[word];
        }
    }

    /**
     * Moves the window to start at {@code newBase}: levels that fall below it go to the overflow, overflow levels
     * that now fit come up. Never moves a level above the window: callers move the base down only by less than
     * the distance from the best slot to the top, or when the window is empty.
     */
    void recentre(long newBase) {
        long shift = newBase - base;
        if (windowLevels == 0) {
            base = newBase;
        } else if (shift > 0) {
            int out = (int) Math.min(shift, window);
            for (int i = 0; i < out; i++) {
                if (slots[i] != null) {
                    overflow.append(base + i, slots[i]);
                    slots[i] = null;
                }
            }
            if (out < window) {
                System.arraycopy(slots, out, slots, 0, window - out);
                Arrays.fill(slots, window - out, window, null);
            }
            base = newBase;
        } else if (shift < 0) {
            int in = (int) -shift;
            System.arraycopy(slots, 0, slots, in, window - in);
            Arrays.fill(slots, 0, in, null);
            base = newBase;
        }
        while (overflow.size > 0 && overflow.keys[overflow.size - 1] >= base) {
            long key = overflow.keys[overflow.size - 1];
            slots[(int) (key - base)] = overflow.pop();
        }
        Arrays.fill(bits, 0);
        windowLevels = 0;
        bestSlot = -1;
        for (int i = 0; i < window; i++) {
            if (slots[i] != null) {
                bits[i >>> 6] |= 1L << i;
                windowLevels++;
                bestSlot = i;
            }
        }
    }

    /** Levels below a ladder's window: sorted ascending by key, best last. */
    static final class Overflow {
        long[] keys;
        LevelSlot[] levels;
        int size;
        long growths;

        Overflow(int capacity) {
            this.keys = new long[capacity];
            this.levels = new LevelSlot[capacity];
        }

        /** Index of {@code key}, or {@code -(insertion point) - 1}. */
        int search(long key) {
            return Arrays.binarySearch(keys, 0, size, key);
        }

        void insert(long key, LevelSlot level) {
            int index = -search(key) - 1;
            ensureRoom();
            int tail = size - index;
            if (tail > 0) {
                System.arraycopy(keys, index, keys, index + 1, tail);
                System.arraycopy(levels, index, levels, index + 1, tail);
            }
            keys[index] = key;
            levels[index] = level;
            size++;
        }

        /** Adds a level better than every level held. */
        void append(long key, LevelSlot level) {
            ensureRoom();
            keys[size] = key;
            levels[size] = level;
            size++;
        }

        /** Removes and returns the best level. */
        LevelSlot pop() {
            LevelSlot level = levels[--size];
            levels[size] = null;
            return level;
        }

        void remove(long key) {
            int index = search(key);
            int tail = size - 1 - index;
            if (tail > 0) {
                System.arraycopy(keys, index + 1, keys, index, tail);
                System.arraycopy(levels, index + 1, levels, index, tail);
            }
            levels[--size] = null;
        }

        private void ensureRoom() {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                levels = Arrays.copyOf(levels, size * 2);
                growths++;
            }
        }
    }
}
