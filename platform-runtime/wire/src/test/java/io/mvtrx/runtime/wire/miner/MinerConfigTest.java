package io.mvtrx.runtime.wire.miner;

import java.time.Duration;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinerConfigTest {

    private static Config node(Map<String, String> values) {
        return Config.just(ConfigSources.create(values)).get("miner");
    }

    @Test
    void readsAMinerNodeWithDefaults() {
        MinerConfig config = MinerConfig.create(node(Map.of("miner.hotkey", "ab12", "miner.netuid", "79",
                "miner.agent-timeout", "PT2S", "miner.max-inbound-bytes", "1048576")));

        assertThat(config).isEqualTo(new MinerConfig("0.0.0.0", 8091, "ab12", 79, 1 << 20, 16 << 20,
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(2)));
    }

    @Test
    void namesAMissingKey() {
        assertThatThrownBy(() -> MinerConfig.create(node(Map.of("miner.netuid", "79"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("miner config 'hotkey' is required (at 'miner.hotkey')");
    }

    @Test
    void namesTheKeyTheConstraintAndTheValue() {
        assertThatThrownBy(() -> MinerConfig.defaults("ab12", 79).withLimits(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("miner config 'max-inbound-bytes' must be > 0, got 0");
        assertThatThrownBy(() -> MinerConfig.defaults("not|a|key", 79))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("miner config 'hotkey' must be 1..128 letters and digits, got not|a|key");
    }
}
