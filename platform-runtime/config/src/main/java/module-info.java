/**
 * Simulation configuration: reads the upstream simulation XML securely, resolves every plugin name through a
 * {@link io.mvtrx.runtime.plugins.PluginCatalog}, reports every problem with its line and element path, and binds a
 * valid file to typed records.
 */
module io.mvtrx.runtime.config {
    requires transitive io.mvtrx.api;
    requires transitive io.mvtrx.runtime.plugins;
    requires java.xml;

    exports io.mvtrx.runtime.config;
}
