package io.mvtrx.runtime.plugins;

import java.util.List;
import java.util.Optional;

import io.mvtrx.api.spi.ExtensionPoint;
import io.mvtrx.api.spi.PluginProvider;

/**
 * Providers indexed by extension point and name: what configuration validation and the engines resolve names
 * against. Names are unique within an extension point.
 */
public interface PluginCatalog {

    /** The provider of {@code type} registered under {@code name}, if loaded. Names match exactly. */
    <P extends PluginProvider> Optional<P> find(Class<P> type, String name);

    /** Every loaded name of an extension point, sorted. */
    List<String> names(ExtensionPoint point);

    /**
     * The provider of {@code type} named {@code name}.
     *
     * @throws IllegalArgumentException naming the extension point, the name and the loaded names, if absent
     */
    default <P extends PluginProvider> P require(Class<P> type, String name) {
        return find(type, name).orElseThrow(() -> {
            ExtensionPoint point = ExtensionPoint.of(type);
            return new IllegalArgumentException(String.format("unknown %s '%s'; loaded: %s",
                    point.label(), name, String.join(", ", names(point))));
        });
    }
}
