package io.mvtrx.runtime.plugins.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipException;

import io.mvtrx.api.PlatformVersion;
import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.runtime.plugins.PluginInfo;
import io.mvtrx.runtime.plugins.PluginInfo.Origin;
import io.mvtrx.runtime.plugins.PluginInfo.State;

import org.pf4j.PluginDependency;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Loads the JARs of a plugins folder with PF4J, one at a time, so each problem costs only its own JAR and is
 * reported in one line: {@code plugins/foo.jar: <reason>}.
 *
 * <p>Order of checks per JAR (JARs in file-name order): readable ZIP; descriptor ({@code Plugin-Id},
 * {@code Plugin-Version}); id not already taken (by a built-in or an earlier JAR); not disabled by the operator;
 * {@code Plugin-Requires} satisfied by the platform API version; {@code Plugin-Dependencies} present, enabled, loadable,
 * of a matching version and not circular; then PF4J loads, resolves and starts it, and each class its
 * {@code META-INF/services} files list for an extension point is created (with the plugin's loader as context class
 * loader). Name collisions are checked later, across all plugins, by the host.
 *
 * <p>Confined to the loading thread; {@link #close()} releases the plugin class loaders.
 */
public final class FolderPlugins implements AutoCloseable {

    private static final String SPI_PREFIX = "io.mvtrx.api.spi.";

    private final Path directory;
    private final FolderPluginManager manager;
    private final List<LoadedPlugin> plugins = new ArrayList<>();

    private FolderPlugins(Path directory) {
        this.directory = directory;
        this.manager = new FolderPluginManager(directory);
    }

    /**
     * Loads every {@code *.jar} of {@code directory}.
     *
     * @param directory an existing folder
     * @param takenIds  ids of plugins already loaded (built-ins) and how problem lines name them
     */
    public static FolderPlugins load(Path directory, Map<String, String> takenIds) throws IOException {
        FolderPlugins folder = new FolderPlugins(directory);
        folder.loadAll(takenIds);
        return folder;
    }

    /** The folder's plugins in file-name order, whatever their state. */
    public List<LoadedPlugin> plugins() {
        return plugins;
    }

    @Override
    public void close() {
        manager.closeLoaders();
    }

    private void loadAll(Map<String, String> takenIds) throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(directory)) {
            jars = files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
        }
        Map<String, String> ids = new LinkedHashMap<>(takenIds);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (Path jar : jars) {
            Candidate candidate = inspect(jar, ids);
            plugins.add(candidate.plugin);
            if (candidate.descriptor != null) {
                candidates.put(candidate.plugin.id(), candidate);
                ids.put(candidate.plugin.id(), candidate.plugin.label());
            }
        }
        checkDependencies(candidates);
        // dependencies first, so that each plugin resolves against plugins PF4J already holds
        List<Candidate> order = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (Candidate candidate : candidates.values()) {
            dependenciesFirst(candidate, candidates, visited, order);
        }
        for (Candidate candidate : order) {
            // a dependency may have failed while starting: check again
            if (candidate.plugin.state() == State.LOADED && dependenciesMet(candidate, candidates)) {
                start(candidate);
            }
        }
    }

    private static void dependenciesFirst(Candidate candidate, Map<String, Candidate> candidates, Set<String> visited,
            List<Candidate> order) {
        if (!visited.add(candidate.plugin.id())) {
            return;
        }
        for (PluginDependency dependency : candidate.dependencies()) {
            Candidate target = candidates.get(dependency.getPluginId());
            if (target != null) {
                dependenciesFirst(target, candidates, visited, order);
            }
        }
        order.add(candidate);
    }

    private Candidate inspect(Path jar, Map<String, String> ids) {
        String fileName = jar.getFileName().toString();
        String label = directory.getFileName() + "/" + fileName;
        String location = jar.toAbsolutePath().normalize().toString();
        PluginJar contents;
        try {
            contents = PluginJar.read(jar);
        } catch (ZipException e) {
            return Candidate.failed(unidentified(fileName, location, label), "not a JAR: %s", e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Candidate.failed(unidentified(fileName, location, label), "cannot read: %s",
                    Providers.describe(e));
        }
        String id = contents.attribute("Plugin-Id");
        if (id == null) {
            return Candidate.failed(unidentified(fileName, location, label),
                    "no plugin descriptor: the manifest has no Plugin-Id");
        }
        String version = contents.attribute("Plugin-Version");
        LoadedPlugin plugin = new LoadedPlugin(id, version == null ? PluginInfo.UNKNOWN_VERSION : version,
                Origin.FOLDER, location, label);
        if (version == null) {
            return Candidate.failed(plugin, "invalid plugin descriptor: the manifest has no Plugin-Version");
        }
        if (ids.containsKey(id)) {
            return Candidate.failed(plugin, "refused: plugin id '%s' is already used by %s", id, ids.get(id));
        }
        Candidate candidate = new Candidate(plugin, contents);
        if (manager.disabled(id)) {
            plugin.disable();
            return candidate;
        }
        String requires = contents.attribute("Plugin-Requires");
        if (requires != null) {
            boolean satisfied;
            try {
                satisfied = manager.satisfies(requires);
            } catch (RuntimeException e) {
                plugin.fail("refused: Plugin-Requires '%s' is not a version range (%s)", requires,
                        Providers.describe(e));
                return candidate;
            }
            if (!satisfied) {
                plugin.fail("refused: requires platform %s, this platform is %s", manager.effectiveRange(requires),
                        PlatformVersion.API_VERSION);
            }
        }
        return candidate;
    }

    private static LoadedPlugin unidentified(String fileName, String location, String label) {
        return new LoadedPlugin(fileName, PluginInfo.UNKNOWN_VERSION, Origin.FOLDER, location, label);
    }

    /** Refuses plugins whose required dependencies are missing, switched off, refused, mismatched or circular. */
    private void checkDependencies(Map<String, Candidate> candidates) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Candidate candidate : candidates.values()) {
                if (candidate.plugin.state() == State.LOADED && !dependenciesMet(candidate, candidates)) {
                    changed = true;
                }
            }
        }
        for (Candidate candidate : candidates.values()) {
            if (candidate.plugin.state() == State.LOADED && inCycle(candidate, candidates)) {
                candidate.plugin.fail("refused: its Plugin-Dependencies are circular");
            }
        }
    }

    private boolean dependenciesMet(Candidate candidate, Map<String, Candidate> candidates) {
        for (PluginDependency dependency : candidate.dependencies()) {
            if (dependency.isOptional()) {
                continue;
            }
            String needed = dependency.getPluginId();
            Candidate target = candidates.get(needed);
            if (target == null) {
                candidate.plugin.fail("refused: needs plugin '%s' (Plugin-Dependencies), which is not installed",
                        needed);
                return false;
            }
            if (target.plugin.state() == State.DISABLED) {
                candidate.plugin.fail("refused: needs plugin '%s' (Plugin-Dependencies), which is disabled", needed);
                return false;
            }
            if (target.plugin.state() == State.FAILED) {
                candidate.plugin.fail("refused: needs plugin '%s' (Plugin-Dependencies), which failed", needed);
                return false;
            }
            String support = dependency.getPluginVersionSupport();
            boolean versionOk;
            try {
                versionOk = manager.versionSatisfies(target.plugin.version(), support);
            } catch (RuntimeException e) {
                versionOk = false;
            }
            if (!versionOk) {
                candidate.plugin.fail("refused: needs plugin '%s' %s (Plugin-Dependencies), installed is %s",
                        needed, support, target.plugin.version());
                return false;
            }
        }
        return true;
    }

    private static boolean inCycle(Candidate start, Map<String, Candidate> candidates) {
        List<Candidate> stack = new ArrayList<>(List.of(start));
        Set<String> seen = new HashSet<>();
        while (!stack.isEmpty()) {
            Candidate current = stack.removeLast();
            for (PluginDependency dependency : current.dependencies()) {
                Candidate next = candidates.get(dependency.getPluginId());
                if (next == null) {
                    continue;
                }
                if (next == start) {
                    return true;
                }
                if (seen.add(next.plugin.id())) {
                    stack.add(next);
                }
            }
        }
        return false;
    }

    private void start(Candidate candidate) {
        LoadedPlugin plugin = candidate.plugin;
        PluginWrapper wrapper;
        try {
            wrapper = manager.load(candidate.descriptor.path());
            manager.resolve();
            manager.startPlugin(plugin.id());
        } catch (RuntimeException e) {
            plugin.fail("cannot load: %s", Providers.describe(e));
            return;
        }
        if (wrapper.getPluginState() != PluginState.STARTED) {
            plugin.fail("plugin class %s did not start: %s", wrapper.getDescriptor().getPluginClass(),
                    Providers.describe(wrapper.getFailedException()));
            return;
        }
        ClassLoader loader = wrapper.getPluginClassLoader();
        candidate.descriptor.services().forEach((service, classNames) -> {
            if (service.startsWith(SPI_PREFIX) && point(service) == null) {
                plugin.problem("META-INF/services/%s names no extension point of platform %s", service,
                        PlatformVersion.API_VERSION);
            }
        });
        for (ExtensionPoint point : ExtensionPoint.values()) {
            String service = point.providerType().getName();
            List<String> declared = candidate.descriptor.services().getOrDefault(service, List.of());
            if (declared.isEmpty()) {
                continue;
            }
            Map<String, Class<?>> found = new LinkedHashMap<>();
            for (Class<?> type : manager.extensionClasses(point.providerType(), plugin.id())) {
                found.put(type.getName(), type);
            }
            for (String className : declared) {
                plugin.declare();
                Class<?> type = found.get(className);
                if (type == null) {
                    String reason = manager.unloadable(plugin.id(), className);
                    plugin.problem("provider %s listed in META-INF/services/%s %s", className, service,
                            reason == null ? "does not implement it" : "cannot be loaded: " + reason);
                    continue;
                }
                Providers.create(plugin, point, className, loader, () -> type.getConstructor().newInstance());
            }
        }
        if (plugin.declared() == 0) {
            plugin.problem("provides nothing: no META-INF/services file names an extension point");
        }
    }

    private static ExtensionPoint point(String service) {
        for (ExtensionPoint point : ExtensionPoint.values()) {
            if (point.providerType().getName().equals(service)) {
                return point;
            }
        }
        return null;
    }

    /** A JAR on its way through the checks; {@code descriptor} is null once it cannot even be identified. */
    private record Candidate(LoadedPlugin plugin, PluginJar descriptor) {

        static Candidate failed(LoadedPlugin plugin, String format, Object... args) {
            plugin.fail(format, args);
            return new Candidate(plugin, null);
        }

        List<PluginDependency> dependencies() {
            String text = descriptor.attribute("Plugin-Dependencies");
            if (text == null) {
                return List.of();
            }
            List<PluginDependency> dependencies = new ArrayList<>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    dependencies.add(new PluginDependency(part.strip()));
                }
            }
            return dependencies;
        }
    }
}
