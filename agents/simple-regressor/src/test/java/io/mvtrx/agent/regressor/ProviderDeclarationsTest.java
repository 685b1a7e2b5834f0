package io.mvtrx.agent.regressor;

import java.nio.file.Path;

import io.mvtrx.testkit.ProviderDeclarations;

import org.junit.jupiter.api.Test;

class ProviderDeclarationsTest {

    @Test
    void moduleInfoAndServiceFilesDeclareTheSameProviders() {
        ProviderDeclarations.assertAgree(Path.of("target/classes"));
    }
}
