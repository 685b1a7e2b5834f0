package io.mvtrx.runtime.simulator.internal;

import java.util.ArrayList;
import java.util.List;

import io.mvtrx.runtime.config.AgentGroupConfig;

/**
 * Account ids of background agents as the reference assigns them (simulator-054.md §1.4): every instance is named
 * {@code <group name>_<index>}; those names and the exchange's name are sorted as strings ({@code X_10} before
 * {@code X_2}) and numbered −1, −2, … in that order. The exchange's own number is left unused. Ids repeat in every
 * block; remote accounts are {@code 0..remoteAgentCount-1}.
 *
 * <p>Immutable; shared by all blocks. Cost: one sort of all instance names at start-up.
 */
public final class AgentDirectory {

    private final int[][] ids;
    private final int exchangeId;

    private AgentDirectory(int[][] ids, int exchangeId) {
        this.ids = ids;
        this.exchangeId = exchangeId;
    }

    /** Numbers the instances of {@code groups} (in that order) and the exchange named {@code exchangeName}. */
    public static AgentDirectory of(List<AgentGroupConfig> groups, String exchangeName) {
        record Entry(String name, int group, int instance) {
        }
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(exchangeName, -1, 0));
        for (int g = 0; g < groups.size(); g++) {
            AgentGroupConfig group = groups.get(g);
            for (int i = 0; i < group.instanceCount(); i++) {
                entries.add(new Entry(instanceName(group.name(), i), g, i));
            }
        }
        entries.sort((a, b) -> a.name().compareTo(b.name()));
        int[][] ids = new int[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            ids[g] = new int[groups.get(g).instanceCount()];
        }
        int exchangeId = 0;
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            int id = -1 - k;
            if (e.group() < 0) {
                exchangeId = id;
            } else {
                ids[e.group()][e.instance()] = id;
            }
        }
        return new AgentDirectory(ids, exchangeId);
    }

    /** The name of one instance of a group. */
    public static String instanceName(String groupName, int instance) {
        return groupName + "_" + instance;
    }

    /** The account ids of a group's instances, by instance index (a copy). */
    public int[] ids(int group) {
        return ids[group].clone();
    }

    /** Every group's ids (copies), in group order. */
    public int[][] all() {
        int[][] copy = new int[ids.length][];
        for (int g = 0; g < ids.length; g++) {
            copy[g] = ids[g].clone();
        }
        return copy;
    }

    /** The id the exchange's own name received (no account uses it). */
    public int exchangeId() {
        return exchangeId;
    }
}
