package io.mvtrx.runtime.simulator;

import java.util.Optional;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.runtime.config.ProcessConfig;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.simulator.internal.Processes;
import io.mvtrx.runtime.simulator.report.MarketFacts;

/**
 * The path of a configured process (the fundamental price) as the agents of a run saw it, rebuilt after the run: a
 * fresh instance per book, created as the block created it (same provider, settings, seed, initial value, start and
 * duration) and advanced to each sample time. Processes give the same path however they are advanced
 * (doc/processes.md §1), so the values equal the run's.
 *
 * <p>Stateless.
 */
public final class ProcessPaths {

    private ProcessPaths() {
    }

    /**
     * The named process of every book as a {@link MarketFacts.Reference}, or empty when the configuration has no
     * process of that name.
     *
     * @param seed     the run's root seed ({@link Simulation#seed()})
     * @param duration the run's duration, ns ({@code Simulation.info().duration()}): the time unit of processes
     *                 with per-run parameters
     */
    public static Optional<MarketFacts.Reference> reference(SimulationConfig config, PluginCatalog catalog,
                                                            String name, long seed, long duration) {
        Optional<ProcessConfig> process = config.exchange().books().processes().stream()
                .filter(p -> p.name().equals(name)).findFirst();
        if (process.isEmpty()) {
            return Optional.empty();
        }
        BookDecimals decimals = config.exchange().decimals();
        double initialValue = decimals.price().toDouble(config.exchange().initialPrice());
        long start = config.start();
        return Optional.of((book, first, interval, count) -> {
            PriceProcess path = Processes.create(process.get(), catalog, seed, book, initialValue, start, duration);
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                values[i] = path.advanceTo(first + i * interval);
            }
            return values;
        });
    }
}
