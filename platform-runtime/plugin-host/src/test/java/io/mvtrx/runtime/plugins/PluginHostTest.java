package io.mvtrx.runtime.plugins;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.mvtrx.api.number.BookDecimals;
import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.fees.FeeContext;
import io.mvtrx.api.spi.fees.FeePolicy;
import io.mvtrx.api.spi.fees.FeePolicyProvider;
import io.mvtrx.runtime.plugins.PluginInfo.Origin;
import io.mvtrx.runtime.plugins.PluginInfo.State;
import io.mvtrx.testkit.plugins.PluginJarBuilder;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PluginHostTest {

    private static final String FEES = "META-INF/services/io.mvtrx.api.spi.fees.FeePolicyProvider";

    @TempDir
    Path temp;

    private Path plugins;

    @BeforeEach
    void goodPluginInFolder() throws IOException {
        plugins = Files.createDirectories(temp.resolve("plugins"));
        PluginJarBuilder.plugin("good-fees")
                .feePolicyProvider("com.example.good.FlatFees", "flat-test")
                .writeTo(plugins.resolve("good.jar"));
    }

    private PluginRegistry load() {
        return PluginHost.load(PluginHostTest.class.getClassLoader(), plugins);
    }

    private static void assertGoodPluginLoaded(PluginRegistry registry) {
        assertThat(registry.find(FeePolicyProvider.class, "flat-test")).isPresent();
        PluginInfo good = registry.plugin("good-fees").orElseThrow();
        assertThat(good.state()).isEqualTo(State.LOADED);
        assertThat(good.provides()).isEqualTo(Map.of(ExtensionPoint.FEE_POLICY, List.of("flat-test")));
    }

    @Test
    void loadsGoodFolderPluginAndFindsItsProviderByName() {
        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).isEmpty();
            PluginInfo good = registry.plugin("good-fees").orElseThrow();
            assertThat(good).isEqualTo(new PluginInfo("good-fees", "1.0.0", Origin.FOLDER,
                    plugins.resolve("good.jar").toAbsolutePath().toString(), State.LOADED,
                    Map.of(ExtensionPoint.FEE_POLICY, List.of("flat-test")), List.of()));
            FeePolicyProvider provider = registry.require(FeePolicyProvider.class, "flat-test");
            assertThat(provider.getClass().getName()).isEqualTo("com.example.good.FlatFees");
            assertThat(provider.parameters().parameter("rate")).isPresent();
            FeePolicy policy = provider.create(Settings.empty("FeePolicy"), new FeeContext(1, BookDecimals.REFERENCE));
            assertThat(policy.takerRate(7, 0)).isEqualTo(0L);
            assertThat(registry.names(ExtensionPoint.FEE_POLICY)).containsExactly("flat-test");
            assertThat(registry.providers(ExtensionPoint.FEE_POLICY)).containsExactly(provider);
        }
    }

    @Test
    void requireNamesTheExtensionPointAndTheLoadedNamesWhenAbsent() {
        try (PluginRegistry registry = load()) {
            assertThatThrownBy(() -> registry.require(FeePolicyProvider.class, "tiered"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown fee policy 'tiered'; loaded: flat-test");
        }
    }

    @Test
    void refusesJarWithoutDescriptor() {
        PluginJarBuilder.withoutDescriptor()
                .feePolicyProvider("com.example.plain.PlainFees", "plain")
                .writeTo(plugins.resolve("plain.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems())
                    .containsExactly("plugins/plain.jar: no plugin descriptor: the manifest has no Plugin-Id");
            assertThat(registry.plugin("plain.jar").orElseThrow().state()).isEqualTo(State.FAILED);
            assertThat(registry.find(FeePolicyProvider.class, "plain")).isEmpty();
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void refusesPluginThatRequiresNewerPlatform() {
        PluginJarBuilder.plugin("future-fees")
                .requires(">=99.0.0")
                .feePolicyProvider("com.example.future.FutureFees", "future")
                .writeTo(plugins.resolve("future.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems())
                    .containsExactly("plugins/future.jar: refused: requires platform >=99.0.0, this platform is 0.1.0");
            assertThat(registry.plugin("future-fees").orElseThrow().state()).isEqualTo(State.FAILED);
            assertThat(registry.find(FeePolicyProvider.class, "future")).isEmpty();
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void refusesPluginWhoseRequiredVersionIsNotARange() {
        PluginJarBuilder.plugin("vague-fees")
                .requires("banana")
                .feePolicyProvider("com.example.vague.VagueFees", "vague")
                .writeTo(plugins.resolve("vague.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).singleElement().asString()
                    .startsWith("plugins/vague.jar: refused: Plugin-Requires 'banana' is not a version range (");
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void logsEachProblemOnceAtWarning() {
        PluginJarBuilder.writeCorrupt(plugins.resolve("corrupt.jar"));
        Logger logger = Logger.getLogger("io.mvtrx.runtime.plugins");
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try (PluginRegistry registry = load()) {
            assertThat(records).extracting(LogRecord::getLevel, LogRecord::getMessage)
                    .containsExactly(tuple(Level.WARNING, "plugins/corrupt.jar: not a JAR: zip END header not found"));
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
            logger.setLevel(previous);
        }
    }

    @Test
    void readsExactRequiredVersionAsMinimum() {
        PluginJarBuilder.plugin("exact-fees")
                .requires("99.0.0")
                .feePolicyProvider("com.example.exact.ExactFees", "exact")
                .writeTo(plugins.resolve("exact.jar"));
        PluginJarBuilder.plugin("current-fees")
                .requires("0.1.0")
                .feePolicyProvider("com.example.current.CurrentFees", "current")
                .writeTo(plugins.resolve("current.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems())
                    .containsExactly("plugins/exact.jar: refused: requires platform >=99.0.0, this platform is 0.1.0");
            assertThat(registry.find(FeePolicyProvider.class, "current")).isPresent();
        }
    }

    @Test
    void refusesPluginWhoseDependencyIsMissing() {
        PluginJarBuilder.plugin("dependent-fees")
                .dependencies("base-plugin")
                .feePolicyProvider("com.example.dependent.DependentFees", "dependent")
                .writeTo(plugins.resolve("dependent.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).containsExactly(
                    "plugins/dependent.jar: refused: needs plugin 'base-plugin' (Plugin-Dependencies), "
                            + "which is not installed");
            assertThat(registry.plugin("dependent-fees").orElseThrow().state()).isEqualTo(State.FAILED);
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void loadsPluginAfterTheDependencyItNamesEvenWhenItsJarSortsFirst() {
        PluginJarBuilder.plugin("a-dependent")
                .dependencies("good-fees@>=1.0.0")
                .feePolicyProvider("com.example.dependent.DependentFees", "dependent")
                .writeTo(plugins.resolve("a-dependent.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).isEmpty();
            assertThat(registry.find(FeePolicyProvider.class, "dependent")).isPresent();
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void refusesPluginWhoseDependencyVersionDoesNotMatch() {
        PluginJarBuilder.plugin("picky-fees")
                .dependencies("good-fees@>=2.0.0")
                .feePolicyProvider("com.example.picky.PickyFees", "picky")
                .writeTo(plugins.resolve("picky.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).containsExactly("plugins/picky.jar: refused: needs plugin 'good-fees' "
                    + ">=2.0.0 (Plugin-Dependencies), installed is 1.0.0");
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void refusesPluginsWithCircularDependencies() {
        PluginJarBuilder.plugin("ping").dependencies("pong")
                .feePolicyProvider("com.example.ping.PingFees", "ping").writeTo(plugins.resolve("ping.jar"));
        PluginJarBuilder.plugin("pong").dependencies("ping")
                .feePolicyProvider("com.example.pong.PongFees", "pong").writeTo(plugins.resolve("pong.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).containsExactly(
                    "plugins/ping.jar: refused: its Plugin-Dependencies are circular",
                    "plugins/pong.jar: refused: its Plugin-Dependencies are circular");
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void refusesCorruptJar() {
        PluginJarBuilder.writeCorrupt(plugins.resolve("corrupt.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).containsExactly("plugins/corrupt.jar: not a JAR: zip END header not found");
            assertThat(registry.plugin("corrupt.jar").orElseThrow().state()).isEqualTo(State.FAILED);
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void reportsProviderWhoseConstructorThrows() {
        PluginJarBuilder.plugin("boom-fees")
                .feePolicyProvider("com.example.boom.BoomFees", "boom", "throw new IllegalStateException(\"boom\");")
                .writeTo(plugins.resolve("boom.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).containsExactly(
                    "plugins/boom.jar: provider com.example.boom.BoomFees failed: "
                            + "constructor threw IllegalStateException: boom");
            assertThat(registry.plugin("boom-fees").orElseThrow().state()).isEqualTo(State.FAILED);
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void createsProvidersWithThePluginLoaderAsContextClassLoader() {
        PluginJarBuilder.plugin("context-fees")
                .feePolicyProvider("com.example.context.ContextFees", "context", """
                        if (Thread.currentThread().getContextClassLoader() != getClass().getClassLoader()) {
                            throw new IllegalStateException("context class loader is not the plugin's");
                        }""")
                .writeTo(plugins.resolve("context.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).isEmpty();
            assertThat(registry.find(FeePolicyProvider.class, "context")).isPresent();
        }
    }

    @Test
    void refusesTheLaterOfTwoFolderProvidersWithTheSameName() {
        PluginJarBuilder.plugin("first-fees")
                .feePolicyProvider("com.example.first.TwinFees", "twin")
                .writeTo(plugins.resolve("first.jar"));
        PluginJarBuilder.plugin("second-fees")
                .feePolicyProvider("com.example.second.TwinFees", "twin")
                .writeTo(plugins.resolve("second.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).containsExactly("plugins/second.jar: provider com.example.second.TwinFees "
                    + "refused: fee policy 'twin' is already provided by plugins/first.jar");
            assertThat(registry.require(FeePolicyProvider.class, "twin").getClass().getName())
                    .isEqualTo("com.example.first.TwinFees");
            assertThat(registry.plugin("second-fees").orElseThrow().state()).isEqualTo(State.FAILED);
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void refusesSecondJarWithAnIdAlreadyUsed() {
        PluginJarBuilder.plugin("good-fees")
                .feePolicyProvider("com.example.other.OtherFees", "other")
                .writeTo(plugins.resolve("other.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems())
                    .containsExactly("plugins/other.jar: refused: plugin id 'good-fees' is already used by plugins/good.jar");
            assertThat(registry.find(FeePolicyProvider.class, "other")).isEmpty();
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void reportsListedClassThatImplementsNoExtensionPoint() {
        PluginJarBuilder.plugin("odd-fees")
                .source("com.example.odd.NotAFee", "package com.example.odd; public class NotAFee { }")
                .service(FeePolicyProvider.class, "com.example.odd.NotAFee")
                .writeTo(plugins.resolve("odd.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).containsExactly("plugins/odd.jar: provider com.example.odd.NotAFee "
                    + "listed in " + FEES + " does not implement it");
            assertThat(registry.plugin("odd-fees").orElseThrow().state()).isEqualTo(State.FAILED);
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void reportsListedClassMissingFromTheJar() {
        PluginJarBuilder.plugin("hollow-fees")
                .service(FeePolicyProvider.class, "com.example.hollow.Missing")
                .writeTo(plugins.resolve("hollow.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).containsExactly("plugins/hollow.jar: provider com.example.hollow.Missing "
                    + "listed in " + FEES + " cannot be loaded: class not found in the JAR");
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void reportsServiceFileForAnExtensionPointThisPlatformDoesNotHave() {
        PluginJarBuilder.plugin("newer-fees")
                .feePolicyProvider("com.example.newer.NewerFees", "newer")
                .service("io.mvtrx.api.spi.weather.WeatherProvider", "com.example.newer.Weather")
                .writeTo(plugins.resolve("newer.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).containsExactly("plugins/newer.jar: META-INF/services/"
                    + "io.mvtrx.api.spi.weather.WeatherProvider names no extension point of platform 0.1.0");
            assertThat(registry.plugin("newer-fees").orElseThrow().state()).isEqualTo(State.LOADED);
            assertThat(registry.find(FeePolicyProvider.class, "newer")).isPresent();
        }
    }

    @Test
    void reportsPluginThatProvidesNothing() {
        PluginJarBuilder.plugin("empty").writeTo(plugins.resolve("empty.jar"));

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).containsExactly(
                    "plugins/empty.jar: provides nothing: no META-INF/services file names an extension point");
            assertThat(registry.plugin("empty").orElseThrow().state()).isEqualTo(State.LOADED);
        }
    }

    @Test
    void leavesPluginsListedInDisabledTxtSwitchedOff() throws IOException {
        PluginJarBuilder.plugin("spare-fees")
                .feePolicyProvider("com.example.spare.SpareFees", "spare")
                .writeTo(plugins.resolve("spare.jar"));
        Files.writeString(plugins.resolve("disabled.txt"), "# switched off by the operator\nspare-fees\n");

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).isEmpty();
            assertThat(registry.plugin("spare-fees").orElseThrow().state()).isEqualTo(State.DISABLED);
            assertThat(registry.find(FeePolicyProvider.class, "spare")).isEmpty();
            assertGoodPluginLoaded(registry);
        }
    }

    @Test
    void refusesPluginWhoseDependencyIsDisabled() throws IOException {
        PluginJarBuilder.plugin("needs-good").dependencies("good-fees")
                .feePolicyProvider("com.example.needs.NeedsFees", "needs").writeTo(plugins.resolve("needs.jar"));
        Files.writeString(plugins.resolve("disabled.txt"), "good-fees\n");

        try (PluginRegistry registry = load()) {
            assertThat(registry.problems()).containsExactly("plugins/needs.jar: refused: needs plugin 'good-fees' "
                    + "(Plugin-Dependencies), which is disabled");
        }
    }

    @Test
    void missingFolderMeansNoFolderPlugins() {
        try (PluginRegistry registry = PluginHost.load(PluginHostTest.class.getClassLoader(),
                temp.resolve("absent"))) {
            assertThat(registry.plugins()).isEmpty();
            assertThat(registry.problems()).isEmpty();
        }
    }

    @Test
    void builtInWinsANameCollisionWithAFolderPlugin() throws IOException {
        Path builtInJar = PluginJarBuilder.plugin("builtin-fees")
                .version("0.1.0")
                .feePolicyProvider("com.example.builtin.FlatFees", "flat-test")
                .writeTo(temp.resolve("lib/builtin-fees.jar"));

        try (URLClassLoader lib = new URLClassLoader(new URL[] {builtInJar.toUri().toURL()},
                PluginHostTest.class.getClassLoader());
             PluginRegistry registry = PluginHost.load(lib, plugins)) {
            String location = builtInJar.toAbsolutePath().toString();
            assertThat(registry.problems()).containsExactly("plugins/good.jar: provider com.example.good.FlatFees "
                    + "refused: fee policy 'flat-test' is already provided by " + location);
            assertThat(registry.plugins()).extracting(PluginInfo::id, PluginInfo::origin, PluginInfo::state)
                    .containsExactly(
                            tuple("builtin-fees", Origin.BUILT_IN, State.LOADED),
                            tuple("good-fees", Origin.FOLDER, State.FAILED));
            PluginInfo builtIn = registry.plugin("builtin-fees").orElseThrow();
            assertThat(builtIn.version()).isEqualTo("0.1.0");
            assertThat(builtIn.location()).isEqualTo(location);
            assertThat(registry.require(FeePolicyProvider.class, "flat-test").getClass().getName())
                    .isEqualTo("com.example.builtin.FlatFees");
        }
    }

    @Test
    void refusesFolderPluginReusingABuiltInId() throws IOException {
        Path builtInJar = PluginJarBuilder.plugin("good-fees")
                .feePolicyProvider("com.example.builtin.OwnFees", "own")
                .writeTo(temp.resolve("lib/good-fees.jar"));

        try (URLClassLoader lib = new URLClassLoader(new URL[] {builtInJar.toUri().toURL()},
                PluginHostTest.class.getClassLoader());
             PluginRegistry registry = PluginHost.load(lib, plugins)) {
            assertThat(registry.problems()).containsExactly("plugins/good.jar: refused: plugin id 'good-fees' is "
                    + "already used by " + builtInJar.toAbsolutePath());
            assertThat(registry.find(FeePolicyProvider.class, "own")).isPresent();
        }
    }

    @Test
    void reportsBuiltInProviderWhoseConstructorThrowsAndKeepsItsSiblings() throws IOException {
        Path builtInJar = PluginJarBuilder.plugin("mixed-fees")
                .feePolicyProvider("com.example.mixed.BrokenFees", "broken", "throw new IllegalStateException(\"no\");")
                .feePolicyProvider("com.example.mixed.FineFees", "fine")
                .writeTo(temp.resolve("lib/mixed-fees.jar"));

        try (URLClassLoader lib = new URLClassLoader(new URL[] {builtInJar.toUri().toURL()},
                PluginHostTest.class.getClassLoader());
             PluginRegistry registry = PluginHost.load(lib, null)) {
            assertThat(registry.problems()).containsExactly(builtInJar.toAbsolutePath() + ": provider "
                    + "com.example.mixed.BrokenFees failed: constructor threw IllegalStateException: no");
            PluginInfo mixed = registry.plugin("mixed-fees").orElseThrow();
            assertThat(mixed.state()).isEqualTo(State.LOADED);
            assertThat(mixed.provides()).isEqualTo(Map.of(ExtensionPoint.FEE_POLICY, List.of("fine")));
        }
    }

    @Test
    void listsBuiltInJarWithDescriptorEvenIfItProvidesNothingYet() throws IOException {
        Path builtInJar = PluginJarBuilder.plugin("mvtrx-future").version("0.1.0")
                .writeTo(temp.resolve("lib/mvtrx-future.jar"));

        try (URLClassLoader lib = new URLClassLoader(new URL[] {builtInJar.toUri().toURL()},
                PluginHostTest.class.getClassLoader());
             PluginRegistry registry = PluginHost.load(lib, null)) {
            assertThat(registry.problems()).isEmpty();
            assertThat(registry.plugins()).containsExactly(new PluginInfo("mvtrx-future", "0.1.0", Origin.BUILT_IN,
                    builtInJar.toAbsolutePath().toString(), State.LOADED, Map.of(), List.of()));
        }
    }
}
