package io.mvtrx.runtime.plugins.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mvtrx.api.PlatformVersion;

import org.pf4j.ExtensionFinder;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginWrapper;
import org.pf4j.ServiceProviderExtensionFinder;

/**
 * PF4J's JAR plugin manager set up for MVTRX: the system version is the platform API version (so
 * {@code Plugin-Requires} is checked), {@code disabled.txt} / {@code enabled.txt} in the plugins folder are honoured,
 * and extensions are found from each plugin's own {@code META-INF/services} files, the same declarations ServiceLoader
 * reads, by a finder that skips, and remembers, classes that cannot be loaded.
 *
 * <p>{@link FolderPlugins} drives it one JAR at a time instead of {@code loadPlugins()}, so that one bad JAR (or a
 * missing dependency, which PF4J would throw for the whole folder) only costs that JAR. Not thread-safe, like PF4J's
 * managers.
 */
final class FolderPluginManager extends JarPluginManager {

    FolderPluginManager(Path pluginsDirectory) {
        super(pluginsDirectory);
        setSystemVersion(PlatformVersion.API_VERSION);
    }

    @Override
    protected ExtensionFinder createExtensionFinder() {
        LoadableServiceProviderFinder finder = new LoadableServiceProviderFinder(this);
        addPluginStateListener(finder);
        return finder;
    }

    /** Whether the operator switched the plugin off ({@code disabled.txt}, or absent from a non-empty
     * {@code enabled.txt}). */
    boolean disabled(String pluginId) {
        return isPluginDisabled(pluginId);
    }

    /** Whether this platform's version satisfies a {@code Plugin-Requires} range (exact x.y.z means >=x.y.z). */
    boolean satisfies(String requires) {
        return getVersionManager().checkVersionConstraint(getSystemVersion(), effectiveRange(requires));
    }

    /** Whether {@code version} satisfies a dependency's version support ({@code *} or a range). */
    boolean versionSatisfies(String version, String support) {
        return getVersionManager().checkVersionConstraint(version, support);
    }

    /** The range PF4J actually checks: an exact x.y.z means >=x.y.z, as in PF4J. */
    String effectiveRange(String requires) {
        String range = requires.strip();
        return !isExactVersionAllowed() && range.matches("^\\d+\\.\\d+\\.\\d+$") ? ">=" + range : range;
    }

    /** Loads one JAR into its own class loader; it still needs {@link #resolvePlugins()} and starting. */
    PluginWrapper load(Path jar) {
        return loadPluginFromPath(jar);
    }

    /** Moves loaded plugins to resolved (dependencies were checked before loading). */
    void resolve() {
        resolvePlugins();
    }

    /** The loaded extension classes of {@code type} in a started plugin. */
    <T> List<Class<? extends T>> extensionClasses(Class<T> type, String pluginId) {
        return getExtensionClasses(type, pluginId);
    }

    /** Why a class listed in a plugin's {@code META-INF/services} could not be loaded, or null. */
    String unloadable(String pluginId, String className) {
        return ((LoadableServiceProviderFinder) extensionFinder).unloadable(pluginId, className);
    }

    /** Closes every plugin class loader. PF4J's own unload path is not needed: nothing else holds the plugins. */
    void closeLoaders() {
        for (ClassLoader loader : getPluginClassLoaders().values()) {
            if (loader instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (IOException e) {
                    // closing is best effort; the JVM releases the file on exit
                }
            }
        }
        getPluginClassLoaders().clear();
    }

    /**
     * The service-provider finder, minus classes that cannot be loaded: PF4J would log each with a stack trace on
     * every look-up; here the reason is kept for one problem line.
     */
    static final class LoadableServiceProviderFinder extends ServiceProviderExtensionFinder {

        private final Map<String, Map<String, String>> unloadable = new HashMap<>();

        LoadableServiceProviderFinder(FolderPluginManager manager) {
            super(manager);
        }

        @Override
        public Map<String, Set<String>> readClasspathStorages() {
            // built-ins are found by ServiceLoader; this finder only serves folder plugins
            return Map.of();
        }

        @Override
        public Map<String, Set<String>> readPluginsStorages() {
            Map<String, Set<String>> storages = super.readPluginsStorages();
            storages.forEach((pluginId, classNames) -> {
                ClassLoader loader = pluginManager.getPluginClassLoader(pluginId);
                classNames.removeIf(className -> {
                    String reason = loadFailure(className, loader);
                    if (reason != null) {
                        unloadable.computeIfAbsent(pluginId, id -> new HashMap<>()).put(className, reason);
                    }
                    return reason != null;
                });
            });
            return storages;
        }

        String unloadable(String pluginId, String className) {
            return unloadable.getOrDefault(pluginId, Map.of()).get(className);
        }

        private static String loadFailure(String className, ClassLoader loader) {
            try {
                Class.forName(className, false, loader);
                return null;
            } catch (ClassNotFoundException e) {
                return "class not found in the JAR";
            } catch (LinkageError e) {
                return Providers.describe(e);
            }
        }
    }
}
