package io.mvtrx.runtime.config;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.state.SimulationInfo;

/**
 * A validated simulation configuration: the {@code <Simulation>} element of the upstream XML, bound to records.
 * Times are nanoseconds. Obtain one from {@link SimulationConfigs#load} or a valid {@link ValidationReport}.
 *
 * @param id                  run id from {@code id}, if given
 * @param start               simulation start time
 * @param step                step length = publish interval to remote agents
 * @param duration            simulated time the run covers
 * @param logWindow           log rotation window; 0 when logs are not rotated
 * @param timescale           the time unit of every duration in the file; always {@value #TIMESCALE}
 * @param blockCount          independent blocks, each with its own books, agents and accounts
 * @param seed                root seed of every random stream; {@value #DEFAULT_SEED} when {@code seed} is absent
 * @param checkpoint          checkpointing
 * @param exchange            the exchange of every block
 * @param agents              background-agent groups in document order, names unique
 * @param remoteAgentsEnabled whether {@code <DistributedProxyAgent/>} is present: remote (miner) agents trade
 * @param settings            the whole document, from the {@code <Simulation>} root
 */
public record SimulationConfig(Optional<String> id, long start, long step, long duration, long logWindow,
                               String timescale, int blockCount, long seed, CheckpointConfig checkpoint,
                               ExchangeConfig exchange, List<AgentGroupConfig> agents, boolean remoteAgentsEnabled,
                               Settings settings) {

    /** The only time unit: every duration in a configuration is in nanoseconds. */
    public static final String TIMESCALE = "ns";

    /** Root seed when {@code seed} is absent; runs are reproducible by default. */
    public static final long DEFAULT_SEED = 0L;

    /** Shortest non-zero log window: one second. */
    public static final long MIN_LOG_WINDOW = 1_000_000_000L;

    /** Longest log window: 99 days. */
    public static final long MAX_LOG_WINDOW = 99L * 24 * 3600 * 1_000_000_000L;

    public SimulationConfig {
        Checks.present("id", id);
        Checks.atLeast("start", start, 0);
        Checks.atLeast("step", step, 1);
        Checks.atLeast("duration", duration, 1);
        if (logWindow != 0) {
            Checks.within("logWindow", logWindow, MIN_LOG_WINDOW, MAX_LOG_WINDOW);
        }
        if (!TIMESCALE.equals(timescale)) {
            throw new IllegalArgumentException(String.format(
                    "timescale must be '%s', got '%s'", TIMESCALE, timescale));
        }
        Checks.atLeast("blockCount", blockCount, 1);
        Checks.present("checkpoint", checkpoint);
        Checks.present("exchange", exchange);
        agents = List.copyOf(agents);
        Checks.present("settings", settings);
        if ((long) blockCount * exchange.books().instanceCount() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(String.format(
                    "blockCount x Books instanceCount must fit an int, got %d x %d",
                    blockCount, exchange.books().instanceCount()));
        }
        Set<String> names = new HashSet<>();
        for (AgentGroupConfig group : agents) {
            if (!names.add(group.name())) {
                throw new IllegalArgumentException(String.format(
                        "agent names must be unique, got '%s' twice", group.name()));
            }
        }
    }

    /** Books in the whole simulation: blocks times books per block. */
    public int bookCount() {
        return blockCount * exchange.books().instanceCount();
    }

    /** Background agents in one block. */
    public long agentsPerBlock() {
        long total = 0;
        for (AgentGroupConfig group : agents) {
            total += group.instanceCount();
        }
        return total;
    }

    /** What agents are told about this simulation. */
    public SimulationInfo toSimulationInfo(String simulationId) {
        Checks.text("simulationId", simulationId);
        return new SimulationInfo(
                simulationId,
                exchange.remoteAgentCount(),
                blockCount,
                exchange.books().instanceCount(),
                duration,
                exchange.gracePeriod(),
                step,
                exchange.decimals(),
                exchange.minOrderSize(),
                exchange.maxOpenOrders(),
                exchange.maxLeverage(),
                exchange.maxLoan(),
                exchange.maintenanceMargin(),
                exchange.initialPrice(),
                exchange.feePolicy().type());
    }
}
