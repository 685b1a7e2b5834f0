package io.mvtrx.plugin.storage.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mvtrx.api.settings.Parameter;
import io.mvtrx.api.settings.ParameterType;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.storage.StorageBackend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FsStorageProviderTest {

    @TempDir
    Path dir;

    @Test
    void isNamedFsAndDeclaresAnOptionalRoot() {
        FsStorageProvider provider = new FsStorageProvider();

        assertThat(provider.name()).isEqualTo("fs");
        assertThat(provider.parameters().parameter("root")).get()
                .extracting(Parameter::type, Parameter::required, Parameter::defaultValue)
                .containsExactly(ParameterType.STRING, false, "~/.mvtrx/storage");
    }

    @Test
    void createsTheConfiguredRootAndStoresUnderIt() throws IOException {
        Path root = dir.resolve("nested/storage");

        try (StorageBackend storage = new FsStorageProvider().create(
                Settings.builder("Storage").attribute("root", root.toString()).build())) {
            storage.put("a/b", new byte[] {42});
        }

        assertThat(root.resolve("a/b")).hasBinaryContent(new byte[] {42});
    }

    @Test
    void aTildeRootIsUnderTheHomeDirectory() {
        assertThat(FsStorageProvider.expandHome("~/.mvtrx/storage", "/home/op"))
                .isEqualTo(Path.of("/home/op/.mvtrx/storage"));
        assertThat(FsStorageProvider.expandHome("~", "/home/op")).isEqualTo(Path.of("/home/op"));
        assertThat(FsStorageProvider.expandHome("/srv/~x", "/home/op")).isEqualTo(Path.of("/srv/~x"));
        assertThat(FsStorageProvider.expandHome("~other/x", "/home/op")).isEqualTo(Path.of("~other/x"));
    }

    @Test
    void aRootThatCannotBeCreatedFailsNamingTheElementAndTheDirectory() throws IOException {
        Path file = Files.write(dir.resolve("occupied"), new byte[] {1});

        assertThatThrownBy(() -> new FsStorageProvider().create(
                Settings.builder("Storage").attribute("root", file.toString()).build()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("/Storage: fs:%s: storage root exists and is not a directory", file);
    }
}
