package io.mvtrx.plugin.storage.s3;

import java.nio.file.Path;
import java.util.ServiceLoader;

import io.mvtrx.api.spi.storage.StorageBackendProvider;
import io.mvtrx.testkit.ProviderDeclarations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderDeclarationsTest {

    @Test
    void moduleInfoAndServiceFilesAgree() {
        ProviderDeclarations.assertAgree(Path.of("target/classes"));
    }

    @Test
    void serviceLoaderFindsS3ByName() {
        assertThat(ServiceLoader.load(StorageBackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("s3"))
                .findFirst())
                .get().isInstanceOf(S3StorageProvider.class);
    }
}
