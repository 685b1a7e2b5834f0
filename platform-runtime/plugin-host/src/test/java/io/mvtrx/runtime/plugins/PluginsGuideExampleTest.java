package io.mvtrx.runtime.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.testkit.plugins.PluginJarBuilder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The complete example of doc/plugins.md compiles, loads from a plugins folder and does what the guide says. */
class PluginsGuideExampleTest {

    private static final Path GUIDE = Path.of("../../doc/plugins.md");

    @TempDir
    Path temp;

    private static String exampleSource() throws IOException {
        String guide = Files.readString(GUIDE);
        Matcher block = Pattern.compile("`src/main/java/com/example/fees/FlatFeesProvider.java`:\\s*```java\\n(.*?)```",
                Pattern.DOTALL).matcher(guide);
        assertThat(block.find()).as("the provider example in %s", GUIDE).isTrue();
        return block.group(1);
    }

    @Test
    void guideExampleLoadsAsAFolderPluginAndChargesItsFlatRate() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        PluginJarBuilder.plugin("flat-fees")
                .source("com.example.fees.FlatFeesProvider", exampleSource())
                .service(FeePolicyProvider.class, "com.example.fees.FlatFeesProvider")
                .writeTo(plugins.resolve("flat-fees-1.0.0.jar"));

        try (PluginRegistry registry = PluginHost.load(plugins)) {
            assertThat(registry.problems()).isEmpty();
            FeePolicyProvider flat = registry.require(FeePolicyProvider.class, "flat");
            assertThat(flat.parameters().parameter("rate").orElseThrow().defaultValue()).isEqualTo("0");
            FeePolicy policy = flat.create(Settings.builder("FeePolicy").attribute("type", "flat")
                    .attribute("rate", "0.0005").build(), new FeeContext(2, BookDecimals.REFERENCE));
            assertThat(policy.makerRate(3, 1)).isEqualTo(50_000L);
            assertThat(policy.takerRate(3, 1)).isEqualTo(50_000L);
        }
    }
}
