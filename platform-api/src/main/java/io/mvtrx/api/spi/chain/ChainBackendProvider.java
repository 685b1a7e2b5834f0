package io.mvtrx.api.spi.chain;

import io.mvtrx.api.settings.Settings;
import io.mvtrx.api.spi.PluginProvider;

/** Provides a chain backend, selected by {@code --chain NAME} ({@code local} by default). */
public interface ChainBackendProvider extends PluginProvider {

    /** Connects to (or opens) a chain. */
    ChainBackend create(Settings settings);
}
