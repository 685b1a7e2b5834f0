package io.mvtrx.plugin.agents;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.plugin.agents.internal.Attributes;

/**
 * {@code <RandomTraderAgent>}: a test trader that, every second after the grace period, quotes a random bid and ask
 * inside the spread (reference 0.5.4 §7.7, not in the production configuration). The instances share nothing.
 */
public final class RandomTraderAgentProvider implements BackgroundAgentModelProvider {

    static final ParameterSchema SCHEMA = ParameterSchema.of(
            CommonParameters.NAME,
            CommonParameters.INSTANCE_COUNT,
            CommonParameters.EXCHANGE,
            Parameter.required("tau", ParameterType.INTEGER, "lifetime of each order, ns, > 0"),
            Parameter.optional("minQuantity", ParameterType.DECIMAL, "0.01", "smallest order size, base"),
            Parameter.optional("maxQuantity", ParameterType.DECIMAL, "2.0", "largest order size, base"),
            CommonParameters.DEBUG);

    /** Public no-argument constructor: ServiceLoader and PF4J create providers reflectively. */
    public RandomTraderAgentProvider() {
    }

    @Override
    public String name() {
        return "RandomTraderAgent";
    }

    @Override
    public String description() {
        return "test trader: every second a random bid and ask inside the spread";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public AgentPopulation create(Settings settings, PopulationContext context) {
        Attributes a = new Attributes(settings);
        a.text("exchange");
        long tau = a.positive("tau", a.whole("tau"));
        double minQuantity = a.positive("minQuantity", a.number("minQuantity", 0.01));
        double maxQuantity = a.number("maxQuantity", 2.0);
        if (maxQuantity < minQuantity) {
            throw a.invalid("maxQuantity", ">= minQuantity (" + minQuantity + ")", maxQuantity);
        }
        return new StatelessPopulation(agent -> new RandomTrader(context, tau, minQuantity, maxQuantity));
    }
}
