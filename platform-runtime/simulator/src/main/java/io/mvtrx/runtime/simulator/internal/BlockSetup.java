package io.mvtrx.runtime.simulator.internal;

import java.util.List;

import io.mvtrx.runtime.config.AgentGroupConfig;
import io.mvtrx.runtime.config.ExchangeConfig;
import io.mvtrx.runtime.plugins.PluginCatalog;

/**
 * Everything one block is built from.
 *
 * @param index          block index, {@code 0..blockCount-1}
 * @param booksPerBlock  books of every block; this block's canonical ids are {@code index·booksPerBlock + local}
 * @param start          simulation start, ns
 * @param duration       simulation duration, ns
 * @param seed           root seed of the run
 * @param exchange       the exchange configuration (its {@code Books instanceCount} is overridden by
 *                       {@code booksPerBlock})
 * @param groups         background-agent groups with at least one instance, in configuration order
 * @param agentIds       per group, the account id of each instance (see {@link AgentDirectory})
 * @param catalog        where every plugin name is resolved
 * @param publishes      whether remote accounts' notices are collected for publications
 * @param expectedOrders open orders per book to size the exchange's pools for
 */
public record BlockSetup(int index, int booksPerBlock, long start, long duration, long seed, ExchangeConfig exchange,
                         List<AgentGroupConfig> groups, int[][] agentIds, PluginCatalog catalog, boolean publishes,
                         int expectedOrders) {

    public BlockSetup {
        groups = List.copyOf(groups);
        if (agentIds.length != groups.size()) {
            throw new IllegalArgumentException(String.format("%d agent groups but ids for %d", groups.size(),
                    agentIds.length));
        }
    }
}
