package io.mvtrx.plugin.fees;

import java.util.Arrays;

/**
 * Dense slots for agent ids: an open-addressing {@code int -> int} map handing out 0, 1, 2, … in order of first
 * sight; ids within ±2^16 are also kept in a direct table, so their look-up is one array read. Look-ups are
 * allocation-free; growth allocates (only when an agent is seen for the first time).
 *
 * <p>Not thread-safe. {@link Integer#MIN_VALUE} is reserved as the empty marker and cannot be an agent id.
 */
final class AgentSlots {

    /** Returned by {@link #slot} for an agent never seen. */
    static final int MISSING = -1;

    private static final int EMPTY = Integer.MIN_VALUE;
    private static final int DIRECT = 1 << 16;

    private int[] direct = new int[0];
    private int directLow;

    private int[] keys;
    private int[] values;
    private int size;
    private int[] agents = new int[16];

    AgentSlots() {
        keys = new int[32];
        values = new int[32];
        Arrays.fill(keys, EMPTY);
    }

    /** Number of agents seen. */
    int size() {
        return size;
    }

    /** The agent id of a slot. */
    int agentAt(int slot) {
        return agents[slot];
    }

    /** The agent's slot, or {@link #MISSING}. */
    int slot(int agentId) {
        int d = agentId - directLow;
        if (d >= 0 && d < direct.length) {
            return direct[d] - 1;
        }
        if (agentId >= -DIRECT && agentId < DIRECT) {
            return MISSING;
        }
        int mask = keys.length - 1;
        int i = mix(agentId) & mask;
        while (true) {
            int key = keys[i];
            if (key == agentId) {
                return values[i];
            }
            if (key == EMPTY) {
                return MISSING;
            }
            i = (i + 1) & mask;
        }
    }

    /** The agent's slot, created if new. */
    int slotOrAdd(int agentId) {
        int d = agentId - directLow;
        if (d >= 0 && d < direct.length && direct[d] != 0) {
            return direct[d] - 1;
        }
        if (agentId == EMPTY) {
            throw new IllegalArgumentException("agent id " + agentId + " is reserved");
        }
        int mask = keys.length - 1;
        int i = mix(agentId) & mask;
        while (true) {
            int key = keys[i];
            if (key == agentId) {
                return values[i];
            }
            if (key == EMPTY) {
                break;
            }
            i = (i + 1) & mask;
        }
        int slot = size++;
        keys[i] = agentId;
        values[i] = slot;
        if (slot == agents.length) {
            agents = Arrays.copyOf(agents, slot * 2);
        }
        agents[slot] = agentId;
        if (size * 2 > keys.length) {
            grow();
        }
        if (agentId >= -DIRECT && agentId < DIRECT) {
            cover(agentId);
            direct[agentId - directLow] = slot + 1;
        }
        return slot;
    }

    /** Grows the direct table (in steps of at least 64 ids) until it covers {@code agentId}. */
    private void cover(int agentId) {
        if (direct.length == 0) {
            directLow = Math.max(-DIRECT, agentId - 32);
            direct = new int[Math.min(DIRECT - directLow, 64)];
        }
        int low = directLow;
        int high = directLow + direct.length;
        if (agentId >= low && agentId < high) {
            return;
        }
        int newLow = agentId < low ? Math.max(-DIRECT, Math.min(agentId, low - direct.length)) : low;
        int newHigh = agentId >= high ? Math.min(DIRECT, Math.max(agentId + 1, high + direct.length)) : high;
        int[] grown = new int[newHigh - newLow];
        System.arraycopy(direct, 0, grown, low - newLow, direct.length);
        direct = grown;
        directLow = newLow;
    }

    private void grow() {
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
