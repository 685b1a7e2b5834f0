package io.mvtrx.runtime.plugins;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.PluginProvider;

/**
 * What the plugin host loaded: every plugin with its state, one line per problem, and the providers indexed by
 * extension point and name. Built by {@link PluginHost}.
 *
 * <p>Immutable once built and safe to share between threads. Look-ups are map reads. {@link #close()} releases the
 * class loaders of folder plugins; providers obtained before must not be used afterwards.
 */
public final class PluginRegistry implements PluginCatalog, AutoCloseable {

    private final List<PluginInfo> plugins;
    private final List<String> problems;
    private final Map<ExtensionPoint, SortedMap<String, PluginProvider>> providers;
    private final Runnable onClose;

    PluginRegistry(List<PluginInfo> plugins, List<String> problems,
            Map<ExtensionPoint, ? extends Map<String, PluginProvider>> providers, Runnable onClose) {
        this.plugins = List.copyOf(plugins);
        this.problems = List.copyOf(problems);
        EnumMap<ExtensionPoint, SortedMap<String, PluginProvider>> index = new EnumMap<>(ExtensionPoint.class);
        for (ExtensionPoint point : ExtensionPoint.values()) {
            Map<String, PluginProvider> named = providers.get(point);
            index.put(point, Collections.unmodifiableSortedMap(named == null ? new TreeMap<>() : new TreeMap<>(named)));
        }
        this.providers = Collections.unmodifiableMap(index);
        this.onClose = onClose;
    }

    /** Every plugin: built-ins first (by id), then folder JARs (by file name), whatever their state. */
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /** The plugin with that id, if any. */
    public Optional<PluginInfo> plugin(String id) {
        return plugins.stream().filter(plugin -> plugin.id().equals(id)).findFirst();
    }

    /**
     * One line per problem, each naming the JAR (or module) and the reason, e.g.
     * {@code plugins/foo.jar: refused: requires platform >=9.0.0, this platform is 0.1.0}.
     */
    public List<String> problems() {
        return problems;
    }

    /** The registered providers of an extension point, sorted by name. */
    public List<PluginProvider> providers(ExtensionPoint point) {
        return List.copyOf(providers.get(point).values());
    }

    @Override
    public <P extends PluginProvider> Optional<P> find(Class<P> type, String name) {
        PluginProvider provider = providers.get(ExtensionPoint.of(type)).get(name);
        return provider == null ? Optional.empty() : Optional.of(type.cast(provider));
    }

    @Override
    public List<String> names(ExtensionPoint point) {
        return List.copyOf(providers.get(point).keySet());
    }

    /** Releases the folder plugins' class loaders. Idempotent. */
    @Override
    public void close() {
        onClose.run();
    }
}
