package io.mvtrx.runtime.validator.node;

import java.math.BigDecimal;
import java.util.Optional;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.runtime.config.BalancesConfig;
import io.mvtrx.runtime.config.ExchangeConfig;
import io.mvtrx.runtime.config.SimulationConfig;

/** What the validator reads from a simulation configuration beyond the simulator's own needs. */
public final class SimulationShapes {

    /** The reference miner wealth, QUOTE, when a configuration says nothing the validator can use. */
    public static final double DEFAULT_MINER_WEALTH = 50_000.0;

    private SimulationShapes() {
    }

    /**
     * The wealth a miner's account starts with, in QUOTE (the reference's {@code miner_wealth}): the remote
     * {@code <Balances wealth="...">} of a distribution, or for static balances {@code Quote total + Base total x
     * initialPrice}; {@link #DEFAULT_MINER_WEALTH} if neither is given.
     */
    public static double minerWealth(SimulationConfig config) {
        ExchangeConfig exchange = config.exchange();
        BalancesConfig balances = exchange.balances();
        Settings settings = balances.settings();
        if (settings.has("wealth")) {
            return settings.decimal("wealth").doubleValue();
        }
        Optional<Settings> base = settings.child("Base");
        Optional<Settings> quote = settings.child("Quote");
        if (base.isPresent() && quote.isPresent() && base.get().has("total") && quote.get().has("total")) {
            BigDecimal price = exchange.decimals().price().toDecimal(exchange.initialPrice());
            return quote.get().decimal("total").add(base.get().decimal("total").multiply(price)).doubleValue();
        }
        return DEFAULT_MINER_WEALTH;
    }

    /**
     * The configuration with {@code count} remote accounts per block instead of its own: a local network with
     * eight miners need not publish 264 accounts. Everything else is unchanged.
     */
    public static SimulationConfig withRemoteAccounts(SimulationConfig config, int count) {
        ExchangeConfig e = config.exchange();
        ExchangeConfig exchange = new ExchangeConfig(e.name(), count, e.gracePeriod(), e.decimals(), e.maxLeverage(),
                e.maxLoan(), e.maintenanceMargin(), e.maxOpenOrders(), e.initialPrice(), e.minOrderSize(),
                e.feePolicy(), e.books(), e.balances(), e.logging(), e.settings());
        return new SimulationConfig(config.id(), config.start(), config.step(), config.duration(),
                config.logWindow(), config.timescale(), config.blockCount(), config.seed(), config.checkpoint(),
                exchange, config.agents(), config.remoteAgentsEnabled(), config.settings());
    }

    /**
     * The configuration with its grace period (no publishes before it) set to {@code gracePeriod} ns: benchmarks and
     * short local runs need not wait the live ten minutes. Everything else is unchanged.
     */
    public static SimulationConfig withGracePeriod(SimulationConfig config, long gracePeriod) {
        ExchangeConfig e = config.exchange();
        ExchangeConfig exchange = new ExchangeConfig(e.name(), e.remoteAgentCount(), gracePeriod, e.decimals(),
                e.maxLeverage(), e.maxLoan(), e.maintenanceMargin(), e.maxOpenOrders(), e.initialPrice(),
                e.minOrderSize(), e.feePolicy(), e.books(), e.balances(), e.logging(), e.settings());
        return new SimulationConfig(config.id(), config.start(), config.step(), config.duration(),
                config.logWindow(), config.timescale(), config.blockCount(), config.seed(), config.checkpoint(),
                exchange, config.agents(), config.remoteAgentsEnabled(), config.settings());
    }
}
