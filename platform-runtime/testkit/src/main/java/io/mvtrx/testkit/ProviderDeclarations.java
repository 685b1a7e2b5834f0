package io.mvtrx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks that a plugin JAR serves both loaders alike: the {@code provides} clauses of its compiled
 * {@code module-info.class} (read by ServiceLoader on the module path) must equal its {@code META-INF/services}
 * files (read by PF4J and by ServiceLoader on a class path).
 *
 * {@snippet :
 * @Test
 * void moduleInfoAndServiceFilesAgree() {
 *     ProviderDeclarations.assertAgree(Path.of("target/classes"));
 * }
 * }
 */
public final class ProviderDeclarations {

    private ProviderDeclarations() {
    }

    /** Asserts that module-info and META-INF/services under a classes directory declare the same providers. */
    public static void assertAgree(Path classes) {
        Map<String, Set<String>> fromModule = fromModuleInfo(classes.resolve("module-info.class"));
        Map<String, Set<String>> fromServices = fromServiceFiles(classes.resolve("META-INF/services"));
        assertThat(fromModule).as("module-info provides clauses").isNotEmpty();
        assertThat(fromServices).as("META-INF/services declarations in %s", classes).isEqualTo(fromModule);
    }

    static Map<String, Set<String>> fromModuleInfo(Path moduleInfo) {
        try (InputStream in = Files.newInputStream(moduleInfo)) {
            Map<String, Set<String>> provides = new TreeMap<>();
            for (ModuleDescriptor.Provides p : ModuleDescriptor.read(in).provides()) {
                provides.put(p.service(), new TreeSet<>(p.providers()));
            }
            return provides;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + moduleInfo, e);
        }
    }

    static Map<String, Set<String>> fromServiceFiles(Path servicesDir) {
        Map<String, Set<String>> provides = new TreeMap<>();
        if (!Files.isDirectory(servicesDir)) {
            return provides;
        }
        try (Stream<Path> files = Files.list(servicesDir)) {
            for (Path file : files.toList()) {
                List<String> lines = Files.readAllLines(file).stream()
                        .map(line -> line.replaceFirst("#.*", "").strip())
                        .filter(line -> !line.isEmpty())
                        .toList();
                provides.put(file.getFileName().toString(), new TreeSet<>(lines));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + servicesDir, e);
        }
        return provides;
    }
}
