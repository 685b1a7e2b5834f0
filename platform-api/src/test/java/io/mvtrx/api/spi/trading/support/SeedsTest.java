package io.mvtrx.api.spi.trading.support;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;

import io.mvtrx.api.settings.Settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedsTest {

    private static long[] draws(RandomGenerator random) {
        return random.longs(8).toArray();
    }

    @Test
    void aSeedAndAUidFixTheStream() {
        assertThat(draws(Seeds.forAgent(OptionalLong.of(7), 3))).containsExactly(
                draws(Seeds.forAgent(OptionalLong.of(7), 3)));
        assertThat(draws(Seeds.forAgent(OptionalLong.of(7), 4))).isNotEqualTo(
                draws(Seeds.forAgent(OptionalLong.of(7), 3)));
        assertThat(draws(Seeds.forAgent(OptionalLong.of(8), 3))).isNotEqualTo(
                draws(Seeds.forAgent(OptionalLong.of(7), 3)));
    }

    @Test
    void withoutASeedTwoStreamsDiffer() {
        assertThat(draws(Seeds.forAgent(OptionalLong.empty(), 3))).isNotEqualTo(
                draws(Seeds.forAgent(OptionalLong.empty(), 3)));
    }

    @Test
    void readsTheSeedParameter() {
        assertThat(Seeds.read(Settings.builder("a").attribute("seed", "42").build())).hasValue(42);
        assertThat(Seeds.read(Settings.empty("a"))).isEmpty();
        assertThat(Seeds.PARAMETER.required()).isFalse();
    }
}
