package io.mvtrx.plugin.fees;

import java.util.Arrays;

/**
 * Dense slots for agent ids: an open-addressing {@code int -> int} map handing out 0, 1, 2, … in order of first
 * sight. Look-ups are allocation-free; growth allocates (only when an agent is seen for the first time).
 *
 * <p>Not thread-safe. {@link Integer#MIN_VALUE} is reserved as the empty marker and cannot be an agent id.
 */
final class AgentSlots {

    /** Returned by {@link #slot} for an agent never seen. */
    static final int MISSING = -1;

    private static final int EMPTY = Integer.MIN_VALUE;

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
        return slot;
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
