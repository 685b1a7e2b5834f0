package io.mvtrx.runtime.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;

import io.mvtrx.testkit.ProviderDeclarations;
import org.junit.jupiter.api.Test;

/** The provider is declared alike for module path and class path, and the networks resolve. */
class ProviderDeclarationsTest {

    @Test
    void moduleInfoAndServicesFileAgree() {
        ProviderDeclarations.assertAgree(Path.of("target/classes"));
        assertThat(new SubtensorProvider().name()).isEqualTo("subtensor");
    }

    @Test
    void networkNamesResolveToTheSdkEndpoints() {
        assertThat(SubtensorNetwork.resolve("finney")).isEqualTo(URI.create("wss://entrypoint-finney.opentensor.ai:443"));
        assertThat(SubtensorNetwork.resolve("test")).isEqualTo(URI.create("wss://test.finney.opentensor.ai:443"));
        assertThat(SubtensorNetwork.resolve("ws://10.0.0.5:9944")).isEqualTo(URI.create("ws://10.0.0.5:9944"));
        assertThatThrownBy(() -> SubtensorNetwork.resolve("mainnet"))
                .hasMessage("unknown network 'mainnet': use finney, test, local, or a ws:// or wss:// URL");
    }
}
