package io.mvtrx.runtime.config;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.PluginProvider;
import io.mvtrx.api.spi.agentmodel.AgentPopulation;
import io.mvtrx.api.spi.agentmodel.BackgroundAgentModelProvider;
import io.mvtrx.api.spi.agentmodel.PopulationContext;
import io.mvtrx.api.spi.balances.BalanceContext;
import io.mvtrx.api.spi.balances.BalanceDistribution;
import io.mvtrx.api.spi.balances.BalanceDistributionProvider;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.api.spi.matching.MatchingRule;
import io.mvtrx.api.spi.matching.MatchingRuleProvider;
import io.mvtrx.api.spi.process.PriceProcess;
import io.mvtrx.api.spi.process.PriceProcessProvider;
import io.mvtrx.api.spi.process.ProcessContext;
import io.mvtrx.runtime.plugins.PluginCatalog;

import static io.mvtrx.api.settings.ParameterType.BOOLEAN;
import static io.mvtrx.api.settings.ParameterType.DECIMAL;
import static io.mvtrx.api.settings.ParameterType.INTEGER;

/**
 * A plugin catalog for configuration tests: validation-only providers carrying the names the reference
 * configuration uses and parameter schemas modelled on the reference attributes. Their {@code create} methods are
 * never called by validation and refuse to run.
 */
final class TestCatalog implements PluginCatalog {

    private final Map<ExtensionPoint, Map<String, PluginProvider>> providers = new EnumMap<>(ExtensionPoint.class);

    /** Every name simulation_0.xml uses, plus {@code tiered}, {@code ProRata} and {@code GBM}. */
    static TestCatalog reference() {
        return new TestCatalog()
                .add(new Model("InitializationAgent", schema(required("tau", INTEGER))))
                .add(new Model("ALGOTraderAgent", schema(required("volumeStatsPeriod", INTEGER),
                        required("depth", INTEGER), required("alpha", DECIMAL))))
                .add(new Model("HighFrequencyTraderAgent", schema(required("minMFLatency", INTEGER),
                        required("minOPLatency", INTEGER), required("maxOPLatency", INTEGER),
                        required("kappa", DECIMAL), required("spread", DECIMAL))))
                .add(new Model("NoiseTraderAgent", schema(required("MFLmean", INTEGER),
                        required("meanVolume", DECIMAL), required("acdOmega", DECIMAL))))
                .add(new Model("FuturesTraderAgent", schema(required("delayMean", INTEGER),
                        required("volume", DECIMAL), required("sigmaEps", DECIMAL))))
                .add(new Model("StylizedTraderAgent", schema(required("MFLmean", INTEGER),
                        required("MFLstd", INTEGER), required("sigmaN", DECIMAL), required("sigmaC", DECIMAL),
                        required("sigmaF", DECIMAL), required("tau", INTEGER), required("tauHist", INTEGER),
                        Parameter.optional("regimeChangeFlag", BOOLEAN, "0", "regime switching"))))
                .add(new Process("FundamentalPrice", schema(required("seedInterval", INTEGER),
                        required("updatePeriod", INTEGER), required("mu", DECIMAL), required("sigma", DECIMAL),
                        required("lambda", DECIMAL), required("muJump", DECIMAL), required("sigmaJump", DECIMAL),
                        Parameter.optional("Hurst", DECIMAL, "0.5", "Hurst exponent"),
                        Parameter.optional("epsilon", DECIMAL, "0", "fBm weight"))))
                .add(new Process("FuturesSignal", schema(required("lambda", DECIMAL),
                        required("seedInterval", INTEGER), required("updatePeriod", INTEGER))))
                .add(new Process("MagneticField", schema(Parameter.optional("numRows", INTEGER, "32", "grid rows"),
                        Parameter.optional("alpha", DECIMAL, "6.0", "alpha"),
                        Parameter.optional("beta", DECIMAL, "0.667", "beta"),
                        Parameter.optional("updatePeriod", INTEGER, "10000000000", "ns"))))
                .add(new Process("GBM", ParameterSchema.NONE))
                .add(new Fees("dynamic", schema(required("historySlots", INTEGER), required("makerFee", DECIMAL),
                        required("takerFee", DECIMAL), required("maxMakerRate", DECIMAL),
                        required("maxTakerRate", DECIMAL), required("targetMTR", DECIMAL),
                        required("shapeMakerFee", DECIMAL), required("shapeMakerRebate", DECIMAL))))
                .add(new Fees("static", schema(Parameter.optional("makerFee", DECIMAL, "0", "maker rate"),
                        Parameter.optional("takerFee", DECIMAL, "0", "taker rate"))))
                .add(new Fees("tiered", ParameterSchema.NONE))
                .add(new Matching("PriceTime", ParameterSchema.NONE))
                .add(new Matching("ProRata", ParameterSchema.NONE))
                .add(new Balances("pareto", schema(required("scale", DECIMAL), required("shape", DECIMAL),
                        required("wealth", DECIMAL), required("price", DECIMAL),
                        Parameter.optional("seed", INTEGER, null, "ignored"))))
                .add(new Balances("pareto-50", schema(required("scale", DECIMAL), required("shape", DECIMAL),
                        required("wealth", DECIMAL), required("cap", DECIMAL), required("price", DECIMAL))))
                .add(new Balances("static", ParameterSchema.NONE));
    }

