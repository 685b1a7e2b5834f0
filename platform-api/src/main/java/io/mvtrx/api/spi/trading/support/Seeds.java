package io.mvtrx.api.spi.trading.support;

import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;

/**
 * Random streams for agents. With a {@code seed} parameter an agent's stream depends only on the seed and its uid,
 * so an offline run repeats exactly and two uids running the same parameters still draw differently; without one
 * the stream is seeded unpredictably.
 */
public final class Seeds {

    /** The optional {@code seed} parameter every randomized example agent declares. */
    public static final Parameter PARAMETER = Parameter.optional("seed", ParameterType.INTEGER, null,
            "random seed (mixed with the uid); absent: unpredictable");

    private Seeds() {
    }

    /** The {@code seed} attribute, if given. */
    public static OptionalLong read(Settings settings) {
        return settings.has(PARAMETER.name()) ? OptionalLong.of(settings.longValue(PARAMETER.name()))
                : OptionalLong.empty();
    }

    /** The stream for {@code agentId}: fixed by {@code seed} and the id, or unpredictable without a seed. */
    public static RandomGenerator forAgent(OptionalLong seed, int agentId) {
        if (seed.isEmpty()) {
            return new SplittableRandom();
        }
        // Spread the uid over all 64 bits (golden-ratio increment) so seeds s and s+1 of neighbouring uids differ.
        return new SplittableRandom(seed.getAsLong() ^ (0x9E3779B97F4A7C15L * (agentId + 1L)));
    }
}
