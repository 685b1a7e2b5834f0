package io.mvtrx.agent.randomtaker;

import java.nio.file.Path;

import io.mvtrx.testkit.ProviderDeclarations;

import org.junit.jupiter.api.Test;

class ProviderDeclarationsTest {

    @Test
    void moduleInfoAndServiceFilesDeclareTheSameProviders() {
        ProviderDeclarations.assertAgree(Path.of("target/classes"));
    }
}
