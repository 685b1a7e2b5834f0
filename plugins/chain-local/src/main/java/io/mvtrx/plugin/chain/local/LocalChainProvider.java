package io.mvtrx.plugin.chain.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterSchema;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.chain.ChainBackend;
import io.mvtrx.api.spi.chain.ChainBackendProvider;

/** Provides the {@code local} chain. Public no-argument constructor: ServiceLoader and PF4J need it. */
public final class LocalChainProvider implements ChainBackendProvider {

    private static final ParameterSchema PARAMETERS = ParameterSchema.of(
            Parameter.optional("dir", ParameterType.STRING, null, "state directory (default ~/.mvtrx/chain)"),
            Parameter.optional("blockTimeMillis", ParameterType.INTEGER, "12000", "wall-clock ms per block"),
            Parameter.optional("maxUids", ParameterType.INTEGER, "256", "uids per subnet"),
            Parameter.optional("immunityPeriod", ParameterType.INTEGER, "100",
                    "blocks a new registration cannot be replaced"),
            Parameter.optional("maxValidators", ParameterType.INTEGER, "64",
                    "validator permits, given to the largest stakes"),
            Parameter.optional("minValidatorStake", ParameterType.INTEGER, "1",
                    "stake needed for a validator permit"),
            Parameter.optional("weightsRateLimit", ParameterType.INTEGER, "100",
                    "blocks between two weight settings of a validator"));

    public LocalChainProvider() {
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String description() {
        return "embedded chain persisted in one file; shared across hosts through `mvtrx chain`";
    }

    @Override
    public ParameterSchema parameters() {
        return PARAMETERS;
    }

    @Override
    public ChainBackend create(Settings settings) {
        Path dir = settings.attribute("dir").map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".mvtrx", "chain"));
        LocalChainRules rules = new LocalChainRules(
                Duration.ofMillis(settings.longValue("blockTimeMillis", 12_000)),
                settings.intValue("maxUids", 256),
                settings.longValue("immunityPeriod", 100),
                settings.intValue("maxValidators", 64),
                settings.longValue("minValidatorStake", 1),
                settings.longValue("weightsRateLimit", 100));
        return LocalChain.open(dir, rules, InstantSource.system());
    }
}