    /** A catalog with nothing loaded. */
    static TestCatalog empty() {
        return new TestCatalog();
    }

    TestCatalog add(PluginProvider provider) {
        ExtensionPoint point = Arrays.stream(ExtensionPoint.values())
                .filter(p -> p.providerType().isInstance(provider))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a provider: " + provider));
        providers.computeIfAbsent(point, p -> new TreeMap<>()).put(provider.name(), provider);
        return this;
    }

    TestCatalog remove(ExtensionPoint point, String name) {
        providers.getOrDefault(point, new TreeMap<>()).remove(name);
        return this;
    }

    @Override
    public <P extends PluginProvider> Optional<P> find(Class<P> type, String name) {
        PluginProvider provider = providers.getOrDefault(ExtensionPoint.of(type), Map.of()).get(name);
        return Optional.ofNullable(provider).map(type::cast);
    }

    @Override
    public List<String> names(ExtensionPoint point) {
        return List.copyOf(providers.getOrDefault(point, Map.of()).keySet());
    }

    private static ParameterSchema schema(Parameter... parameters) {
        return ParameterSchema.of(parameters);
    }

    private static Parameter required(String name, ParameterType type) {
        return Parameter.required(name, type, name);
    }

    private static UnsupportedOperationException validationOnly(String name) {
        return new UnsupportedOperationException("test provider '" + name + "' only takes part in validation");
    }

    record Model(String name, ParameterSchema parameters) implements BackgroundAgentModelProvider {
        @Override
        public AgentPopulation create(Settings settings, PopulationContext context) {
            throw validationOnly(name);
        }
    }

    record Process(String name, ParameterSchema parameters) implements PriceProcessProvider {
        @Override
        public PriceProcess create(Settings settings, ProcessContext context) {
            throw validationOnly(name);
        }
    }

    record Fees(String name, ParameterSchema parameters) implements FeePolicyProvider {
        @Override
        public FeePolicy create(Settings settings, FeeContext context) {
            throw validationOnly(name);
        }
    }

    record Matching(String name, ParameterSchema parameters) implements MatchingRuleProvider {
        @Override
        public MatchingRule create(Settings settings) {
            throw validationOnly(name);
        }
    }

    record Balances(String name, ParameterSchema parameters) implements BalanceDistributionProvider {
        @Override
        public BalanceDistribution create(Settings settings, BalanceContext context) {
            throw validationOnly(name);
        }
    }
}
