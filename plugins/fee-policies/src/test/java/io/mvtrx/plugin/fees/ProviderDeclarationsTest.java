package io.mvtrx.plugin.fees;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.mvtrx.testkit.ProviderDeclarations;

class ProviderDeclarationsTest {

    @Test
    void moduleInfoAndServiceFilesDeclareTheSameProviders() {
        ProviderDeclarations.assertAgree(Path.of("target/classes"));
    }
}
