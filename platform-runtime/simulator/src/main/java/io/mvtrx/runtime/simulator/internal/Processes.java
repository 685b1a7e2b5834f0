package io.mvtrx.runtime.simulator.internal;

import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.PriceProcessProvider;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.runtime.config.ProcessConfig;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.simulator.kernel.SeedTree;

/**
 * How a block creates a book's process, in one place so that a report can rebuild the very path the agents saw: the
 * provider named by the element, the seed {@code derive(seed, "process/" + name, canonicalBook)}.
 *
 * <p>Stateless.
 */
public final class Processes {

    private Processes() {
    }

    /**
     * A fresh instance of a configured process for one book.
     *
     * @param seed         root seed of the run
     * @param initialValue the exchange's initial price, price units
     */
    public static PriceProcess create(ProcessConfig process, PluginCatalog catalog, long seed, int canonicalBook,
                                      double initialValue, long start, long duration) {
        PriceProcessProvider provider = catalog.require(PriceProcessProvider.class, process.type());
        return provider.create(process.settings(), new ProcessContext(canonicalBook,
                SeedTree.derive(seed, "process/" + process.name(), canonicalBook), initialValue, start, duration));
    }
}
