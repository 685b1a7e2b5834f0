package io.mvtrx.runtime.plugins;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.PluginProvider;
import io.mvtrx.runtime.plugins.PluginInfo.State;
import io.mvtrx.runtime.plugins.internal.BuiltInPlugins;
import io.mvtrx.runtime.plugins.internal.FolderPlugins;
import io.mvtrx.runtime.plugins.internal.LoadedPlugin;

/**
 * Loads every plugin and indexes its providers by extension point and name.
 *
 * <ol>
 *   <li>Built-ins: for each {@link ExtensionPoint}, {@code ServiceLoader.load(point.providerType(), loader)} — named
 *       modules on the module path through their {@code provides}, class-path JARs through
 *       {@code META-INF/services} — grouped into plugins by module or JAR.</li>
 *   <li>Folder plugins: each {@code *.jar} of the plugins folder through PF4J (manifest descriptor,
 *       {@code Plugin-Requires} checked against {@link io.mvtrx.api.PlatformVersion#API_VERSION}, {@code disabled.txt}
 *       honoured, providers read from the JAR's own {@code META-INF/services}).</li>
 *   <li>Names: a provider whose name is already taken within its extension point is refused, naming both plugins;
 *       built-ins are indexed first, so a built-in always wins over a folder JAR.</li>
 * </ol>
 *
 * <p>Nothing a plugin does stops the host: each problem becomes one line naming the JAR (or module) and the reason,
 * logged at WARNING on logger {@code io.mvtrx.runtime.plugins} and kept in {@link PluginRegistry#problems()}.
 *
 * {@snippet :
 * try (PluginRegistry registry = PluginHost.load(Path.of("plugins"))) {
 *     FeePolicyProvider fees = registry.require(FeePolicyProvider.class, "tiered");
 * }
 * }
 *
 * <p>Call from one thread; the registry it returns may be shared. Cost: one ServiceLoader pass per extension point,
 * one class loader per folder JAR.
 */
public final class PluginHost {

    private static final System.Logger LOG = System.getLogger(PluginHost.class.getPackageName());

    /**
     * PF4J's own messages repeat what the host reports in one line, with stack traces; unless logging configuration
     * says otherwise, only its warnings and errors are shown. Held here so the setting is not garbage-collected.
     */
    private static final Logger PF4J_LOG = Logger.getLogger("org.pf4j");

    static {
        if (PF4J_LOG.getLevel() == null) {
            PF4J_LOG.setLevel(java.util.logging.Level.WARNING);
        }
    }

    private PluginHost() {
    }

    /** Loads the built-ins visible to the host's own class loader, and no folder. */
    public static PluginRegistry loadBuiltIns() {
        return load(PluginHost.class.getClassLoader(), null);
    }

    /**
     * Loads the built-ins visible to the host's own class loader and the JARs of {@code pluginsDirectory}.
     *
     * @param pluginsDirectory the plugins folder; if it does not exist, there are no folder plugins
     */
    public static PluginRegistry load(Path pluginsDirectory) {
        return load(PluginHost.class.getClassLoader(), pluginsDirectory);
    }

    /**
     * Loads the built-ins {@code builtIns} sees through ServiceLoader and the JARs of {@code pluginsDirectory}.
     *
     * @param builtIns         where built-in providers are looked up (tests pass a loader over prepared JARs)
     * @param pluginsDirectory the plugins folder, or null for none; a missing folder means no folder plugins
     */
    public static PluginRegistry load(ClassLoader builtIns, Path pluginsDirectory) {
        List<String> hostProblems = new ArrayList<>();
        BuiltInPlugins.Result builtIn = BuiltInPlugins.load(builtIns);
        hostProblems.addAll(builtIn.problems());

        List<LoadedPlugin> folderPlugins = List.of();
        FolderPlugins folder = null;
        if (pluginsDirectory != null && Files.exists(pluginsDirectory)) {
            if (!Files.isDirectory(pluginsDirectory)) {
                hostProblems.add(String.format("%s: the plugins folder is not a directory", pluginsDirectory));
            } else {
                Map<String, String> takenIds = new HashMap<>();
                builtIn.plugins().forEach(plugin -> takenIds.putIfAbsent(plugin.id(), plugin.label()));
                try {
                    folder = FolderPlugins.load(pluginsDirectory, takenIds);
                    folderPlugins = folder.plugins();
                } catch (IOException e) {
                    hostProblems.add(String.format("%s: cannot list the plugins folder: %s", pluginsDirectory,
                            e.getMessage()));
                }
            }
        }
        FolderPlugins opened = folder;
        return assemble(builtIn.plugins(), folderPlugins, hostProblems, () -> {
            if (opened != null) {
                opened.close();
            }
        });
    }

    private static PluginRegistry assemble(List<LoadedPlugin> builtIns, List<LoadedPlugin> folder,
            List<String> hostProblems, Runnable onClose) {
        List<LoadedPlugin> all = new ArrayList<>(builtIns);
        all.addAll(folder);

        Map<ExtensionPoint, Map<String, PluginProvider>> index = new EnumMap<>(ExtensionPoint.class);
        Map<ExtensionPoint, Map<String, LoadedPlugin>> owners = new EnumMap<>(ExtensionPoint.class);
        List<PluginInfo> infos = new ArrayList<>();
        List<String> problems = new ArrayList<>(hostProblems);
        for (LoadedPlugin plugin : all) {
            Map<ExtensionPoint, List<String>> provides = new EnumMap<>(ExtensionPoint.class);
            for (LoadedPlugin.Provided provided : plugin.providers()) {
                Map<String, LoadedPlugin> taken = owners.computeIfAbsent(provided.point(), p -> new TreeMap<>());
                LoadedPlugin owner = taken.get(provided.name());
                if (owner != null) {
                    plugin.problem("provider %s refused: %s '%s' is already provided by %s", provided.className(),
                            provided.point().label(), provided.name(), owner.label());
                    continue;
                }
                taken.put(provided.name(), plugin);
                index.computeIfAbsent(provided.point(), p -> new LinkedHashMap<>())
                        .put(provided.name(), provided.provider());
                provides.computeIfAbsent(provided.point(), p -> new ArrayList<>()).add(provided.name());
            }
            State state = plugin.state();
            if (state == State.LOADED && plugin.declared() > 0 && provides.isEmpty()) {
                state = State.FAILED;
            }
            infos.add(new PluginInfo(plugin.id(), plugin.version(), plugin.origin(), plugin.location(), state,
                    provides, plugin.problems()));
            problems.addAll(plugin.problems());
        }
        problems.forEach(problem -> LOG.log(Level.WARNING, problem));
        return new PluginRegistry(infos, problems, index, onClose);
    }
}
