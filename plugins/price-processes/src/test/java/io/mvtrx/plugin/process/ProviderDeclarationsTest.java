package io.mvtrx.plugin.process;

import java.nio.file.Path;

import io.mvtrx.testkit.ProviderDeclarations;

import org.junit.jupiter.api.Test;

class ProviderDeclarationsTest {

    @Test
    void moduleInfoAndServiceFilesAgree() {
        ProviderDeclarations.assertAgree(Path.of("target/classes"));
    }
}
