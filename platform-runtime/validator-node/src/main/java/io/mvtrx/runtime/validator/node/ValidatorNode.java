package io.mvtrx.runtime.validator.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;

import io.mvtrx.runtime.config.ConfigException;
import io.mvtrx.runtime.config.ConfigProblem;
import io.mvtrx.runtime.config.SimulationConfig;
import io.mvtrx.runtime.plugins.PluginCatalog;
import io.mvtrx.runtime.simulator.Simulation;
import io.mvtrx.runtime.simulator.SimulationOptions;

/**
 * Runs simulations back to back under one {@link ValidatorLoop}: the simulator and the validator of a node. At the
 * end of each simulation the configuration is loaded again from its source and validated; a valid one runs next, an
 * invalid one is reported as an {@code ALERT} line (with every problem) and the previous configuration runs again;
 * so does one that validates but that a plugin refuses when the simulation is built.
 * Scores, histories and traded volumes carry from one simulation to the next (the loop moves them onto the new
 * clock); the state is checkpointed at each end.
 *
 * <p>Simulation {@code k} (counted over the node's whole life, resumed runs included) uses the root seed
 * {@code configSeed + k} unless the plan fixes a seed, so successive days differ and each one can be replayed.
 *
 * <p>{@link #run} blocks on the calling thread; {@link #stop} may be called from any thread and ends the run after
 * the current step.
 */
public final class ValidatorNode {

    private final ValidatorLoop loop;
    private final PluginCatalog catalog;
    private final ConfigSource source;
    private final Plan plan;
    private final Consumer<String> log;
    private volatile boolean stopped;
    private volatile SimulationConfig current;
    private volatile Simulation running;
    /** The configuration that ran before a reload, until the reloaded one has been built. */
    private SimulationConfig previous;

    /** Loads and validates the configuration from where it lives (a file, the embedded default). */
    @FunctionalInterface
    public interface ConfigSource {

        /**
         * @throws ConfigException listing the problems, if the configuration is invalid
         * @throws IOException     if it cannot be read
         */
        SimulationConfig load() throws IOException;

        /** Whether the configuration comes from a storage backend (its read failures count as storage errors). */
        default boolean fromStorage() {
            return false;
        }
    }

    /**
     * How each simulation is run.
     *
     * @param options        duration, books, blocks, threads, event log (the remote agents are the loop, the seed as
     *                       above; a seed set here is used for every simulation)
     * @param remoteAccounts remote accounts per block, or 0 for the configured count
     * @param simulations    simulations to run, or 0 to run until stopped
     */
    public record Plan(SimulationOptions options, int remoteAccounts, int simulations) {

        public Plan {
            Objects.requireNonNull(options, "options");
            if (remoteAccounts < 0 || simulations < 0) {
                throw new IllegalArgumentException(String.format(
                        "remote accounts and simulations must be >= 0, got %d and %d", remoteAccounts, simulations));
            }
        }
    }

    /**
     * @param log receives one line per simulation start, configuration reload and alert
     */
    public ValidatorNode(ValidatorLoop loop, PluginCatalog catalog, ConfigSource source, Plan plan,
                         Consumer<String> log) {
        this.loop = loop;
        this.catalog = catalog;
        this.source = source;
        this.plan = plan;
        this.log = log;
    }

    /**
     * Loads the configuration and runs simulations until the plan's count or {@link #stop}.
     *
     * @throws ConfigException if the first configuration is invalid (there is nothing to fall back to)
     * @throws IllegalArgumentException if a plugin refuses the configuration
     */
    public void run() throws IOException {
        current = source.load();
        int done = 0;
        while (!stopped) {
            SimulationConfig config = plan.remoteAccounts() > 0
                    ? SimulationShapes.withRemoteAccounts(current, plan.remoteAccounts()) : current;
            requireRemoteAgents(config);
            SimulationOptions options = plan.options().withRemote(loop);
            if (plan.options().seed().isEmpty()) {
                options = options.withSeed(config.seed() + loop.stats().simulations());
            }
            Simulation created;
            try {
                created = Simulation.create(config, catalog, options);
            } catch (IllegalArgumentException e) {
                if (previous == null) {
                    throw e;
                }
                // valid on paper, refused by a plugin when built: back to the configuration that ran
                log.accept(String.format("ALERT: the new configuration cannot be built, keeping the previous one: "
                        + "%s", e.getMessage()));
                current = previous;
                previous = null;
                continue;
            }
            previous = null;
            try (Simulation simulation = created) {
                running = simulation;
                loop.begin(simulation, SimulationShapes.minerWealth(config));
                log.accept(String.format("simulation %s: %d block(s) x %d books, %d remote accounts, seed %d",
                        simulation.info().simulationId(), simulation.info().blockCount(),
                        simulation.info().booksPerBlock(), simulation.info().remoteAgentCount(), simulation.seed()));
                long events = simulation.l3Events();
                while (!stopped && !simulation.finished()) {
                    long began = System.nanoTime();
                    simulation.step();
                    long now = simulation.l3Events();
                    loop.metrics().step(System.nanoTime() - began, now - events);
                    events = now;
                }
            } finally {
                running = null;
            }
            loop.checkpoint();
            done++;
            if (stopped || (plan.simulations() > 0 && done >= plan.simulations())) {
                break;
            }
            reload();
        }
    }

    /** Ends {@link #run} after the current step. */
    public void stop() {
        stopped = true;
    }

    /** The configuration in use (null before {@link #run}). */
    public SimulationConfig configuration() {
        return current;
    }

    /** The simulation running now, if any. */
    public Simulation simulation() {
        return running;
    }

    private void reload() {
        try {
            SimulationConfig next = source.load();
            requireRemoteAgents(next);
            previous = current;
            current = next;
            log.accept("configuration reloaded and valid; the next simulation uses it");
        } catch (ConfigException e) {
            loop.metrics().configRejected();
            log.accept(String.format("ALERT: the new configuration is invalid, keeping the previous one: %s",
                    e.getMessage().lines().findFirst().orElse("invalid")));
            for (ConfigProblem problem : e.problems()) {
                log.accept("ALERT:   " + problem.format());
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            loop.metrics().configRejected();
            if (source.fromStorage() && !(e instanceof IllegalArgumentException)) {
                loop.metrics().storageError(ValidatorMetrics.StorageOperation.CONFIG_READ);
            }
            log.accept(String.format("ALERT: the configuration cannot be read, keeping the previous one: %s",
                    e.getMessage()));
        }
    }

    private static void requireRemoteAgents(SimulationConfig config) {
        if (!config.remoteAgentsEnabled()) {
            throw new ConfigException("the configuration has no <DistributedProxyAgent/>: remote (miner) agents are "
                    + "off, there is nothing to validate");
        }
    }
}
